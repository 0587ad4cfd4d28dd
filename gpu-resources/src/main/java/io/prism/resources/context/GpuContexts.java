package io.prism.resources.context;

import io.prism.resources.device.GpuDevice;
import java.util.concurrent.CompletableFuture;

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
     * Readies CUDA device {@code ordinal} in this JVM on a thread of its own, once per JVM: the driver, the device's
     * primary context (an MPS client's connection to its server), the sgemm and one small sgemm. The first context
     * made on the device then starts without that work, and the primary context is kept until {@link
     * #releasePrepared}. Call it only where this JVM will use that GPU. The future completes with one line of
     * timings, or fails with the CUDA error; a context made meanwhile waits for it.
     *
     * @throws IllegalArgumentException for a negative ordinal
     */
    public static CompletableFuture<String> prepare(int ordinal) {
        return PreparedDevices.prepare(ordinal);
    }

    /** Undoes {@link #prepare}: the primary context is destroyed once no open context holds it either. */
    public static void releasePrepared(int ordinal) {
        PreparedDevices.release(ordinal);
    }

    /**
     * Which sgemm contexts of real GPUs run in this JVM: "sgemm: cuBLAS", or "sgemm: PTX kernel (libcublas.so.12 not
     * found)". The first call loads JCuda's cuBLAS binding, so call it only where a real GPU is used.
     */
    public static String describeSgemm() {
        return SgemmChoice.inThisJvm().describe();
    }
}
