package io.prism.worker.gpucheck;

import io.prism.ClusterState;
import io.prism.Isolation;

import java.util.function.Supplier;

/** Step 2: the embedded node provides process isolation on real GPUs, and its MPS daemon answers. */
final class IsolationStep {
    private IsolationStep() {
    }

    /**
     * @param node the node as its status reports it
     * @param gpu  the GPU to check
     * @param mps  asks the node's MPS daemon for its servers and clients
     */
    static boolean run(ClusterState.Node node, int gpu, Supplier<MpsClients> mps, CheckReport.Section section) {
        section.line("node " + node.id() + ": isolation " + node.isolation() + ", " + node.isolationDetail());
        if (node.isolation() != Isolation.PROCESS) {
            return section.fail("the node fell back to " + node.isolation() + " isolation: "
                + node.isolationDetail());
        }
        ClusterState.GpuState state = node.gpus().stream().filter(g -> g.index() == gpu).findFirst().orElse(null);
        if (state == null || state.simulated()) {
            return section.fail("the node offers " + (state == null ? "no GPU " + gpu : "a simulated GPU " + gpu)
                + "; it found " + node.gpus().size() + " GPU" + (node.gpus().size() == 1 ? "" : "s"));
        }
        section.line("MPS daemon: " + mps.get().describe());
        return section.pass("PROCESS isolation with a running MPS daemon: each GPU actor is an executor JVM, an "
            + "MPS client");
    }
}
