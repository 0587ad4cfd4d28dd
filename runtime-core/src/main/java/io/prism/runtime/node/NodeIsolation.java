package io.prism.runtime.node;

import io.prism.Isolation;
import io.prism.resources.mps.MpsWatch;

import java.nio.file.Path;

/**
 * The isolation a node really provides for its GPU actors, decided once when it starts.
 *
 * @param mode          PROCESS (executor processes), SHARED (inside the worker JVM) or NONE (no GPUs)
 * @param detail        what enforces the shares, for status: e.g. "MPS daemon, pipe /tmp/..." or why not
 * @param launcher      starts executor processes; null unless {@code mode} is PROCESS
 * @param mpsPipe       the pipe directory of the node's running MPS daemon, or null when none runs
 * @param mpsWatch      what the node agent polls for MPS faults no call reports; null when no daemon runs or the
 *                      watch is off
 */
public record NodeIsolation(Isolation mode, String detail, ExecutorLauncher launcher, Path mpsPipe,
                            MpsWatch mpsWatch) {

    public NodeIsolation {
        if (mode == Isolation.AUTO) {
            throw new IllegalArgumentException("a node reports the isolation it decided on, not AUTO");
        }
        if ((mode == Isolation.PROCESS) != (launcher != null)) {
            throw new IllegalArgumentException("isolation " + mode + " with" + (launcher == null ? "out" : "")
                + " an executor launcher");
        }
        if (mpsWatch != null && mpsPipe == null) {
            throw new IllegalArgumentException("an MPS watch without an MPS daemon (no pipe directory)");
        }
    }

    /** In-JVM hosting: the ledger and each GpuContext's memory budget enforce the shares. */
    public static NodeIsolation shared(boolean hasGpus, String detail) {
        return new NodeIsolation(hasGpus ? Isolation.SHARED : Isolation.NONE, detail, null, null, null);
    }
}
