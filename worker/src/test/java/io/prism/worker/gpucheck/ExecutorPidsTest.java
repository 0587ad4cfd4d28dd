package io.prism.worker.gpucheck;

import io.prism.ActorId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorPidsTest {
    private static final ActorId ACTOR = new ActorId("3f2a91c04b7e");

    private static List<String> executor(String actor) {
        return List.of("-Xmx512m", "-cp", "prism.jar", "io.prism.runtime.node.ExecutorMain",
            "pekko://prism@127.0.0.1:40001/user/node-agent", actor, "0", "/tmp/prism-gpucheck-1/executor.conf");
    }

    @Test
    void theExecutorOfTheActorIsFoundByItsCommandLine() {
        assertThat(ExecutorPids.runs(executor(ACTOR.value()), ACTOR)).isTrue();
    }

    @Test
    void anotherActorsExecutorOrAnotherProgramIsNot() {
        assertThat(ExecutorPids.runs(executor("77aa00bb11cc"), ACTOR)).isFalse();
        assertThat(ExecutorPids.runs(List.of("-jar", "prism.jar", ACTOR.value()), ACTOR)).isFalse();
        assertThat(ExecutorPids.runs(List.of("io.prism.runtime.node.ExecutorMain"), ACTOR)).isFalse();
    }
}
