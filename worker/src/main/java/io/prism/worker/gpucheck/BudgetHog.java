package io.prism.worker.gpucheck;

import io.prism.Gpu;
import io.prism.gpu.DeviceBuffer;
import io.prism.gpu.GpuContext;

/**
 * A quarter-GPU actor that asks for more GPU memory than its budget, for step 5: the allocation must fail for it,
 * with the budget in the message, and leave it and its neighbours working.
 */
@Gpu(0.25)
public class BudgetHog {
    /** What a simulated GPU allocates within the budget: its buffers are Java arrays on the heap. */
    private static final long SIMULATED_BYTES = 1L << 20;

    private final GpuContext gpu = GpuContext.current();

    /** The actor's GPU memory budget in bytes. */
    public long budget() {
        return gpu.memoryBudget();
    }

    /** The MPS memory limit the executor was started with, or "none" outside an MPS client. */
    public String mpsMemoryLimit() {
        String limit = System.getenv("CUDA_MPS_PINNED_DEVICE_MEM_LIMIT");
        return limit == null ? "none" : limit;
    }

    /**
     * Allocates half of what is free (a megabyte on a simulated GPU) and frees it again, to show the budget is
     * usable. Half, because the context and cuBLAS also take device memory that MPS counts against the same limit.
     *
     * @return the bytes allocated
     */
    public long allocateWithinBudget() {
        long bytes = gpu.simulated() ? SIMULATED_BYTES : gpu.memoryFree() / 2;
        try (DeviceBuffer buffer = gpu.allocate(bytes)) {
            return buffer.sizeBytes();
        }
    }

    /** Asks for one byte more than is free; the context refuses it. */
    public void allocatePastBudget() {
        try (DeviceBuffer buffer = gpu.allocate(gpu.memoryFree() + 1)) {
            throw new IllegalStateException("allocating " + buffer.sizeBytes() + " bytes past a budget of "
                + gpu.memoryBudget() + " succeeded: the budget is not enforced");
        }
    }

    /** Bytes this actor holds now. */
    public long memoryUsed() {
        return gpu.memoryUsed();
    }
}
