package io.prism.runtime.placement;

import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.GpuLedger;
import java.util.List;
import java.util.Optional;

/**
 * SPREAD: the most free GPU on the least loaded node (by share of its GPU units in use), so replicas land on
 * different GPUs and nodes, which are their fault domains. Whole GPUs and CPU-only actors likewise go to the least
 * loaded node that has room (CPU-only by share of CPU in use). Ties go to the node that joined first.
 *
 * <p>GPU requests walk the view's nodes by load, least loaded first, and stop as soon as no node further on can be
 * better than the best found: usually after the first node. CPU-only requests look at every node.
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
        return shape.isCpuOnly() ? leastCpuLoaded(request, view) : leastGpuLoaded(request, view);
    }

    /**
     * The least loaded node where a GPU shape fits. Whole GPUs fit only on nodes with enough wholly free GPUs,
     * which come first within their load, in join order: so for them the first node that fits is the answer.
     */
    private static Optional<PlacementDecision> leastGpuLoaded(ResourceRequest request, ClusterView view) {
        ResourceShape shape = request.shape();
        ClusterView.Node bestNode = null;
        int best = NONE;
        for (ClusterView.Node node : view.byLoad()) {
            if (bestNode != null && !mayBeat(node, bestNode, best)) {
                break;
            }
            if (node.maxFreeUnits() < shape.unitsPerGpu() || !Fit.allowed(request, node)) {
                continue;
            }
            int here = choice(shape, node);
            if (here == NODE_FITS) {
                return Optional.of(decision(shape, node, here));
            }
            if (here != NONE && (bestNode == null || beats(node, here, bestNode, best))) {
                bestNode = node;
                best = here;
            }
        }
        return bestNode == null ? Optional.empty() : Optional.of(decision(shape, bestNode, best));
    }

    /**
     * Whether {@code node}, or a node after it in load order, could still beat the best so far. Within one load the
     * index runs by most free units on one GPU, then join order, so once neither can win, no later node can.
     */
    private static boolean mayBeat(ClusterView.Node node, ClusterView.Node bestNode, int best) {
        if (Fit.compareGpuLoad(node, bestNode) > 0) {
            return false;
        }
        long bestFree = bestNode.ledger().freeUnits(best);
        return node.maxFreeUnits() > bestFree || node.maxFreeUnits() == bestFree && node.seq() < bestNode.seq();
    }

    /** Of two nodes with the same load (the walk never meets a less loaded one later), more free units, then older. */
    private static boolean beats(ClusterView.Node node, int gpu, ClusterView.Node bestNode, int bestGpu) {
        long free = node.ledger().freeUnits(gpu);
        long bestFree = bestNode.ledger().freeUnits(bestGpu);
        return free > bestFree || free == bestFree && node.seq() < bestNode.seq();
    }

    private static Optional<PlacementDecision> leastCpuLoaded(ResourceRequest request, ClusterView view) {
        ClusterView.Node best = null;
        for (ClusterView.Node node : view.nodes()) {
            if (Fit.allowed(request, node) && Fit.cpuFits(request.shape(), node)
                && (best == null || Fit.compareCpuLoad(node, best) < 0)) {
                best = node;
            }
        }
        return best == null ? Optional.empty() : Optional.of(Fit.decision(best, List.of(), request.shape()));
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
