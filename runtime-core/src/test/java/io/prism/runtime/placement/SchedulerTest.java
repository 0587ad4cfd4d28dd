package io.prism.runtime.placement;

import static io.prism.runtime.placement.Requests.GIB;
import static io.prism.runtime.placement.Requests.NOW;
import static io.prism.runtime.placement.Requests.fraction;
import static io.prism.runtime.placement.Requests.gpus;
import static io.prism.runtime.placement.Requests.key;
import static io.prism.runtime.placement.Requests.onNode;
import static io.prism.runtime.placement.Requests.request;
import static io.prism.runtime.placement.Requests.submit;
import static io.prism.runtime.placement.Requests.withLabels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prism.resources.ledger.Allocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private static final long SECOND = 1_000_000_000L;

    private final Scheduler scheduler = new Scheduler();

    private Scheduler.Outcome offer(ResourceRequest r) {
        return scheduler.submit(r, NOW, Scheduler.NO_DEADLINE);
    }

    private static String infeasible(Scheduler.Outcome outcome) {
        assertThat(outcome).isInstanceOf(Scheduler.Infeasible.class);
        return ((Scheduler.Infeasible) outcome).reason();
    }

    @Test
    void freeUnitsSpreadOverTwoGpusAreNotOneGpu() {
        scheduler.addNode(new NodeId("a"), gpus(2, 16 * GIB), 8_000, Map.of());
        submit(scheduler, request("left", 0.7));
        submit(scheduler, request("right", 0.4));
        submit(scheduler, request("filler", 0.3));
        submit(scheduler, request("right2", 0.3));
        scheduler.release(key("filler"));
        assertThat(scheduler.view().node(new NodeId("a")).orElseThrow().ledger().freeUnits(0)).isEqualTo(3_000);
        assertThat(scheduler.view().node(new NodeId("a")).orElseThrow().ledger().freeUnits(1)).isEqualTo(3_000);

        Scheduler.Outcome big = offer(request("big", 0.6));

        assertThat(big).isInstanceOf(Scheduler.Queued.class);
        assertThat(((Scheduler.Queued) big).reason()).isEqualTo("needs 0.6 of one GPU; the most free on any GPU is 0.3");
        assertThat(scheduler.pending()).singleElement()
            .satisfies(p -> assertThat(p.reason()).isEqualTo("needs 0.6 of one GPU; the most free on any GPU is 0.3"))
            .satisfies(p -> assertThat(p.sinceNanos()).isEqualTo(NOW));
        assertThat(scheduler.placePending(NOW)).isEmpty();

        assertThat(scheduler.release(key("right2"))).isTrue();
        List<Scheduler.Placed> placed = scheduler.placePending(NOW + 1);

        assertThat(placed).singleElement().satisfies(p -> {
            assertThat(p.request().key()).isEqualTo(key("big"));
            assertThat(p.decision().gpus()).containsExactly(1);
        });
        assertThat(scheduler.pending()).isEmpty();
    }

    @Test
    void pendingIsPlacedWhenANodeJoins() {
        scheduler.addNode(new NodeId("a"), gpus(1, 16 * GIB), 8_000, Map.of());
        submit(scheduler, request("whole", ResourceShape.wholeGpus(1, 0)));
        assertThat(offer(request("waits", 0.5))).isInstanceOf(Scheduler.Queued.class);

        scheduler.addNode(new NodeId("b"), gpus(1, 16 * GIB), 8_000, Map.of());

        assertThat(scheduler.placePending(NOW)).singleElement()
            .satisfies(p -> assertThat(p.decision().node()).isEqualTo(new NodeId("b")));
        assertThat(scheduler.nodeOf(key("waits"))).contains(new NodeId("b"));
    }

    @Test
    void aSmallRequestIsNotHeldUpByABiggerOneAheadOfIt() {
        scheduler.addNode(new NodeId("a"), gpus(1, 16 * GIB), 8_000, Map.of());
        submit(scheduler, request("x", 0.5));
        submit(scheduler, request("y", 0.5));
        offer(request("big", 0.8));
        offer(request("small1", 0.3));
        offer(request("small2", 0.3));

        scheduler.release(key("x"));
        List<Scheduler.Placed> placed = scheduler.placePending(NOW);

        assertThat(placed).extracting(p -> p.request().key()).containsExactly(key("small1"));
        assertThat(scheduler.pending()).extracting(p -> p.request().key()).containsExactly(key("big"), key("small2"));
    }

    @Test
    void waitingRequestsArePlacedOldestFirst() {
        scheduler.addNode(new NodeId("a"), gpus(1, 16 * GIB), 8_000, Map.of());
        submit(scheduler, request("holder", 0.9));
        offer(request("first", 0.5));
        offer(request("second", 0.25));
        offer(request("third", 0.5));

        scheduler.release(key("holder"));

        assertThat(scheduler.placePending(NOW)).extracting(p -> p.request().key())
            .containsExactly(key("first"), key("second"));
        assertThat(scheduler.isPending(key("third"))).isTrue();
    }

    @Test
    void expiredRequestsAreNotPlacedAndAreHandedBack() {
        scheduler.addNode(new NodeId("a"), gpus(1, 16 * GIB), 8_000, Map.of());
        submit(scheduler, request("holder", 1.0 - 0.0001));
        scheduler.submit(request("soon", 0.5), NOW, NOW + SECOND);
        scheduler.submit(request("later", 0.5), NOW, NOW + 10 * SECOND);
        scheduler.submit(request("never", 0.5), NOW, Scheduler.NO_DEADLINE);

        assertThat(scheduler.expire(NOW + SECOND - 1)).isEmpty();
        scheduler.release(key("holder"));
        List<Scheduler.Placed> placed = scheduler.placePending(NOW + 2 * SECOND);

        assertThat(placed).extracting(p -> p.request().key()).containsExactly(key("later"), key("never"));
        List<ResourceRequest> expired = scheduler.expire(NOW + 2 * SECOND);
        assertThat(expired).extracting(ResourceRequest::key).containsExactly(key("soon"));
        assertThat(scheduler.explain(expired.get(0))).isEqualTo("needs 0.5 of one GPU; the most free on any GPU is 0");
        assertThat(scheduler.pending()).isEmpty();

        scheduler.submit(request("forever", 0.5), NOW, Scheduler.NO_DEADLINE);
        assertThat(scheduler.expire(Long.MAX_VALUE / 2)).isEmpty();
        assertThat(scheduler.isPending(key("forever"))).isTrue();
    }

    @Test
    void cancelWithdrawsAWaitingRequestOnly() {
        scheduler.addNode(new NodeId("a"), gpus(1, 16 * GIB), 8_000, Map.of());
        submit(scheduler, request("holder", 0.9));
        offer(request("waits", 0.5));

        assertThat(scheduler.cancel(key("holder"))).isFalse();
        assertThat(scheduler.cancel(key("waits"))).isTrue();
        assertThat(scheduler.cancel(key("waits"))).isFalse();
        scheduler.release(key("holder"));
        assertThat(scheduler.placePending(NOW)).isEmpty();
    }

    @Test
    void releaseHappensExactlyOnce() {
        scheduler.addNode(new NodeId("a"), gpus(1, 16 * GIB), 8_000, Map.of());
        submit(scheduler, request("x", 0.5));
        submit(scheduler, request("y", 0.25));

        assertThat(scheduler.release(key("x"))).isTrue();
        assertThat(scheduler.release(key("x"))).isFalse();
        assertThat(scheduler.release(key("nobody"))).isFalse();

        assertThat(scheduler.view().node(new NodeId("a")).orElseThrow().ledger().usedUnits(0)).isEqualTo(2_500);
        assertThat(scheduler.allocation(key("y"))).isPresent();
    }

    @Test
    void aKeyIsPlacedOrWaitingOnlyOnce() {
        scheduler.addNode(new NodeId("a"), gpus(1, 16 * GIB), 8_000, Map.of());
        submit(scheduler, request("x", 0.9));
        offer(request("w", 0.5));

        assertThatThrownBy(() -> offer(request("x", 0.05))).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("x#0 is already placed on node a");
        assertThatThrownBy(() -> offer(request("w", 0.05))).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("w#0 is already waiting");
    }

    @Test
    void removingANodeHandsBackItsAllocations() {
        scheduler.addNode(new NodeId("a"), gpus(1, 16 * GIB), 8_000, Map.of());
        scheduler.addNode(new NodeId("b"), gpus(1, 16 * GIB), 8_000, Map.of());
        Allocation onA = submit(scheduler, onNode("x", fraction(0.5), "a", false)).allocation();
        submit(scheduler, onNode("y", fraction(0.5), "b", false));

        assertThat(scheduler.removeNode(new NodeId("a"))).containsExactly(onA);

        assertThat(scheduler.nodeOf(key("x"))).isEmpty();
        assertThat(scheduler.release(key("x"))).isFalse();
        assertThat(scheduler.view().nodeCount()).isEqualTo(1);
        assertThat(scheduler.removeNode(new NodeId("a"))).isEmpty();
    }

    @Test
    void aNodeRejoiningWithItsAllocationsRestoresThem() {
        Allocation held = new Allocation(key("x"), List.of(1), 7_500, 12 * GIB, 1_000);

        scheduler.addNode(new NodeId("a"), gpus(2, 16 * GIB), 8_000, Map.of(), List.of(held));

        assertThat(scheduler.allocation(key("x"))).contains(held);
        assertThat(submit(scheduler, request("y", 0.25)).decision().gpus()).containsExactly(1);
        assertThatThrownBy(() -> scheduler.addNode(new NodeId("b"), gpus(2, 16 * GIB), 8_000, Map.of(),
            List.of(held))).isInstanceOf(IllegalStateException.class).hasMessageContaining("already held on node a");
    }

    @Test
    void inAClusterARequestNoNodeCouldHoldWaitsForOneThatCanToJoin() {
        scheduler.infeasibleRequestsWait(true);
        scheduler.addNode(new NodeId("a"), gpus(1, 16 * GIB), 8_000, Map.of());
        scheduler.addNode(new NodeId("b"), gpus(1, 16 * GIB), 8_000, Map.of());

        Scheduler.Outcome two = scheduler.submit(request("two", ResourceShape.wholeGpus(2, 0)), NOW, NOW + SECOND);

        String reason = "FraudScorer needs 2 whole GPUs on one node, but the largest node has 1; waiting for a node "
            + "that can hold it to join";
        assertThat(two).isInstanceOf(Scheduler.Queued.class);
        assertThat(((Scheduler.Queued) two).reason()).isEqualTo(reason);
        assertThat(scheduler.pending()).singleElement().satisfies(p -> assertThat(p.reason()).isEqualTo(reason));
        assertThat(scheduler.placePending(NOW + 1)).isEmpty();

        scheduler.addNode(new NodeId("big"), gpus(2, 16 * GIB), 8_000, Map.of());

        assertThat(scheduler.placePending(NOW + 2)).singleElement()
            .satisfies(p -> assertThat(p.decision().node()).isEqualTo(new NodeId("big")))
            .satisfies(p -> assertThat(p.decision().gpus()).containsExactly(0, 1));
    }

    @Test
    void aRequestWaitingForANodeThatNeverJoinsExpiresWithTheReason() {
        scheduler.infeasibleRequestsWait(true);
        scheduler.addNode(new NodeId("cpu"), List.of(), 4_000, Map.of());
        scheduler.submit(request("gpu", 0.25), NOW, NOW + SECOND);

        assertThat(scheduler.expire(NOW + 2 * SECOND)).singleElement()
            .satisfies(r -> assertThat(scheduler.explain(r))
                .isEqualTo("FraudScorer needs 0.25 of one GPU, but the cluster has no GPUs"));
        assertThat(scheduler.pending()).isEmpty();
    }

    @Test
    void requestsThatCanNeverFitFailAtOnceWithTheNumbers() {
        assertThat(infeasible(offer(request("none", 0.25))))
            .isEqualTo("FraudScorer needs 0.25 of one GPU, but the cluster has no nodes");

        scheduler.addNode(new NodeId("cpu"), List.of(), 4_000, Map.of("zone", "z1"));
        assertThat(infeasible(offer(request("gpu", 0.25))))
            .isEqualTo("FraudScorer needs 0.25 of one GPU, but the cluster has no GPUs");

        scheduler.addNode(new NodeId("a"), gpus(2, 16 * GIB), 8_000, Map.of());
        scheduler.addNode(new NodeId("b"), gpus(1, 24 * GIB), 2_000, Map.of());
        assertThat(infeasible(offer(request("three", ResourceShape.wholeGpus(3, 0)))))
            .isEqualTo("FraudScorer needs 3 whole GPUs on one node, but the largest node has 2");
        assertThat(infeasible(offer(request("mem", ResourceShape.fraction(2_500, 32 * GIB, 0)))))
            .isEqualTo("FraudScorer needs 32 GiB of GPU memory on one GPU, but the largest GPU of the cluster has 24 GiB");
        assertThat(infeasible(offer(request("cpus", ResourceShape.cpuOnly(9_000)))))
            .isEqualTo("FraudScorer needs 9 CPUs on one node, but the largest node has 8");
        assertThat(infeasible(offer(request("both", ResourceShape.fraction(2_500, 20 * GIB, 4_000)))))
            .isEqualTo("FraudScorer needs 4 CPUs with 0.25 of one GPU with 20 GiB on one node, but the largest such "
                + "node has 2");
        assertThat(infeasible(offer(withLabels("h100", fraction(0.5), Map.of("gpu-model", "H100")))))
            .isEqualTo("FraudScorer needs a node with labels {gpu-model=H100}, but no node has them");
        assertThat(infeasible(offer(withLabels("z1", fraction(0.5), Map.of("zone", "z1")))))
            .isEqualTo("FraudScorer needs 0.5 of one GPU, but no node with labels {zone=z1} has GPUs");
        assertThat(infeasible(offer(onNode("gone", fraction(0.5), "c", false))))
            .isEqualTo("FraudScorer must run on node c, which is not in the cluster");
        assertThat(scheduler.pending()).isEmpty();
        assertThat(scheduler.view().allocationCount()).isZero();
    }

    @Test
    void messagesNameTheActorByItsNameToo() {
        scheduler.addNode(new NodeId("a"), gpus(1, 16 * GIB), 8_000, Map.of());

        ResourceRequest named = new ResourceRequest(key("n"), "com.acme.Outer$FraudScorer", "fraud-1",
            ResourceShape.wholeGpus(2, 1_000), null, Map.of(), null, false);

        assertThat(infeasible(offer(named)))
            .isEqualTo("FraudScorer \"fraud-1\" needs 2 whole GPUs on one node, but the largest node has 1");
    }

    @Test
    void pendingSaysWhatEachRequestWaitsFor() {
        scheduler.addNode(new NodeId("a"), gpus(2, 16 * GIB), 4_000, Map.of());
        submit(scheduler, request("g0", ResourceShape.fraction(5_000, 14 * GIB, 3_000)));
        submit(scheduler, request("g1", 0.25));

        offer(request("mem", ResourceShape.fraction(2_500, 14 * GIB, 0)));
        offer(request("pair", ResourceShape.wholeGpus(2, 0)));
        offer(request("cpu", ResourceShape.fraction(1_000, ResourceShape.PROPORTIONAL, 2_000)));

        assertThat(scheduler.pending()).extracting(Scheduler.PendingView::reason).containsExactly(
            "needs 0.25 of one GPU with 14 GiB; the GPUs with that much free have at most 12 GiB of memory free",
            "needs 2 whole GPUs on one node; the most idle GPUs on any node is 0",
            "needs 2 CPUs with 0.1 of one GPU; the nodes with such a GPU free have at most 1 CPUs free");
    }

    @Test
    void aGpuOfAProcessIsolatedNodeTakesAtMost48ActorsHoweverSmall() {
        scheduler.addNode(new NodeId("mps"), gpus(2, 16 * GIB), 8_000, Map.of(), List.of(), 48);
        for (int i = 0; i < 48; i++) {
            submit(scheduler, request("tiny-" + i, 0.01));
        }
        assertThat(scheduler.view().node(new NodeId("mps")).orElseThrow().ledger().onGpu(0)).hasSize(48);

        submit(scheduler, request("tiny-48", 0.01));

        assertThat(scheduler.view().allocation(key("tiny-48")).orElseThrow().gpus())
            .as("the 49th goes to the other GPU, though GPU 0 has 0.52 free").containsExactly(1);
    }
}
