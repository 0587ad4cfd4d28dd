package io.prism.worker.console;

import io.prism.ActorId;
import io.prism.ActorPlacement;
import io.prism.ActorState;
import io.prism.ClusterState;
import io.prism.Isolation;

import java.util.ArrayList;
import java.util.List;

/** Cluster states built by hand: one node, GPUs of 16 GiB, actors given as the GPU index and units they hold. */
final class ClusterStates {
    static final long GIB = 1L << 30;

    private ClusterStates() {
    }

    /** {@code actors[i] = {gpuIndex, units}}; a whole-GPU actor holds 10,000 units on each of its GPUs. */
    static ClusterState oneNode(int gpus, long[]... actors) {
        List<ClusterState.Actor> actorList = new ArrayList<>();
        List<List<ActorId>> onGpu = new ArrayList<>();
        long[] units = new long[gpus];
        long[] memory = new long[gpus];
        for (int g = 0; g < gpus; g++) {
            onGpu.add(new ArrayList<>());
        }
        for (int i = 0; i < actors.length; i++) {
            int gpu = (int) actors[i][0];
            long held = actors[i][1];
            long bytes = held * 16 * GIB / ActorPlacement.UNITS_PER_GPU;
            ActorId id = new ActorId("a" + i);
            units[gpu] += held;
            memory[gpu] += bytes;
            onGpu.get(gpu).add(id);
            ActorPlacement placement = new ActorPlacement("node-1", List.of(gpu), held, bytes, 1, Isolation.SHARED, 0);
            actorList.add(new ClusterState.Actor(id, "actor-" + i, "FraudScorer", ActorState.ALIVE, placement, 0, 0));
        }
        List<ClusterState.GpuState> gpuStates = new ArrayList<>();
        for (int g = 0; g < gpus; g++) {
            gpuStates.add(new ClusterState.GpuState(g, "Simulated GPU", true, 16 * GIB, units[g], memory[g], onGpu.get(g)));
        }
        ClusterState.Node node = new ClusterState.Node("node-1", "127.0.0.1:25520", "Up", Isolation.SHARED, "in the worker JVM", 8,
            actors.length,
            gpuStates);
        return new ClusterState(List.of(node), actorList, List.of(), List.of());
    }

    static long[] on(int gpu, long units) {
        return new long[] {gpu, units};
    }
}
