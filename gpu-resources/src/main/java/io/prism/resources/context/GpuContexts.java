package io.prism.resources.context;

import io.prism.resources.device.GpuDevice;

/** Makes an actor's GpuContext for a device: simulated or CUDA, as the device is. */
public final class GpuContexts {

    private GpuContexts() {
    }

    /**
     * A context for {@code actorName}'s share of {@code device}. The runtime closes it when the actor stops.
     *
     * @param fraction    the actor's share of the device, in (0, 1]
     * @param budgetBytes GPU memory the actor may allocate, at most the device's memory
     * @throws IllegalArgumentException for a fraction or budget out of range
     */
    public static CloseableGpuContext forDevice(GpuDevice device, double fraction, long budgetBytes,
                                                String actorName) {
        if (device.simulated()) {
            return new SimulatedGpuContext(device, fraction, budgetBytes, actorName);
        }
        return new CudaGpuContext(device, fraction, budgetBytes, actorName);
    }

    /**
     * Which sgemm contexts of real GPUs run in this JVM: "sgemm: cuBLAS", or "sgemm: PTX kernel (libcublas.so.12 not
     * found)". The first call loads JCuda's cuBLAS binding, so call it only where a real GPU is used.
     */
    public static String describeSgemm() {
        return SgemmChoice.inThisJvm().describe();
    }
}
