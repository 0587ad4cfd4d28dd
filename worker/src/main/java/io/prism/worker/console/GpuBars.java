package io.prism.worker.console;

import io.prism.ActorPlacement;
import io.prism.ClusterState;
import io.prism.resources.device.MemorySize;

import java.util.ArrayList;
import java.util.List;

/**
 * Each GPU of a cluster as a bar of its used fraction:
 * {@code GPU 0  [########################]  100%  4 actors  16 GiB of 16 GiB}. The node's id prefixes each line
 * when there is more than one node.
 */
public final class GpuBars {
    /** Characters in a bar; 24 divides 10,000 units into whole quarters (6 characters for 0.25). */
    static final int WIDTH = 24;

    private GpuBars() {
    }

    public static List<String> lines(ClusterState state, String indent) {
        boolean manyNodes = state.nodes().size() > 1;
        TextTable table = new TextTable("gpu", "bar", ">used", ">actors", ">memory");
        for (ClusterState.Node node : state.nodes()) {
            for (ClusterState.GpuState gpu : node.gpus()) {
                String name = (manyNodes ? node.id() + " " : "") + "GPU " + gpu.index();
                int actors = gpu.actors().size();
                table.row(name, bar(gpu.usedUnits()), percent(gpu.usedUnits()) + "%",
                    actors + (actors == 1 ? " actor" : " actors"),
                    MemorySize.format(gpu.usedMemory()) + " of " + MemorySize.format(gpu.totalMemory()));
            }
        }
        List<String> lines = table.lines(indent);
        return new ArrayList<>(lines.subList(1, lines.size()));
    }

    /** {@code [######..................]}: a used share, however small, shows at least one mark. */
    static String bar(long usedUnits) {
        long filled = Math.min(WIDTH, (usedUnits * WIDTH + ActorPlacement.UNITS_PER_GPU - 1) / ActorPlacement.UNITS_PER_GPU);
        return "[" + "#".repeat((int) filled) + ".".repeat(WIDTH - (int) filled) + "]";
    }

    /** Whole percent, rounded half up. */
    static long percent(long usedUnits) {
        return (usedUnits * 100 + ActorPlacement.UNITS_PER_GPU / 2) / ActorPlacement.UNITS_PER_GPU;
    }
}
