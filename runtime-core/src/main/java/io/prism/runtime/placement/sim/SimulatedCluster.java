package io.prism.runtime.placement.sim;

import io.prism.resources.device.GpuDevice;
import io.prism.resources.device.MemorySize;
import io.prism.runtime.placement.NodeId;
import io.prism.runtime.placement.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cluster of identical nodes to simulate. Nodes have {@link #CPUS_PER_NODE} CPUs, which GPU actors do not use
 * (they reserve none by default), so only GPU units and memory limit placement.
 *
 * @param nodes          how many nodes, at least 1
 * @param gpusPerNode    GPUs on each, at least 1
 * @param gpuMemoryBytes memory of each GPU, more than 0
 */
public record SimulatedCluster(int nodes, int gpusPerNode, long gpuMemoryBytes) {
    public static final int CPUS_PER_NODE = 64;

    public SimulatedCluster {
        if (nodes < 1) {
            throw new IllegalArgumentException("a simulated cluster needs at least 1 node, not " + nodes);
        }
        if (gpusPerNode < 1) {
            throw new IllegalArgumentException("simulated nodes need at least 1 GPU each, not " + gpusPerNode);
        }
        if (gpuMemoryBytes <= 0) {
            throw new IllegalArgumentException("simulated GPUs need more than 0 bytes of memory, not "
                + gpuMemoryBytes);
        }
    }

    public long gpus() {
        return (long) nodes * gpusPerNode;
    }

    /** A scheduler holding this cluster's nodes, all empty, named node-1, node-2, ... in join order. */
    public Scheduler newScheduler() {
        Scheduler scheduler = new Scheduler();
        List<GpuDevice> devices = new ArrayList<>(gpusPerNode);
        for (int g = 0; g < gpusPerNode; g++) {
            devices.add(GpuDevice.simulated(g, gpuMemoryBytes));
        }
        for (int n = 1; n <= nodes; n++) {
            scheduler.addNode(new NodeId("node-" + n), devices, CPUS_PER_NODE * 1_000L, Map.of());
        }
        return scheduler;
    }

    /** "1000 nodes × 8 GPUs of 80 GiB". */
    public String describe() {
        return nodes + (nodes == 1 ? " node" : " nodes") + " × " + gpusPerNode + (gpusPerNode == 1 ? " GPU" : " GPUs")
            + " of " + MemorySize.format(gpuMemoryBytes);
    }
}
