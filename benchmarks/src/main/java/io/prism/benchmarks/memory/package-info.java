/**
 * What Prism costs in memory: the resident size of an idle Prism node process against a bare Pekko cluster node
 * started the same way, and the heap each hosted actor holds against a plain Pekko actor.
 */
package io.prism.benchmarks.memory;
