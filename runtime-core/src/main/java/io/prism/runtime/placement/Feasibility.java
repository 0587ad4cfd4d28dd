package io.prism.runtime.placement;

import io.prism.resources.device.GpuDevice;
import io.prism.resources.device.MemorySize;
import io.prism.resources.ledger.GpuLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/** Explains requests: why one could never be placed on the cluster as it is, and why one waits now. */
final class Feasibility {
    private Feasibility() {
    }

    /**
     * Why {@code r} fits on no node even with every node empty, with the numbers; null when some node could hold
     * it. Applies the constraints one after another to the nodes that passed the earlier ones, so the reason names
     * the first that no remaining node meets.
     */
    static String whyNever(ResourceRequest r, ClusterView view) {
        for (ClusterView.Node node : view.nodes()) {
            if (couldHold(r, node)) {
                return null;
            }
        }
        String who = r.who();
        ResourceShape shape = r.shape();
        if (view.nodeCount() == 0) {
            return who + " needs " + needs(shape) + ", but the cluster has no nodes";
        }
        List<ClusterView.Node> nodes = new ArrayList<>(view.nodes());
        if (r.strictAffinity()) {
            nodes = keep(nodes, n -> n.id().equals(r.affinity()));
            if (nodes.isEmpty()) {
                return who + " must run on node " + r.affinity() + ", which is not in the cluster";
            }
        }
        if (!r.labels().isEmpty()) {
            nodes = keep(nodes, n -> n.hasLabels(r.labels()));
            if (nodes.isEmpty()) {
                return who + " needs a node with labels " + r.labels() + ", but "
                    + (r.strictAffinity() ? "node " + r.affinity() + " does not have them" : "no node has them");
            }
        }
        String where = r.strictAffinity() ? "node " + r.affinity() : r.labels().isEmpty() ? "the cluster"
            : "the nodes with labels " + r.labels();
        if (!shape.isCpuOnly()) {
            nodes = keep(nodes, n -> !n.ledger().devices().isEmpty());
            if (nodes.isEmpty()) {
                String none = r.strictAffinity() ? "node " + r.affinity() + " has no GPUs"
                    : r.labels().isEmpty() ? "the cluster has no GPUs" : "no node with labels " + r.labels() + " has GPUs";
                return who + " needs " + shape.describeGpu() + ", but " + none;
            }
        }
        if (shape.gpuCount() > 1) {
            long most = max(nodes, n -> n.ledger().devices().size());
            nodes = keep(nodes, n -> n.ledger().devices().size() >= shape.gpuCount());
            if (nodes.isEmpty()) {
                return who + " needs " + shape.gpuCount() + " whole GPUs on one node, but the largest node"
                    + (where.equals("the cluster") ? "" : " of " + where) + " has " + most;
            }
        }
        if (shape.isFraction() && shape.memoryBytes() != ResourceShape.PROPORTIONAL) {
            long most = max(nodes, n -> largestGpu(n.ledger()));
            nodes = keep(nodes, n -> largestGpu(n.ledger()) >= shape.memoryBytes());
            if (nodes.isEmpty()) {
                return who + " needs " + MemorySize.format(shape.memoryBytes()) + " of GPU memory on one GPU, but "
                    + "the largest GPU of " + where + " has " + MemorySize.format(most);
            }
        }
        long mostCpu = max(nodes, n -> n.ledger().cpuMillisTotal());
        String largest = where.equals("the cluster") ? shape.isCpuOnly() ? "the largest node" : "the largest such node"
            : "the largest such node of " + where;
        return who + " needs " + ResourceShape.cpus(shape.cpuMillis()) + " CPUs"
            + (shape.isCpuOnly() ? "" : " with " + shape.describeGpu()) + " on one node, but " + largest + " has "
            + ResourceShape.cpus(mostCpu);
    }

