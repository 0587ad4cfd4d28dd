package io.prism.runtime.node;

import io.prism.resources.mps.GpuFault;

/**
 * Tells a fatal GPU fault from an ordinary failure in what actor code threw. After a fatal ("sticky") CUDA error
 * the context is unusable and, under MPS, every client of that GPU is told to exit; an ordinary error (out of
 * memory, a bad argument) leaves the context usable and fails only the call.
 */
final class GpuFaults {
    private GpuFaults() {
    }

    static boolean isFatal(Throwable thrown) {
        return GpuFault.of(thrown).fatal();
    }
}
