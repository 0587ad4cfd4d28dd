package io.prism.runtime.placement;

import java.util.List;
import java.util.Objects;

/**
 * Where a policy would put a request: the node, the GPUs on it and the amounts to reserve on each.
 *
 * @param node         the chosen node
 * @param gpus         device indexes on that node; empty for a CPU-only actor
 * @param unitsPerGpu  units to reserve on each GPU
 * @param memoryPerGpu bytes of device memory to reserve on each GPU
 * @param cpuMillis    thousandths of a CPU to reserve on the node
 */
public record PlacementDecision(NodeId node, List<Integer> gpus, long unitsPerGpu, long memoryPerGpu,
                                long cpuMillis) {
    public PlacementDecision {
        Objects.requireNonNull(node, "node");
        gpus = List.copyOf(gpus);
    }
}
