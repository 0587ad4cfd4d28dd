package io.prism.runtime;

import io.prism.ActorHandle;
import io.prism.ActorPlacement;
import io.prism.ClusterState;
import io.prism.Isolation;
import io.prism.PlacementStrategy;
import io.prism.Prism;
import io.prism.PrismConfig;
import io.prism.exception.ActorCallException;
import io.prism.exception.ActorDiedException;
import io.prism.exception.GpuMemoryBudgetExceededException;
import io.prism.exception.PlacementTimeoutException;
import io.prism.runtime.TestActors.Phoenix;
import io.prism.runtime.TestActors.Quarter;
import io.prism.runtime.TestActors.SixTenths;
import io.prism.runtime.TestActors.WholeGpu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Where actors land, what they hold, and what happens when capacity runs out or an actor dies. */
class PlacementFlowTest {
    private static final long GIB = 1L << 30;
    private Prism prism;

    @BeforeEach
    void start() {
        prism = Prism.start(PrismConfig.builder().gpus("sim:2x16GiB").cpus(64).build());
    }

    @AfterEach
    void stop() {
        prism.close();
    }

    @Test
    void fourQuarterGpuActorsShareOneGpuAndTheFifthTakesTheOther() {
        List<ActorHandle<Quarter>> quarters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            quarters.add(prism.actor(Quarter::new).name("q" + i).create());
        }
        for (ActorHandle<Quarter> q : quarters) {
            ActorPlacement p = q.placement();
            assertThat(p.gpus()).hasSize(1);
            assertThat(p.gpuIndex()).isEqualTo(quarters.get(0).placement().gpuIndex());
            assertThat(p.unitsPerGpu()).isEqualTo(2_500);
            assertThat(p.fraction()).isEqualTo(0.25);
            assertThat(p.memoryBytes()).isEqualTo(4 * GIB);
            assertThat(p.isolation()).isEqualTo(Isolation.SHARED);
            assertThat(q.call(Quarter::gpuIndex).join()).isEqualTo(p.gpuIndex());
            assertThat(q.call(Quarter::budget).join()).isEqualTo(4 * GIB);
        }
        ClusterState state = prism.state();
        assertThat(state.gpusInUse()).isEqualTo(1);
        assertThat(state.nodes().get(0).gpus()).extracting(ClusterState.GpuState::usedUnits)
            .containsExactlyInAnyOrder(10_000L, 0L);

        ActorHandle<Quarter> fifth = prism.actor(Quarter::new).create();
        assertThat(fifth.placement().gpuIndex()).isNotEqualTo(quarters.get(0).placement().gpuIndex());
        assertThat(prism.state().gpusInUse()).isEqualTo(2);
    }

    @Test
    void spreadPutsReplicasOnDifferentGpus() {
        ActorHandle<Quarter> a = prism.actor(Quarter::new).strategy(PlacementStrategy.SPREAD).create();
        ActorHandle<Quarter> b = prism.actor(Quarter::new).strategy(PlacementStrategy.SPREAD).create();
        assertThat(a.placement().gpuIndex()).isNotEqualTo(b.placement().gpuIndex());
    }

    @Test
    void anAllocationPastTheMemoryBudgetFailsForThatActorAlone() {
        ActorHandle<Quarter> greedy = prism.actor(Quarter::new).gpuMemory("1GiB").create();
        ActorHandle<Quarter> neighbour = prism.actor(Quarter::new).create();
        assertThat(greedy.call(Quarter::allocate, 512L << 20).join()).isEqualTo(512L << 20);
        assertThatThrownBy(() -> greedy.call(Quarter::allocate, 1L << 30).join())
            .hasCauseInstanceOf(ActorCallException.class)
            .hasMessageContaining(GpuMemoryBudgetExceededException.class.getName());
        assertThat(neighbour.call(Quarter::allocate, 2L << 30).join()).isEqualTo(2L << 30);
    }

    @Test
    void aRequestThatFitsNowhereWaitsAndIsPlacedWhenCapacityFrees() {
        ActorHandle<SixTenths> left = prism.actor(SixTenths::new).create();
        ActorHandle<SixTenths> right = prism.actor(SixTenths::new).create();
        assertThat(left.placement().gpuIndex()).isNotEqualTo(right.placement().gpuIndex());
        // 0.4 + 0.4 is free, on two GPUs: not 0.8 on one, so a third 0.6 must wait
        CompletableFuture<ActorHandle<SixTenths>> third = prism.actor(SixTenths::new).name("third")
            .placementTimeout(Duration.ofSeconds(30)).createAsync();
        await().atMost(5, TimeUnit.SECONDS).until(() -> prism.state().pending().size() == 1);
        assertThat(prism.state().pending().get(0).name()).isEqualTo("third");
        assertThat(prism.state().pending().get(0).reason()).isNotBlank();
        assertThat(third).isNotDone();
        left.kill();
        ActorHandle<SixTenths> placed = third.orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(placed.call(SixTenths::hello).join()).isEqualTo("hi");
        assertThat(prism.state().pending()).isEmpty();
    }

    @Test
    void aRequestThatNeverFreesUpFailsAtItsPlacementTimeout() {
        prism.actor(WholeGpu::new).create();
        prism.actor(WholeGpu::new).create();
        assertThatThrownBy(() -> prism.actor(Quarter::new).placementTimeout(Duration.ofMillis(300)).create())
            .isInstanceOf(PlacementTimeoutException.class)
            .hasMessageContaining("Quarter")
            .hasMessageContaining("300 ms");
        assertThat(prism.state().pending()).isEmpty();
    }

    @Test
    void anActorThatDiesIsRestartedUntilItsRestartsAreSpent() {
        Phoenix.BUILT.set(0);
        ActorHandle<Phoenix> phoenix = prism.actor(Phoenix::new).maxRestarts(1).create();
        assertThat(phoenix.call(Phoenix::ping).join()).isEqualTo("pong");
        assertThatThrownBy(() -> phoenix.call(Phoenix::die).join()).hasCauseInstanceOf(ActorDiedException.class);
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() ->
            assertThat(phoenix.call(Phoenix::ping).join()).isEqualTo("pong"));
        assertThat(Phoenix.BUILT).hasValue(2);
        assertThat(phoenix.placement().incarnation()).isEqualTo(1);

        assertThatThrownBy(() -> phoenix.call(Phoenix::die).join()).hasCauseInstanceOf(ActorDiedException.class);
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() ->
            assertThatThrownBy(() -> phoenix.call(Phoenix::ping).join())
                .hasCauseInstanceOf(ActorDiedException.class)
                .hasMessageContaining("no restarts left"));
        assertThat(Phoenix.BUILT).hasValue(2);
    }

    @Test
    void aDeadActorReleasesItsGpuShare() {
        ActorHandle<Quarter> q = prism.actor(Quarter::new).create();
        assertThat(prism.state().gpusInUse()).isEqualTo(1);
        q.kill();
        assertThat(prism.state().gpusInUse()).isZero();
        assertThat(prism.state().actors()).filteredOn(a -> a.id().equals(q.id()))
            .extracting(ClusterState.Actor::state).containsExactly(io.prism.ActorState.DEAD);
    }
}
