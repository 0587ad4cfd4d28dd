/**
 * CUDA MPS for process isolation: the node's control daemon ({@link io.prism.resources.mps.MpsController}), the
 * isolation a node really provides ({@link io.prism.resources.mps.MpsStartup}), the watch for server and daemon faults
 * no client call reports ({@link io.prism.resources.mps.MpsWatch}), the environment that makes an executor
 * process an MPS client with its share of SMs and memory ({@link io.prism.resources.mps.MpsClientEnvironment}), and
 * which CUDA errors end a context ({@link io.prism.resources.mps.GpuFault}). No JCuda class is loaded here except by
 * {@code GpuFault}, which is only asked after a CUDA call failed.
 */
package io.prism.resources.mps;
