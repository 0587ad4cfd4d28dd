/**
 * Plain-text rendering shared by the subcommands: aligned tables, GPUs drawn as bars of their used fractions, and
 * the GPU saving line. Pure functions of the api's {@code ClusterState}, so they are tested without a runtime.
 */
package io.prism.worker.console;
