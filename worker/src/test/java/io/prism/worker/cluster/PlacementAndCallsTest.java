package io.prism.worker.cluster;

import io.prism.ActorHandle;
import io.prism.ActorPlacement;
import io.prism.ClusterState;
import io.prism.worker.cluster.actors.Probe;
import io.prism.worker.cluster.actors.Reading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** This JVM as a driver: fractional actors placed across two worker JVMs by PACK, and calls that cross JVMs. */
@Order(Order.DEFAULT + 1)
class PlacementAndCallsTest {
    @RegisterExtension
    static final ClusterExtension CLUSTER = ClusterExtension.shared();

    private final List<ActorHandle<Probe>> created = new ArrayList<>();

    @AfterEach
    void killActors() {
        TestCluster.killAll(created);
    }

    @Test
    void fourQuarterActorsShareOneGpuAndASixTenthsActorGoesToTheOtherWorker() {
        TestCluster cluster = CLUSTER.cluster();
        assertThat(cluster.driver.state().gpusInUse()).as("GPUs in use before the test").isZero();

        for (int i = 0; i < 4; i++) {
            created.add(cluster.driver.actor(Probe::new).name("quarter-" + i).create());
        }
        ActorHandle<Probe> big = cluster.driver.actor(Probe::new).gpu(0.6).name("six-tenths").create();
        created.add(big);

        ActorPlacement first = created.get(0).placement();
        for (ActorHandle<Probe> quarter : created.subList(0, 4)) {
            ActorPlacement p = quarter.placement();
            assertThat(p.node() + " GPU " + p.gpuIndex()).as("where %s runs; all: %s", quarter.name().get(),
                TestCluster.placements(cluster.driver.state())).isEqualTo(first.node() + " GPU " + first.gpuIndex());
            assertThat(p.unitsPerGpu()).isEqualTo(2_500);
        }
        ActorPlacement bigPlacement = big.placement();
        assertThat(bigPlacement.node()).as("the 0.6 actor's node").isEqualTo(cluster.otherWorker(first.node()).nodeId());
        assertThat(bigPlacement.unitsPerGpu()).isEqualTo(6_000);

        // each actor runs in the JVM of the worker it was placed on
        assertThat(created.get(0).call(Probe::pid).join()).isEqualTo(cluster.worker(first.node()).pid());
        assertThat(big.call(Probe::pid).join()).isEqualTo(cluster.worker(bigPlacement.node()).pid());
        ClusterState state = cluster.driver.state();
        TestCluster.assertLedgerConsistent(state);
        assertThat(state.gpusInUse()).isEqualTo(2);
    }

    @Test
    void argumentsAndResultsOfSeveralTypesCrossJvms() throws Exception {
        ActorHandle<Probe> probe = CLUSTER.cluster().driver.actor(Probe::new).create();
        created.add(probe);

        assertThat(await(probe.call(Probe::echo, "héllo, 世界"))).isEqualTo("héllo, 世界");
        assertThat(await(probe.call(Probe::add, 40, 2))).isEqualTo(42);
        assertThat(await(probe.call(Probe::half, 5.0))).isEqualTo(2.5);
        assertThat(await(probe.call(Probe::doubled, new float[] {1.5f, -2f, 0f}))).containsExactly(3f, -4f, 0f);
        assertThat(await(probe.call(Probe::upper, List.of("gpu", "share")))).containsExactly("GPU", "SHARE");
        assertThat(await(probe.call(Probe::next, new Reading("temp-7", 41, 0.5, List.of("rack-2")))))
            .isEqualTo(new Reading("temp-7", 42, 5.0, List.of("rack-2", "seen")));
        assertThat(await(probe.call(Probe::count))).as("calls the actor answered").isEqualTo(7);
    }

    private static <T> T await(CompletableFuture<T> call) throws Exception {
        return call.get(TestCluster.CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
