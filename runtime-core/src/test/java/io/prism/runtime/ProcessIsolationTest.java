package io.prism.runtime;

import io.prism.ActorHandle;
import io.prism.Isolation;
import io.prism.Prism;
import io.prism.PrismConfig;
import io.prism.runtime.TestActors.Counter;
import io.prism.runtime.TestActors.Quarter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An embedded Prism under process isolation: GPU actors in executors of their own, unless one asks to stay. */
class ProcessIsolationTest {
    private static final long SELF = ProcessHandle.current().pid();
    private static Prism prism;

    @BeforeAll
    static void start() {
        prism = Prism.start(PrismConfig.builder().gpus("sim:2x16GiB").set("prism.isolation", "process")
            .set("prism.executor.spares-per-shape", "0").set("prism.executor.start-timeout", "120s")
            .placementTimeout(Duration.ofSeconds(150)).build());
    }

    @AfterAll
    static void stop() {
        prism.close();
    }

    @Test
    void aGpuActorRunsInAnExecutorWithItsBudgetAndOneThatAsksForSharedRunsHere() {
        ActorHandle<Quarter> own = prism.actor(Quarter::new).create();
        assertThat(own.placement().isolation()).isEqualTo(Isolation.PROCESS);
        assertThat(own.call(Quarter::pid).join()).isNotEqualTo(SELF);
        assertThat(own.call(Quarter::budget).join()).isEqualTo(4L << 30);

        ActorHandle<Quarter> here = prism.actor(Quarter::new).isolation(Isolation.SHARED).create();
        assertThat(here.placement().isolation()).isEqualTo(Isolation.SHARED);
        assertThat(here.call(Quarter::pid).join()).isEqualTo(SELF);

        assertThat(prism.state().nodes().get(0).isolation()).isEqualTo(Isolation.PROCESS);
        own.kill();
        here.kill();
    }

    @Test
    void anActorOfSeveralGpusRunsInTheWorkerSinceAnExecutorHoldsOneGpu() {
        ActorHandle<Quarter> both = prism.actor(Quarter::new).gpu(2).create();
        assertThat(both.placement().gpus()).hasSize(2);
        assertThat(both.placement().isolation()).isEqualTo(Isolation.SHARED);
        assertThat(both.call(Quarter::pid).join()).isEqualTo(SELF);
        both.kill();

        assertThatThrownBy(() -> prism.actor(Quarter::new).gpu(2).isolation(Isolation.PROCESS).create())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("isolation(PROCESS) on Quarter with 2 GPUs");
    }

    @Test
    void isolationIsForGpuActorsAndNoneIsNotAChoice() {
        assertThatThrownBy(() -> prism.actor(Counter::new).isolation(Isolation.PROCESS).create())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Counter")
            .hasMessageContaining("isolation applies to GPU actors");
        assertThatThrownBy(() -> prism.actor(Quarter::new).isolation(Isolation.NONE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("PROCESS, SHARED or AUTO");
    }
}
