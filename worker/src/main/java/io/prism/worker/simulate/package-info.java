/**
 * {@code prism simulate}: reads the cluster and workload options, runs the placement simulator
 * ({@code io.prism.runtime.placement.sim}) once per policy, and prints one row per policy as a table or as JSON.
 */
package io.prism.worker.simulate;
