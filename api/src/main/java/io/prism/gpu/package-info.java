/**
 * What an actor sees of its GPU share: {@link io.prism.gpu.GpuContext}, its buffers and BLAS. The interfaces are
 * here; the real (JCuda) and simulated implementations live in {@code prism-gpu-resources}.
 */
package io.prism.gpu;
