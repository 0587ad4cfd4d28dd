package io.prism.gpu;

import io.prism.spi.CurrentActor;

/**
 * An actor's view of its GPU share: the device, its fraction and memory budget, buffers counted against that
 * budget, and BLAS on those buffers. On a simulated GPU, buffers live in host memory and BLAS runs on the CPU, with
 * the same budget rules.
 *
 * <p>Available inside an actor's constructor and methods through {@link #current()}.
 */
public interface GpuContext {

    /** The context of the actor whose constructor or method is running on this thread. */
    static GpuContext current() {
        return CurrentActor.gpu();
    }

    /** Index of the device on its node. */
    int deviceIndex();

    String deviceName();

    /** True when the device is simulated (no CUDA): buffers in host memory, math on the CPU. */
    boolean simulated();

    /** The actor's share of the device, e.g. 0.25. */
    double fraction();

    /** GPU memory this actor may allocate, in bytes. */
    long memoryBudget();

    /** Bytes currently allocated through this context. */
    long memoryUsed();

    default long memoryFree() {
        return memoryBudget() - memoryUsed();
    }

    /**
     * Allocates a buffer of {@code bytes}, counted against the budget until it is closed.
     *
     * @throws io.prism.exception.GpuMemoryBudgetExceededException past the budget
     */
    DeviceBuffer allocate(long bytes);

    /** Allocates a buffer holding {@code data}. */
    default DeviceBuffer upload(float[] data) {
        DeviceBuffer buffer = allocate((long) data.length * Float.BYTES);
        buffer.write(0, data, 0, data.length);
        return buffer;
    }

    /** BLAS on this context's buffers (cuBLAS on a real GPU, Java on a simulated one). */
    Blas blas();
}
