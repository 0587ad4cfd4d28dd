package io.prism.runtime;

import io.prism.ActorHandle;
import io.prism.ActorState;
import io.prism.ClusterState;
import io.prism.Prism;
import io.prism.PrismConfig;
import io.prism.exception.ActorDiedException;
import io.prism.runtime.TestActors.Quarter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The GPU as fault domain inside one JVM: a fatal CUDA error restarts every actor on that GPU and no other. */
class GpuFaultTest {
    private static Prism prism;

    @BeforeAll
    static void start() {
        prism = Prism.start(PrismConfig.builder().gpus("sim:2x16GiB").build());
    }

    @AfterAll
    static void stop() {
        prism.close();
    }

    @Test
    void aFaultReportedLaterByAReturnedFutureRestartsEveryActorOnItsGpu() {
        ActorHandle<Quarter> faulty = prism.actor(Quarter::new).name("faulty").maxRestarts(1).create();
        ActorHandle<Quarter> neighbour = prism.actor(Quarter::new).name("neighbour").maxRestarts(1).create();
        ActorHandle<Quarter> elsewhere = prism.actor(Quarter::new).name("elsewhere").gpu(0.8).create();
        assertThat(neighbour.placement().gpuIndex()).isEqualTo(faulty.placement().gpuIndex());
        assertThat(elsewhere.placement().gpuIndex()).isNotEqualTo(faulty.placement().gpuIndex());

        assertThat(faulty.call(Quarter::faultLater)).failsWithin(Duration.ofSeconds(10))
            .withThrowableOfType(ExecutionException.class)
            .withCauseInstanceOf(ActorDiedException.class)
            .withMessageContaining("CUDA_ERROR_ILLEGAL_ADDRESS");

        await("both actors of the faulted GPU restarted").atMost(Duration.ofSeconds(20)).until(() -> {
            ClusterState state = prism.state();
            return restarted(state, "faulty") && restarted(state, "neighbour");
        });
        ClusterState state = prism.state();
        assertThat(actor(state, "elsewhere").restarts()).isZero();
        assertThat(state.events()).anySatisfy(e -> assertThat(e.message())
            .contains("GPU " + faulty.placement().gpuIndex() + " fault", "faulty"));
        assertThat(neighbour.call(Quarter::budget).join()).as("the neighbour answers again").isEqualTo(4L << 30);
    }

    /** Whether {@code name} was restarted once and is alive again. */
    static boolean restarted(ClusterState state, String name) {
        ClusterState.Actor a = actor(state, name);
        return a.restarts() == 1 && a.state() == ActorState.ALIVE;
    }

    /** The live incarnation of the actor named {@code name}. */
    static ClusterState.Actor actor(ClusterState state, String name) {
        return state.actors().stream().filter(a -> name.equals(a.name()) && a.state() != ActorState.DEAD)
            .findFirst().orElseThrow(() -> new AssertionError("no live actor named " + name + " in " + state));
    }
}
