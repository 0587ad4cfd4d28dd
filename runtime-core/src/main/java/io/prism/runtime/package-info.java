/**
 * Prism's runtime on Pekko: starting a node (an embedded one-node cluster for {@code Prism.start()}), its settings,
 * and the {@link io.prism.Prism} implementation users get. The actors live in the {@code manager}, {@code node} and
 * {@code call} packages; placement policies, free of Pekko, in {@code placement}.
 */
package io.prism.runtime;
