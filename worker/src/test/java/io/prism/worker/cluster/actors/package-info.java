/**
 * Actor classes and values for the cluster tests. Every JVM of a test cluster lists this package in
 * {@code prism.serialization.allowed-packages}, so its values may cross JVMs.
 */
package io.prism.worker.cluster.actors;
