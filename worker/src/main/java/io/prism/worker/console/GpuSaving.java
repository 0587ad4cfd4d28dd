package io.prism.worker.console;

import io.prism.ActorState;
import io.prism.ClusterState;

/**
 * What packing saved: the GPUs the cluster's GPU actors occupy against the GPUs they would need with one GPU (or
 * their whole-GPU count) each, as in {@code 4 actors on 1 of 2 GPUs: 1 GPU instead of 4 (75% fewer)}.
 *
 * @param actors      live actors that hold a GPU share
 * @param gpusInUse   GPUs holding at least one actor
 * @param gpusTotal   GPUs in the cluster
 * @param gpusUnpacked GPUs those actors would take if none shared a GPU
 */
public record GpuSaving(int actors, long gpusInUse, long gpusTotal, long gpusUnpacked) {

    public static GpuSaving of(ClusterState state) {
        int actors = 0;
        long unpacked = 0;
        for (ClusterState.Actor actor : state.actors()) {
            if (actor.state() != ActorState.DEAD && actor.placement() != null && !actor.placement().gpus().isEmpty()) {
                actors++;
                unpacked += actor.placement().gpus().size();
            }
        }
        long total = state.nodes().stream().mapToLong(n -> n.gpus().size()).sum();
        return new GpuSaving(actors, state.gpusInUse(), total, unpacked);
    }

    /** Share of the unpacked GPUs that packing freed, in whole percent rounded half up. */
    public long percentFewer() {
        if (gpusUnpacked == 0 || gpusInUse >= gpusUnpacked) {
            return 0;
        }
        return ((gpusUnpacked - gpusInUse) * 100 + gpusUnpacked / 2) / gpusUnpacked;
    }

    public String line() {
        if (actors == 0) {
            return "no actor holds a GPU share";
        }
        String placed = count(actors, "actor") + " on " + gpusInUse + " of " + count(gpusTotal, "GPU");
        if (gpusInUse >= gpusUnpacked) {
            return placed + ": no GPU saved (each actor has GPUs of its own)";
        }
        return placed + ": " + count(gpusInUse, "GPU") + " instead of " + gpusUnpacked + " (" + percentFewer()
            + "% fewer)";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
