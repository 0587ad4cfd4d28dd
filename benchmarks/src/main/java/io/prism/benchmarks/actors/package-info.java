/**
 * Many small actors at once: how fast an embedded Prism creates CPU actors that answer their first call, and how
 * much heap each holds, against plain Pekko actors spawned and sent a first message in the same run.
 */
package io.prism.benchmarks.actors;
