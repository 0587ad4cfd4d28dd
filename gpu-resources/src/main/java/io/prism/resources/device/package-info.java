/**
 * GPUs as data: what a node has ({@link io.prism.resources.device.GpuDevice}), how an operator names it
 * ({@link io.prism.resources.device.GpuSpec}: {@code auto}, {@code none}, {@code sim:2x16GiB}), and how it is found
 * ({@link io.prism.resources.device.GpuDiscovery}, which asks the CUDA driver through JCuda and falls back to
 * simulated GPUs where there is no CUDA).
 */
package io.prism.resources.device;
