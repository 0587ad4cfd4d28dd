package io.prism;

import java.util.List;

/**
 * Where one incarnation of an actor runs and what it holds there.
 *
 * @param node          the node's id (its cluster address for remote nodes)
 * @param gpus          indices of the GPUs on that node, empty for a CPU-only actor
 * @param unitsPerGpu   GPU units held on each of those GPUs (10,000 units are one GPU)
 * @param memoryBytes   GPU memory budget on each of those GPUs, in bytes
 * @param cpus          CPUs reserved for scheduling
 * @param isolation     the isolation really in force for this actor
 * @param incarnation   0 for the first start, then one more per restart
 */
public record ActorPlacement(String node, List<Integer> gpus, long unitsPerGpu, long memoryBytes, double cpus,
                             Isolation isolation, int incarnation) {
    public static final long UNITS_PER_GPU = 10_000;

    public ActorPlacement {
        gpus = List.copyOf(gpus);
    }

    /** The GPU index for a fractional actor, or -1 when it holds no GPU. */
    public int gpuIndex() {
        return gpus.isEmpty() ? -1 : gpus.get(0);
    }

    /** The share of each GPU held, e.g. 0.25. */
    public double fraction() {
        return unitsPerGpu / (double) UNITS_PER_GPU;
    }
}
