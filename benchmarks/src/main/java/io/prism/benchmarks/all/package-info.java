/**
 * {@code benchmarks.jar all}: every end-to-end benchmark run in a JVM of its own, one after another, and their
 * headline figures (recorded through {@link io.prism.benchmarks.BenchReport}) printed as one table with their
 * baselines, ratios and aims.
 */
package io.prism.benchmarks.all;
