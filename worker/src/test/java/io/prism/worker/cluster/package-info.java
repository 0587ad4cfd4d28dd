/**
 * Prism on a real cluster: a head, workers and CLI commands started as separate JVMs on loopback (port 0), with
 * this test JVM as the driver. {@link io.prism.worker.cluster.PrismProcess} starts and kills the processes;
 * {@link io.prism.worker.cluster.TestCluster} assembles the usual head, two workers and driver.
 */
package io.prism.worker.cluster;
