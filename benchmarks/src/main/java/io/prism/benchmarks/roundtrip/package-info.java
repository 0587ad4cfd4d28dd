/**
 * End-to-end request/reply in one JVM: an embedded Prism's {@code handle.call} against the fastest raw Pekko
 * request/reply ({@code tell} with a correlation id to one long-lived reply actor) and {@code AskPattern.ask}, all
 * measured in one run so that their ratios are fair.
 */
package io.prism.benchmarks.roundtrip;
