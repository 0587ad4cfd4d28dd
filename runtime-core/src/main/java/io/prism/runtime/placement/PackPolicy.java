package io.prism.runtime.placement;

import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.GpuLedger;
import java.util.List;
import java.util.Optional;

/**
 * PACK, the default: put a fraction on the GPU it fills best (fewest free units that still fit), so shares gather
 * on GPUs already in use and whole GPUs stay free; among equally good GPUs, those on nodes already in use, then
 * on the most packed node. Whole GPUs go to the node with the fewest idle GPUs that has enough. CPU-only actors go
 * to the nodes with the fewest GPUs first (keeping GPU nodes' CPUs for GPU actors), best fit by free CPU.
 */
final class PackPolicy implements PlacementPolicy {

    @Override
    public Optional<PlacementDecision> place(ResourceRequest request, ClusterView view) {
        ResourceShape shape = request.shape();
        if (request.affinity() != null) {
            Optional<PlacementDecision> there = view.node(request.affinity())
                .filter(n -> n.hasLabels(request.labels()))
                .flatMap(n -> onNode(shape, n));
            if (there.isPresent() || request.strictAffinity()) {
                return there;
            }
        }
        if (shape.isCpuOnly()) {
            return cpuOnly(request, view);
        }
        if (shape.gpuCount() == 1) {
            return oneGpu(request, view);
        }
        return wholeGpus(request, view);
    }

    private static Optional<PlacementDecision> oneGpu(ResourceRequest request, ClusterView view) {
        ResourceShape shape = request.shape();
        for (ClusterView.Slot slot : view.packOrder(shape.unitsPerGpu())) {
            ClusterView.Node node = slot.node();
            if (Fit.allowed(request, node) && Fit.cpuFits(shape, node) && Fit.gpuFits(shape, node.ledger(), slot.gpu())) {
                return Optional.of(Fit.decision(node, List.of(slot.gpu()), shape));
            }
        }
        return Optional.empty();
    }

    /** The first node in the idle index with enough idle GPUs that the request may use. */
    private static Optional<PlacementDecision> wholeGpus(ResourceRequest request, ClusterView view) {
        ResourceShape shape = request.shape();
        for (ClusterView.Node node : view.byIdleGpus(shape.gpuCount())) {
            if (Fit.allowed(request, node) && Fit.cpuFits(shape, node)) {
                return Fit.wholeGpusOn(node, shape);
            }
        }
        return Optional.empty();
    }

    private static Optional<PlacementDecision> cpuOnly(ResourceRequest request, ClusterView view) {
        ResourceShape shape = request.shape();
        ClusterView.Node best = null;
        for (ClusterView.Node node : view.nodes()) {
            if (!Fit.allowed(request, node) || !Fit.cpuFits(shape, node)) {
                continue;
            }
            if (best == null) {
                best = node;
                continue;
            }
            int gpus = node.ledger().devices().size();
            int bestGpus = best.ledger().devices().size();
            if (gpus < bestGpus || gpus == bestGpus && node.ledger().cpuMillisFree() < best.ledger().cpuMillisFree()) {
                best = node;
            }
        }
        return best == null ? Optional.empty() : Optional.of(Fit.decision(best, List.of(), shape));
    }

    /** The PACK choice restricted to one node, for affinity. */
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
                && (best == null || ledger.freeUnits(d.index()) < ledger.freeUnits(best))) {
                best = d.index();
            }
        }
        return best == null ? Optional.empty() : Optional.of(Fit.decision(node, List.of(best), shape));
    }
}
