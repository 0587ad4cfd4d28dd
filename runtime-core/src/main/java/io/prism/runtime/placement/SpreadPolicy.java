package io.prism.runtime.placement;

import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.GpuLedger;
import java.util.List;
import java.util.Optional;

/**
 * SPREAD: the most free GPU on the least loaded node (by share of its GPU units in use), so replicas land on
 * different GPUs and nodes, which are their fault domains. Whole GPUs and CPU-only actors likewise go to the least
 * loaded node that has room. Looks at every node, which is fine for the few replicas that ask for it.
 */
final class SpreadPolicy implements PlacementPolicy {

    @Override
    public Optional<PlacementDecision> place(ResourceRequest request, ClusterView view) {
        if (request.affinity() != null) {
            Optional<PlacementDecision> there = view.node(request.affinity())
                .filter(n -> n.hasLabels(request.labels()))
                .flatMap(n -> onNode(request.shape(), n));
            if (there.isPresent() || request.strictAffinity()) {
                return there;
            }
        }
        ResourceShape shape = request.shape();
        ClusterView.Node bestNode = null;
        PlacementDecision best = null;
        for (ClusterView.Node node : view.nodes()) {
            if (!Fit.allowed(request, node)) {
                continue;
            }
            Optional<PlacementDecision> here = onNode(shape, node);
            if (here.isPresent() && (best == null || lessLoaded(shape, node, here.get(), bestNode, best))) {
                bestNode = node;
                best = here.get();
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean lessLoaded(ResourceShape shape, ClusterView.Node node, PlacementDecision here,
                                      ClusterView.Node bestNode, PlacementDecision best) {
        if (shape.isCpuOnly()) {
            return Fit.compareCpuLoad(node, bestNode) < 0;
        }
        int load = Fit.compareGpuLoad(node, bestNode);
        if (load != 0) {
            return load < 0;
        }
        return freeUnits(node, here) > freeUnits(bestNode, best);
    }

    private static long freeUnits(ClusterView.Node node, PlacementDecision d) {
        return node.ledger().freeUnits(d.gpus().get(0));
    }

    /** The most free GPU (or the first idle GPUs) of one node that fit, or empty. */
    private static Optional<PlacementDecision> onNode(ResourceShape shape, ClusterView.Node node) {
        if (!Fit.cpuFits(shape, node)) {
            return Optional.empty();
        }
        if (shape.isCpuOnly()) {
            return Optional.of(Fit.decision(node, List.of(), shape));
        }
        if (shape.gpuCount() > 1) {
            return Fit.wholeGpusOn(node, shape);
        }
        GpuLedger ledger = node.ledger();
        Integer best = null;
        for (GpuDevice d : ledger.devices()) {
            if (Fit.gpuFits(shape, ledger, d.index())
                && (best == null || ledger.freeUnits(d.index()) > ledger.freeUnits(best))) {
                best = d.index();
            }
        }
        return best == null ? Optional.empty() : Optional.of(Fit.decision(node, List.of(best), shape));
    }
}
