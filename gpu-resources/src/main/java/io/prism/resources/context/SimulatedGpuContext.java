package io.prism.resources.context;

import io.prism.exception.PrismException;
import io.prism.gpu.Blas;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.device.MemorySize;

/**
 * An actor's share of a simulated GPU: buffers are float arrays in host memory and BLAS runs in Java, under the same
 * memory budget a real GPU would enforce.
 */
public final class SimulatedGpuContext extends AbstractGpuContext {
    /** The largest array the JVM will allocate: a few header words short of Integer.MAX_VALUE. */
    static final int MAX_FLOATS = Integer.MAX_VALUE - 8;

    private final JavaBlas blas = new JavaBlas(this);

    /**
     * @param device            the (simulated) device
     * @param fraction          the actor's share of it, in (0, 1]
     * @param memoryBudgetBytes bytes the actor may allocate, at most the device's memory
     * @param actorName         the actor, for error messages
     */
    public SimulatedGpuContext(GpuDevice device, double fraction, long memoryBudgetBytes, String actorName) {
        super(device, fraction, memoryBudgetBytes, actorName);
    }

    @Override
    void checkAllocatable(long bytes) {
        if (bytes / Float.BYTES > MAX_FLOATS) {
            throw new IllegalArgumentException(where() + ": a simulated GPU buffer is one Java array of at most "
                + MAX_FLOATS + " floats (" + MemorySize.format((long) MAX_FLOATS * Float.BYTES) + "); "
                + MemorySize.format(bytes) + " does not fit: split it into smaller buffers");
        }
    }

    @Override
    AbstractBuffer newBuffer(long bytes) {
        float[] data;
        try {
            data = new float[(int) (bytes / Float.BYTES)];
        } catch (OutOfMemoryError e) {
            throw new PrismException(where() + ": the JVM heap has no room for a " + MemorySize.format(bytes)
                + " simulated GPU buffer (max heap " + MemorySize.format(Runtime.getRuntime().maxMemory())
                + "): raise -Xmx or lower the actor's memory budget", e);
        }
        return new HostBuffer(this, bytes, data);
    }

    @Override
    void releaseDevice() {
        // Host arrays go with their buffers; a simulated device holds nothing else.
    }

    @Override
    public Blas blas() {
        return blas;
    }
}
