package io.prism.worker.cluster;

import io.prism.ActorHandle;
import io.prism.ClusterState;
import io.prism.worker.cluster.actors.Probe;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In a cluster, an actor no node could hold yet waits (as in Ray) instead of failing: a worker that starts a moment
 * after the driver asked, the usual race when a cluster comes up, still gets it.
 */
@Order(Order.DEFAULT + 4)
class InfeasibleWaitsTest {
    @RegisterExtension
    static final ClusterExtension CLUSTER = ClusterExtension.shared();

    @Test
    void anActorNeedingTwoGpusWaitsUntilAWorkerWithTwoJoins() throws Exception {
        TestCluster cluster = CLUSTER.cluster();
        CompletableFuture<ActorHandle<Probe>> creating = cluster.driver.actor(Probe::new).name("needs-two")
            .gpu(2).placementTimeout(Duration.ofSeconds(120)).createAsync();

        ClusterState.Pending pending = await().atMost(Duration.ofSeconds(20)).until(
            () -> cluster.driver.state().pending().stream().filter(p -> "needs-two".equals(p.name())).findFirst(),
            p -> p.isPresent()).orElseThrow();
        assertThat(pending.reason()).contains("needs 2 whole GPUs on one node, but the largest node has 1")
            .endsWith("waiting for a node that can hold it to join");
        assertThat(creating).isNotDone();

        PrismProcess big = PrismProcess.worker(cluster.head.address(), "--gpus", "sim:2x16GiB");
        try {
            big.awaitUp();
            ActorHandle<Probe> handle = creating.get(60, TimeUnit.SECONDS);
            try {
                assertThat(handle.placement().node()).isEqualTo(big.nodeId());
                assertThat(handle.placement().gpus()).containsExactly(0, 1);
                assertThat(handle.call(Probe::pid).get(20, TimeUnit.SECONDS)).isEqualTo(big.pid());
                assertThat(cluster.driver.state().pending()).isEmpty();
            } finally {
                handle.kill();
            }
        } finally {
            big.stop(Duration.ofSeconds(40));
        }
    }
}
