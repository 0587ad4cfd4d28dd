package io.prism.runtime;

import io.prism.ActorHandle;
import io.prism.ClusterState;
import io.prism.Isolation;
import io.prism.Prism;
import io.prism.PrismConfig;
import io.prism.runtime.TestActors.Counter;
import io.prism.resources.mps.MpsWatch;
import io.prism.runtime.TestActors.Quarter;
import io.prism.runtime.node.NodeAgent;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An embedded Prism under process isolation: GPU actors in executors of their own, unless one asks to stay; faults
 * the MPS watch finds (told to the node agent as the watch tells it) stop the actors of the GPUs they reach.
 */
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
    void aServerFaultTheMpsWatchFindsRestartsEveryActorOnItsClientsGpuAndNoOther() {
        ActorHandle<Quarter> idle = prism.actor(Quarter::new).name("mps-idle").maxRestarts(1).create();
        ActorHandle<Quarter> neighbour = prism.actor(Quarter::new).name("mps-neighbour").maxRestarts(1).create();
        ActorHandle<Quarter> elsewhere = prism.actor(Quarter::new).name("mps-elsewhere").gpu(0.8).create();
        int gpu = idle.placement().gpuIndex();
        assertThat(neighbour.placement().gpuIndex()).isEqualTo(gpu);
        assertThat(elsewhere.placement().gpuIndex()).isNotEqualTo(gpu);
        long elsewherePid = elsewhere.call(Quarter::pid).join();

        tellAgent(new MpsWatch.Report(List.of(new MpsWatch.ServerFault(4242,
            List.of(idle.call(Quarter::pid).join(), 99_999_999L), MpsWatch.ServerFault.Kind.REPORTS_FAULT)),
            Optional.empty()));

        await("both actors of the faulted server's GPU restarted").atMost(Duration.ofSeconds(120))
            .until(() -> GpuFaultTest.restarted(prism.state(), "mps-idle")
                && GpuFaultTest.restarted(prism.state(), "mps-neighbour"));
        ClusterState state = prism.state();
        assertThat(GpuFaultTest.actor(state, "mps-elsewhere").restarts()).isZero();
        assertThat(elsewhere.call(Quarter::pid).join()).as("the actor on the other GPU").isEqualTo(elsewherePid);
        assertThat(state.events()).anySatisfy(e -> assertThat(e.message())
            .contains("MPS server 4242 on GPU " + gpu + " (GPU-sim-", "faulted: it reports FAULT"));
        assertThat(neighbour.call(Quarter::budget).join()).as("the neighbour answers again").isEqualTo(4L << 30);
        List.of(idle, neighbour, elsewhere).forEach(ActorHandle::kill);
    }

    /** What the node agent's MPS watch would tell it after a poll that found {@code report}. */
    private static void tellAgent(MpsWatch.Report report) {
        ActorSystem<Void> system = ((ClusterPrism) prism).node().system();
        Receptionist.Listing listing = AskPattern.<Receptionist.Command, Receptionist.Listing>ask(
            system.receptionist(), to -> Receptionist.find(NodeAgent.SERVICE_KEY, to), Duration.ofSeconds(10),
            system.scheduler()).toCompletableFuture().join();
        assertThat(listing.getServiceInstances(NodeAgent.SERVICE_KEY)).hasSize(1);
        listing.getServiceInstances(NodeAgent.SERVICE_KEY).iterator().next().tell(new NodeAgent.MpsWatched(report));
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
