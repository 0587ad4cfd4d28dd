package io.prism.worker.gpucheck;

import io.prism.ActorId;
import io.prism.ClusterState;

import java.util.OptionalLong;

/** The executor process of an actor, as the cluster state reports it: a process other than this JVM. */
final class ExecutorPids {
    private ExecutorPids() {
    }

    /** The PID of the executor that runs {@code actor}; empty when it runs in this JVM or does not run. */
    static OptionalLong of(ClusterState state, ActorId actor) {
        long self = ProcessHandle.current().pid();
        return state.actors().stream()
            .filter(a -> a.id().equals(actor) && a.pid() != 0 && a.pid() != self)
            .mapToLong(ClusterState.Actor::pid)
            .findFirst();
    }
}
