package io.prism.resources.context;

import io.prism.gpu.GpuContext;

/** The runtime's side of an actor's GpuContext: it closes the context when the actor stops. */
public interface CloseableGpuContext extends GpuContext, AutoCloseable {

    /** The most bytes the actor held at once, for metrics. */
    long memoryPeak();

    /**
     * Frees every buffer still open and the context's device resources; later allocations fail. Closing twice is
     * harmless.
     */
    @Override
    void close();
}
