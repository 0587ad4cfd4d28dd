/**
 * JMH benchmarks of the pure-Java hot paths (method-reference resolution, method invocation, placement) and of
 * one synchronous round trip per call mechanism. Run them with {@code java -jar benchmarks.jar jmh}.
 */
package io.prism.benchmarks.jmh;
