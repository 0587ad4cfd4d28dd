package io.prism.runtime.placement;

import io.prism.resources.ledger.GpuLedger;
import java.util.List;
import java.util.Optional;

/** The checks every policy shares: may a request use a node, and does it fit there now. */
final class Fit {
    private Fit() {
    }

    /** Whether {@code r}'s labels and strict affinity let it run on {@code node} at all. */
    static boolean allowed(ResourceRequest r, ClusterView.Node node) {
        return node.hasLabels(r.labels()) && (!r.strictAffinity() || r.affinity().equals(node.id()));
    }

    static boolean cpuFits(ResourceShape shape, ClusterView.Node node) {
        return shape.cpuMillis() <= node.ledger().cpuMillisFree();
    }

    /** Whether one GPU has room for a one-GPU shape's units and memory. */
    static boolean gpuFits(ResourceShape shape, GpuLedger ledger, int gpu) {
        return shape.unitsPerGpu() <= ledger.freeUnits(gpu)
            && shape.memoryOn(ledger.device(gpu)) <= ledger.freeMemory(gpu);
    }

    /** The decision to reserve {@code shape} on {@code gpus} of {@code node}. */
    static PlacementDecision decision(ClusterView.Node node, List<Integer> gpus, ResourceShape shape) {
        long memory = 0;
        if (!gpus.isEmpty()) {
            memory = Long.MAX_VALUE;
            for (int gpu : gpus) {
                memory = Math.min(memory, shape.memoryOn(node.ledger().device(gpu)));
            }
        }
        return new PlacementDecision(node.id(), gpus, shape.unitsPerGpu(), memory, shape.cpuMillis());
    }

    /** {@code shape} on the first idle GPUs of {@code node}, when it has enough of them and the CPUs. */
    static Optional<PlacementDecision> wholeGpusOn(ClusterView.Node node, ResourceShape shape) {
        if (!cpuFits(shape, node) || node.ledger().idleGpuCount() < shape.gpuCount()) {
            return Optional.empty();
        }
        return Optional.of(decision(node, node.ledger().idleGpus().subList(0, shape.gpuCount()), shape));
    }

    /** {@code a}'s GPU load is below {@code b}'s, comparing used/total without division. */
    static int compareGpuLoad(ClusterView.Node a, ClusterView.Node b) {
        return Long.compare(a.ledger().unitsUsedTotal() * b.ledger().unitsTotal(),
            b.ledger().unitsUsedTotal() * a.ledger().unitsTotal());
    }

    static int compareCpuLoad(ClusterView.Node a, ClusterView.Node b) {
        return Long.compare(a.ledger().cpuMillisUsed() * b.ledger().cpuMillisTotal(),
            b.ledger().cpuMillisUsed() * a.ledger().cpuMillisTotal());
    }
}
