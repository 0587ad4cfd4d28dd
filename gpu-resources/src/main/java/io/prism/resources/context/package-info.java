/**
 * An actor's {@link io.prism.gpu.GpuContext}: its share of one device, a {@link
 * io.prism.resources.context.MemoryBudget} that every buffer is counted against, and BLAS on those buffers. {@link
 * io.prism.resources.context.GpuContexts} picks the implementation: host arrays and Java math on a simulated GPU,
 * device memory and cuBLAS (through JCuda, loaded only then) on a real one, or Prism's PTX sgemm kernel where
 * cuBLAS 12 cannot load.
 */
package io.prism.resources.context;
