package io.prism.runtime.placement;

import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.GpuLedger;
import java.util.List;
import java.util.Optional;

/**
 * SPREAD: the most free GPU on the least loaded node (by share of its GPU units in use), so replicas land on
 * different GPUs and nodes, which are their fault domains. Whole GPUs and CPU-only actors likewise go to the least
 * loaded node that has room (CPU-only by share of CPU in use). Looks at every GPU of every node, which is fine for
 * the replicas that ask for it.
 */
final class SpreadPolicy implements PlacementPolicy {
    private static final int NONE = -1;
    /** Marks a node where a whole-GPU or CPU-only shape fits, since no single GPU is chosen yet. */
    private static final int NODE_FITS = -2;

    @Override
    public Optional<PlacementDecision> place(ResourceRequest request, ClusterView view) {
        ResourceShape shape = request.shape();
        if (request.affinity() != null) {
            Optional<ClusterView.Node> node = view.node(request.affinity()).filter(n -> n.hasLabels(request.labels()));
            int there = node.map(n -> choice(shape, n)).orElse(NONE);
            if (there != NONE) {
                return Optional.of(decision(shape, node.get(), there));
            }
            if (request.strictAffinity()) {
                return Optional.empty();
            }
        }
        ClusterView.Node bestNode = null;
        int best = NONE;
        for (ClusterView.Node node : view.nodes()) {
            if (!Fit.allowed(request, node)) {
                continue;
            }
            int here = choice(shape, node);
            if (here != NONE && (bestNode == null || lessLoaded(shape, node, here, bestNode, best))) {
                bestNode = node;
                best = here;
            }
        }
        return bestNode == null ? Optional.empty() : Optional.of(decision(shape, bestNode, best));
    }

    private static boolean lessLoaded(ResourceShape shape, ClusterView.Node node, int gpu, ClusterView.Node bestNode,
                                      int bestGpu) {
        if (shape.isCpuOnly()) {
            return Fit.compareCpuLoad(node, bestNode) < 0;
        }
        int load = Fit.compareGpuLoad(node, bestNode);
        if (load != 0 || shape.gpuCount() > 1) {
            return load < 0;
        }
        return node.ledger().freeUnits(gpu) > bestNode.ledger().freeUnits(bestGpu);
    }

    /** The most free GPU of {@code node} that fits a one-GPU shape, NODE_FITS for other shapes that fit, or NONE. */
    private static int choice(ResourceShape shape, ClusterView.Node node) {
        if (!Fit.cpuFits(shape, node)) {
            return NONE;
        }
        if (shape.isCpuOnly()) {
            return NODE_FITS;
        }
        GpuLedger ledger = node.ledger();
        if (shape.gpuCount() > 1) {
            return ledger.idleGpuCount() >= shape.gpuCount() ? NODE_FITS : NONE;
        }
        int best = NONE;
        for (GpuDevice d : ledger.devices()) {
            if (Fit.gpuFits(shape, ledger, d.index())
                && (best == NONE || ledger.freeUnits(d.index()) > ledger.freeUnits(best))) {
                best = d.index();
            }
        }
        return best;
    }

    private static PlacementDecision decision(ResourceShape shape, ClusterView.Node node, int choice) {
        if (shape.isCpuOnly()) {
            return Fit.decision(node, List.of(), shape);
        }
        if (shape.gpuCount() > 1) {
            return Fit.decision(node, node.ledger().idleGpus().subList(0, shape.gpuCount()), shape);
        }
        return Fit.decision(node, List.of(choice), shape);
    }
}
