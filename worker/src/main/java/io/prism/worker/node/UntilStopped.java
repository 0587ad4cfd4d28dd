package io.prism.worker.node;

import io.prism.runtime.PrismNode;
import org.apache.pekko.actor.CoordinatedShutdown;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * Keeps a head or worker process alive until its node stops, and says why it stopped. Ctrl-C (or SIGTERM) runs
 * Pekko's coordinated shutdown from the JVM's hook, which leaves the cluster gracefully; a node the others removed
 * as unreachable stops on its own, and the process then fails, because it no longer serves anyone.
 */
final class UntilStopped {
    private UntilStopped() {
    }

    /** Blocks until {@code node} has stopped; the process's exit code. */
    static int await(PrismNode node, String command, PrintWriter err) {
        node.system().getWhenTerminated().toCompletableFuture().join();
        Optional<CoordinatedShutdown.Reason> reason = CoordinatedShutdown.get(node.system()).getShutdownReason();
        if (reason.isEmpty() || reason.get() == CoordinatedShutdown.jvmExitReason()) {
            return 0;
        }
        String why = reason.get() == CoordinatedShutdown.clusterDowningReason()
            ? "the other nodes removed it from the cluster (it was unreachable, or on the minority side of a split)"
            : "its Pekko system stopped (" + reason.get() + ")";
        err.println(command + ": " + node.nodeId() + " at " + node.address() + " stopped: " + why
            + "; start it again to rejoin");
        err.flush();
        return 1;
    }
}