    /**
     * Why {@code r} does not fit anywhere right now, in the terms of its tightest constraint. One pass over the
     * nodes it may use, gathering the most of each resource that is free.
     */
    static String whyWaiting(ResourceRequest r, ClusterView view) {
        ResourceShape shape = r.shape();
        long units = shape.unitsPerGpu();
        if (shape.gpuCount() == 1 && r.affinity() == null && r.labels().isEmpty() && view.maxFreeUnits() < units) {
            return "needs " + share(shape) + "; the most free on any GPU is "
                + ResourceShape.gpus(view.maxFreeUnits());
        }
        boolean anyNode = false;
        long mostCpu = 0;
        long mostIdle = 0;
        long mostCpuBesideIdle = 0;
        long mostUnits = 0;
        long mostMemoryBesideUnits = 0;
        long mostCpuBesideGpu = -1;
        for (ClusterView.Node node : view.nodes()) {
            if (!Fit.allowed(r, node)) {
                continue;
            }
            anyNode = true;
            GpuLedger ledger = node.ledger();
            long cpuFree = ledger.cpuMillisFree();
            mostCpu = Math.max(mostCpu, cpuFree);
            mostIdle = Math.max(mostIdle, ledger.idleGpuCount());
            if (shape.gpuCount() > 1 && ledger.idleGpuCount() >= shape.gpuCount()) {
                mostCpuBesideIdle = Math.max(mostCpuBesideIdle, cpuFree);
            }
            if (shape.gpuCount() == 1) {
                for (GpuDevice d : ledger.devices()) {
                    long free = ledger.freeUnits(d.index());
                    mostUnits = Math.max(mostUnits, free);
                    if (free >= units) {
                        mostMemoryBesideUnits = Math.max(mostMemoryBesideUnits, ledger.freeMemory(d.index()));
                        if (Fit.gpuFits(shape, ledger, d.index())) {
                            mostCpuBesideGpu = Math.max(mostCpuBesideGpu, cpuFree);
                        }
                    }
                }
            }
        }
        String scope = r.strictAffinity() ? "on node " + r.affinity() + ": "
            : r.labels().isEmpty() ? "" : "on nodes with labels " + r.labels() + ": ";
        String cpus = ResourceShape.cpus(shape.cpuMillis());
        if (!anyNode) {
            return scope + "no node it may use is in the cluster";
        }
        if (shape.isCpuOnly()) {
            return scope + "needs " + cpus + " CPUs; the most free on any node is " + ResourceShape.cpus(mostCpu);
        }
        if (shape.gpuCount() > 1) {
            if (mostIdle < shape.gpuCount()) {
                return scope + "needs " + shape.gpuCount() + " whole GPUs on one node; the most idle GPUs on any "
                    + "node is " + mostIdle;
            }
            return scope + "needs " + cpus + " CPUs with " + shape.gpuCount() + " whole GPUs; the nodes with "
                + shape.gpuCount() + " idle GPUs have at most " + ResourceShape.cpus(mostCpuBesideIdle) + " CPUs free";
        }
        if (mostUnits < units) {
            return scope + "needs " + share(shape) + "; the most free on any GPU is "
                + ResourceShape.gpus(mostUnits);
        }
        if (mostCpuBesideGpu < 0) {
            return scope + "needs " + share(shape) + " with "
                + (shape.memoryBytes() == ResourceShape.PROPORTIONAL ? "its share of the memory"
                : MemorySize.format(shape.memoryBytes())) + "; the GPUs with that much free have at most "
                + MemorySize.format(mostMemoryBesideUnits) + " of memory free";
        }
        return scope + "needs " + cpus + " CPUs with " + share(shape) + "; the nodes with "
            + "such a GPU free have at most " + ResourceShape.cpus(mostCpuBesideGpu) + " CPUs free";
    }

    private static boolean couldHold(ResourceRequest r, ClusterView.Node node) {
        ResourceShape shape = r.shape();
        if (!Fit.allowed(r, node) || node.ledger().cpuMillisTotal() < shape.cpuMillis()) {
            return false;
        }
        int gpus = node.ledger().devices().size();
        if (shape.isCpuOnly()) {
            return true;
        }
        if (shape.gpuCount() > 1) {
            return gpus >= shape.gpuCount();
        }
        return gpus > 0 && (shape.memoryBytes() == ResourceShape.PROPORTIONAL
            || largestGpu(node.ledger()) >= shape.memoryBytes());
    }

    /** "0.25 of one GPU", or "1 whole GPU". */
    private static String share(ResourceShape shape) {
        return shape.isWholeGpus() ? "1 whole GPU" : ResourceShape.gpus(shape.unitsPerGpu()) + " of one GPU";
    }

    private static String needs(ResourceShape shape) {
        return shape.isCpuOnly() ? ResourceShape.cpus(shape.cpuMillis()) + " CPUs" : shape.describeGpu();
    }

    private static long largestGpu(GpuLedger ledger) {
        return ledger.devices().stream().mapToLong(GpuDevice::totalMemory).max().orElse(0);
    }

    private static long max(List<ClusterView.Node> nodes, ToLongFunction<ClusterView.Node> f) {
        long max = 0;
        for (ClusterView.Node n : nodes) {
            max = Math.max(max, f.applyAsLong(n));
        }
        return max;
    }

    private static List<ClusterView.Node> keep(List<ClusterView.Node> nodes, Predicate<ClusterView.Node> p) {
        List<ClusterView.Node> kept = new ArrayList<>(nodes.size());
        for (ClusterView.Node n : nodes) {
            if (p.test(n)) {
                kept.add(n);
            }
        }
        return kept;
    }
}
