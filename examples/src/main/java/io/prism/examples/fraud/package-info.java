/**
 * Online fraud scoring, end to end: a synthetic card-transactions dataset, a small MLP trained on it in plain Java,
 * and {@link io.prism.examples.fraud.FraudScorer}, the {@code @Gpu(0.25)} actor that serves the model with cuBLAS
 * through its {@link io.prism.gpu.GpuContext}. Copy this package to start your own GPU actor.
 */
package io.prism.examples.fraud;
