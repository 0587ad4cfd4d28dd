package io.prism.worker.gpucheck;

/**
 * Holds most of one GPU and does nothing else, so that placement, which has no per-GPU constraint, puts the
 * checked actors on the GPU chosen with {@code --gpu}: each reservation leaves less than a quarter free.
 */
public class GpuReservation {
    /** More than three quarters: a quarter-GPU actor no longer fits beside it. */
    static final double SHARE = 0.7501;
}
