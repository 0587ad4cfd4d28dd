package io.prism.worker.cluster;

import io.prism.ActorHandle;
import io.prism.ActorState;
import io.prism.ClusterState;
import io.prism.worker.cluster.actors.Probe;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker stopped as Ctrl-C stops it (SIGTERM) leaves gracefully: its actors, restarts or not, are started on the
 * other worker before its process exits, and their handles keep working.
 */
@Order(Order.DEFAULT + 6)
class GracefulLeaveTest {
    @RegisterExtension
    static final ClusterExtension CLUSTER = ClusterExtension.own(2, "sim:1x16GiB");
    /** prism.drain-timeout (15 s) plus leaving the cluster. */
    private static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(40);

    @Test
    void aStoppedWorkersActorsMoveToTheOtherWorkerBeforeItExits() throws Exception {
        TestCluster cluster = CLUSTER.cluster();
        ActorHandle<Probe> first = cluster.driver.actor(Probe::new).name("mover-1").create();
        ActorHandle<Probe> second = cluster.driver.actor(Probe::new).name("mover-2").create();
        PrismProcess leaving = cluster.worker(first.placement().node());
        PrismProcess staying = cluster.otherWorker(leaving.nodeId());
        assertThat(first.call(Probe::pid).get(10, TimeUnit.SECONDS)).isEqualTo(leaving.pid());

        int exit = leaving.stop(LEAVE_TIMEOUT);

        assertThat(exit).as("exit code after SIGTERM (-1: still running after %s); its output:%n%s", LEAVE_TIMEOUT,
            leaving.tail(40)).isNotEqualTo(-1);
        assertThat(leaving.tail(200)).as("the leaving worker's log").doesNotContain("actors not moved");
        ClusterState state = cluster.driver.state();
        for (String name : List.of("mover-1", "mover-2")) {
            ClusterState.Actor actor = state.actors().stream().filter(a -> name.equals(a.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no actor " + name + " in " + state));
            assertThat(actor.state()).as("%s once the worker exited; logs:%s", name, cluster.logs())
                .isEqualTo(ActorState.ALIVE);
            assertThat(actor.placement().node()).as("%s's node; the leaving worker's output:%n%s", name,
                leaving.tail(60)).isEqualTo(staying.nodeId());
            assertThat(actor.restarts()).as("a move is not a restart").isZero();
        }
        assertThat(first.call(Probe::pid).get(10, TimeUnit.SECONDS)).isEqualTo(staying.pid());
        assertThat(second.call(Probe::echo, "moved").get(10, TimeUnit.SECONDS)).isEqualTo("moved");
        assertThat(state.nodes()).extracting(ClusterState.Node::id).containsExactly(staying.nodeId());
        TestCluster.assertLedgerConsistent(state);
    }
}
