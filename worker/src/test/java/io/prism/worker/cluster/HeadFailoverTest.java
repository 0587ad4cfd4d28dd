package io.prism.worker.cluster;

import io.prism.ActorHandle;
import io.prism.ActorState;
import io.prism.ClusterState;
import io.prism.Prism;
import io.prism.exception.PlacementTimeoutException;
import io.prism.worker.cluster.actors.Probe;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The head, which hosts no actors, dies ({@code kill -9}) while two workers live: calls to existing actors keep
 * flowing, the resource manager moves to a worker and rebuilds its ledger from the node agents, and new actors are
 * placed without giving any GPU more than it has.
 */
@Order(Order.DEFAULT + 7)
class HeadFailoverTest {
    @RegisterExtension
    static final ClusterExtension CLUSTER = ClusterExtension.own(2, "sim:1x16GiB");
    private static final Duration HANG_LIMIT = TestCluster.CALL_TIMEOUT.plusSeconds(10);

    @Test
    void callsFlowWhileTheManagerMovesAndItPlacesByWhatTheWorkersReallyHold() throws Exception {
        TestCluster cluster = CLUSTER.cluster();
        ActorHandle<Probe> quarter1 = cluster.driver.actor(Probe::new).name("quarter-1").create();
        ActorHandle<Probe> quarter2 = cluster.driver.actor(Probe::new).name("quarter-2").create();
        ActorHandle<Probe> big = cluster.driver.actor(Probe::new).gpu(0.6).name("big").create();
        String halfFullNode = quarter1.placement().node();
        assertThat(big.placement().node()).isEqualTo(cluster.otherWorker(halfFullNode).nodeId());

        Load load = new Load(HANG_LIMIT, List.of(() -> quarter1.call(Probe::count), () -> quarter2.call(Probe::count),
            () -> big.call(Probe::count)));
        try (load) {
            await("calls flowing before the head dies").atMost(Duration.ofSeconds(30)).until(() -> load.succeeded() >= 200);
            cluster.head.kill();
            // created at once, while the resource manager is still moving to a worker: the request is resent until
            // the new manager, once it has rebuilt the ledger from the node agents, answers it.
            // 0.5 fits only the GPU holding the two quarters; a manager that lost the ledger could put it anywhere
            ActorHandle<Probe> half = cluster.create(cluster.driver.actor(Probe::new).gpu(0.5).name("half"));
            assertThat(half.placement().node()).as("where the 0.5 actor went; logs:%s", cluster.logs())
                .isEqualTo(halfFullNode);
            await("the dead head gone from the cluster").atMost(Duration.ofSeconds(60))
                .until(() -> cluster.driver.state().nodes().size() == 2);
            int before = load.succeeded();
            await("calls still flowing after the failover").atMost(Duration.ofSeconds(20))
                .until(() -> load.succeeded() >= before + 200);
        }
        assertThat(load.failures()).as("calls that failed during the failover, of %d sent", load.sent()).isEmpty();

        // every GPU is now full or nearly: 0.6 fits nowhere, and the new manager must know it
        assertThatThrownBy(() -> cluster.driver.actor(Probe::new).gpu(0.6).placementTimeout(Duration.ofSeconds(2))
            .create()).isInstanceOf(PlacementTimeoutException.class);

        ClusterState state = cluster.driver.state();
        TestCluster.assertLedgerConsistent(state);
        Map<String, Long> usedUnits = state.nodes().stream()
            .collect(Collectors.toMap(ClusterState.Node::id, n -> n.gpus().get(0).usedUnits()));
        assertThat(usedUnits).containsExactlyInAnyOrderEntriesOf(Map.of(halfFullNode, 10_000L,
            big.placement().node(), 6_000L));
        assertThat(state.actors()).filteredOn(a -> a.state() == ActorState.ALIVE)
            .extracting(ClusterState.Actor::name, ClusterState.Actor::restarts)
            .containsExactlyInAnyOrder(
                tuple("quarter-1", 0), tuple("quarter-2", 0),
                tuple("big", 0), tuple("half", 0));

        // with the head gone, a new driver joins through a worker and finds the actors by name
        try (Prism late = TestCluster.connect(cluster.workers.get(0).address())) {
            ActorHandle<Probe> found = late.actor("quarter-2", Probe.class).orElseThrow();
            assertThat(found.call(Probe::echo, "after failover").get(10, TimeUnit.SECONDS)).isEqualTo("after failover");
        }
    }
}
