/**
 * Prism's benchmarks, outside the test run: {@link io.prism.benchmarks.Benchmarks} starts the end-to-end call
 * comparison against raw Pekko by default, or JMH with {@code jmh}. Numbers from here are reported, never asserted.
 */
package io.prism.benchmarks;
