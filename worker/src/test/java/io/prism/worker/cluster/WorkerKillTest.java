package io.prism.worker.cluster;

import io.prism.ActorHandle;
import io.prism.ActorState;
import io.prism.ClusterState;
import io.prism.exception.ActorDiedException;
import io.prism.worker.cluster.actors.Probe;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} of a worker while calls flow: the actor with a restart left comes back on the other worker behind
 * the same handle, the one without fails its callers with ActorDiedException, no call hangs, and the ledger
 * forgets the dead node without over-allocating any GPU.
 */
@Order(Order.DEFAULT + 5)
class WorkerKillTest {
    @RegisterExtension
    static final ClusterExtension CLUSTER = ClusterExtension.own(2, "sim:1x16GiB");
    /** Longer than the runtime's call timeout: a call still open then has hung. */
    private static final Duration HANG_LIMIT = TestCluster.CALL_TIMEOUT.plusSeconds(10);
    /** Failure detection (3 s pause), split-brain resolver (2 s stable) and the restart, with room for a slow CI. */
    private static final Duration RECOVERY = Duration.ofSeconds(45);

    @Test
    void actorsWithRestartsLeftMoveToTheOtherWorkerAndTheOthersDie() throws Exception {
        TestCluster cluster = CLUSTER.cluster();
        ActorHandle<Probe> survivor = cluster.driver.actor(Probe::new).name("survivor").maxRestarts(1).create();
        ActorHandle<Probe> mortal = cluster.driver.actor(Probe::new).name("mortal").create();
        String doomedNode = survivor.placement().node();
        assertThat(mortal.placement().node()).as("PACK puts both quarters on one GPU").isEqualTo(doomedNode);
        PrismProcess doomed = cluster.worker(doomedNode);
        PrismProcess spared = cluster.otherWorker(doomedNode);

        Load load = new Load(HANG_LIMIT, List.of(() -> survivor.call(Probe::count), () -> mortal.call(Probe::count)));
        try (load) {
            await("calls flowing before the kill").atMost(Duration.ofSeconds(30)).until(() -> load.succeeded() >= 200);
            doomed.kill();

            await("the survivor answering from " + spared.nodeId()).atMost(RECOVERY)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> survivor.call(Probe::pid).handle((pid, e) -> pid != null && pid == spared.pid())
                    .get(HANG_LIMIT.toSeconds(), TimeUnit.SECONDS));
        }

        assertThat(load.failures()).as("failed calls of %d sent; logs:%s", load.sent(), cluster.logs())
            .isNotEmpty()
            .allSatisfy(e -> assertThat(e).as("a call that failed (a TimeoutException is a call that hung)")
                .isInstanceOf(ActorDiedException.class));
        assertThat(mortal.call(Probe::count)).failsWithin(Duration.ofSeconds(10))
            .withThrowableOfType(ExecutionException.class)
            .withCauseInstanceOf(ActorDiedException.class);

        ClusterState state = cluster.driver.state();
        assertThat(state.nodes()).extracting(ClusterState.Node::id).containsExactly(spared.nodeId());
        TestCluster.assertLedgerConsistent(state);
        ClusterState.Actor survivorState = actor(state, "survivor");
        assertThat(survivorState.state()).isEqualTo(ActorState.ALIVE);
        assertThat(survivorState.restarts()).isEqualTo(1);
        assertThat(survivorState.placement().node()).isEqualTo(spared.nodeId());
        assertThat(actor(state, "mortal").state()).isEqualTo(ActorState.DEAD);
    }

    private static ClusterState.Actor actor(ClusterState state, String name) {
        return state.actors().stream().filter(a -> name.equals(a.name())).findFirst()
            .orElseThrow(() -> new AssertionError("no actor named " + name + " in " + state));
    }
}
