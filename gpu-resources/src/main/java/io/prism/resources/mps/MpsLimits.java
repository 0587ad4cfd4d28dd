package io.prism.resources.mps;

/** What one MPS server can hold. */
public final class MpsLimits {
    /**
     * MPS clients (processes) per GPU on Volta and later. NVIDIA's {@code nvidia-cuda-mps-control(1)} man page: 16
     * clients per GPU for compute capability 3.5 to 6.0, 48 for 7.0 and later (CUDA 11/12). A client past it fails
     * with {@code CUDA_ERROR_MPS_MAX_CLIENTS_REACHED}, so an agent starts no more executors than this on one GPU.
     */
    public static final int MAX_CLIENTS_PER_GPU = 48;

    private MpsLimits() {
    }
}
