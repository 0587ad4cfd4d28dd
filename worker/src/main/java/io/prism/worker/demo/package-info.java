/**
 * {@code prism demo}: an embedded Prism, four fractional fraud-scoring actors packed on one simulated GPU, a
 * pipelined load of scoring calls, and a report of placement, GPU use, throughput and latency.
 */
package io.prism.worker.demo;
