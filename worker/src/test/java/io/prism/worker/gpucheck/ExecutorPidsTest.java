package io.prism.worker.gpucheck;

import io.prism.ActorId;
import io.prism.ActorState;
import io.prism.ClusterState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorPidsTest {
    private static final ActorId ACTOR = new ActorId("3f2a91c04b7e");
    private static final long SELF = ProcessHandle.current().pid();

    private static ClusterState state(ClusterState.Actor... actors) {
        return new ClusterState(List.of(), List.of(actors), List.of(), List.of());
    }

    private static ClusterState.Actor actor(ActorId id, long pid) {
        return new ClusterState.Actor(id, null, "io.prism.examples.fraud.FraudScorer", ActorState.ALIVE, null, 0, pid);
    }

    @Test
    void theActorsOwnProcessIsItsExecutor() {
        assertThat(ExecutorPids.of(state(actor(new ActorId("77aa00bb11cc"), 4001), actor(ACTOR, 4242)), ACTOR))
            .hasValue(4242);
    }

    @Test
    void anActorInThisJvmOrNotRunningHasNone() {
        assertThat(ExecutorPids.of(state(actor(ACTOR, SELF)), ACTOR)).isEmpty();
        assertThat(ExecutorPids.of(state(actor(ACTOR, 0)), ACTOR)).isEmpty();
        assertThat(ExecutorPids.of(state(), ACTOR)).isEmpty();
    }
}
