/**
 * The long-running processes of a Prism cluster: {@code prism head}, the seed that runs the resource manager, and
 * {@code prism worker}, which joins it and offers its GPUs and CPUs for actors. Both print where they listen and how
 * to join them, then run until the cluster stops them or Ctrl-C makes them leave.
 */
package io.prism.worker.node;
