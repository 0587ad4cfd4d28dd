package io.prism.runtime.placement;

import io.prism.PlacementStrategy;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.GpuLedger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PACK and SPREAD for GPU requests without node affinity, as their definitions say, found by looking at every GPU
 * of every node: what the indexed policies must choose, ties included.
 */
final class PolicyDefinitions {
    /** A place the request fits: a node (with its join order) and GPUs; {@code free} is the GPU's free units. */
    private record Candidate(ClusterView.Node node, int order, List<Integer> gpus, long free) {
        GpuLedger ledger() {
            return node.ledger();
        }
    }

    private static final Comparator<Candidate> LOAD = (a, b) -> Long.compare(
        a.ledger().unitsUsedTotal() * b.ledger().unitsTotal(), b.ledger().unitsUsedTotal() * a.ledger().unitsTotal());
    private static final Comparator<Candidate> PACK_ONE = Comparator.comparingLong(Candidate::free)
        .thenComparing(c -> !c.node().gpusInUse())
        .thenComparingInt(c -> c.ledger().idleGpuCount())
        .thenComparingInt(Candidate::order)
        .thenComparingInt(c -> c.gpus().get(0));
    private static final Comparator<Candidate> PACK_WHOLE = Comparator.comparingInt((Candidate c) ->
            c.ledger().idleGpuCount())
        .thenComparing(c -> !c.node().gpusInUse())
        .thenComparingInt(Candidate::order);
    private static final Comparator<Candidate> SPREAD_ONE = LOAD
        .thenComparing(Comparator.comparingLong(Candidate::free).reversed())
        .thenComparingInt(Candidate::order);
    private static final Comparator<Candidate> SPREAD_WHOLE = LOAD.thenComparingInt(Candidate::order);

    private PolicyDefinitions() {
    }

    static Optional<PlacementDecision> expected(ResourceRequest r, ClusterView view) {
        if (r.shape().isCpuOnly() || r.affinity() != null) {
            throw new IllegalArgumentException("defined here for GPU requests without affinity only: " + r);
        }
        boolean pack = r.strategyOrDefault() == PlacementStrategy.PACK;
        boolean whole = r.shape().gpuCount() > 1;
        Comparator<Candidate> order = whole ? pack ? PACK_WHOLE : SPREAD_WHOLE : pack ? PACK_ONE : SPREAD_ONE;
        return candidates(r, view, pack).stream().min(order)
            .map(c -> Fit.decision(c.node(), c.gpus(), r.shape()));
    }

    private static List<Candidate> candidates(ResourceRequest r, ClusterView view, boolean pack) {
        ResourceShape shape = r.shape();
        List<Candidate> candidates = new ArrayList<>();
        int order = 0;
        for (ClusterView.Node node : view.nodes()) {
            order++;
            GpuLedger ledger = node.ledger();
            if (!hasLabels(node, r.labels()) || shape.cpuMillis() > ledger.cpuMillisFree()) {
                continue;
            }
            if (shape.gpuCount() > 1) {
                List<Integer> idle = ledger.idleGpus();
                if (idle.size() >= shape.gpuCount()) {
                    candidates.add(new Candidate(node, order, idle.subList(0, shape.gpuCount()), 0));
                }
                continue;
            }
            Candidate mostFree = null;
            for (GpuDevice d : ledger.devices()) {
                long free = ledger.freeUnits(d.index());
                if (free < shape.unitsPerGpu() || ledger.freeMemory(d.index()) < shape.memoryOn(d)) {
                    continue;
                }
                Candidate c = new Candidate(node, order, List.of(d.index()), free);
                if (pack) {
                    candidates.add(c);
                } else if (mostFree == null || free > mostFree.free()) {
                    mostFree = c;
                }
            }
            if (mostFree != null) {
                candidates.add(mostFree);
            }
        }
        return candidates;
    }

    private static boolean hasLabels(ClusterView.Node node, Map<String, String> required) {
        return required.entrySet().stream().allMatch(e -> e.getValue().equals(node.labels().get(e.getKey())));
    }
}
