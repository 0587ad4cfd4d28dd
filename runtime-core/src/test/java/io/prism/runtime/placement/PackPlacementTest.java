package io.prism.runtime.placement;

import static io.prism.runtime.placement.Requests.GIB;
import static io.prism.runtime.placement.Requests.fraction;
import static io.prism.runtime.placement.Requests.gpus;
import static io.prism.runtime.placement.Requests.onNode;
import static io.prism.runtime.placement.Requests.request;
import static io.prism.runtime.placement.Requests.submit;
import static io.prism.runtime.placement.Requests.withLabels;
import static org.assertj.core.api.Assertions.assertThat;

import io.prism.resources.ledger.GpuLedger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackPlacementTest {
    private final Scheduler scheduler = new Scheduler();

    private GpuLedger ledger(String node) {
        return scheduler.view().node(new NodeId(node)).orElseThrow().ledger();
    }

    @Test
    void fourQuartersShareOneGpuAndTheFifthTakesTheOther() {
        scheduler.addNode(new NodeId("a"), gpus(2, 16 * GIB), 8_000, Map.of());

        for (int i = 0; i < 4; i++) {
            assertThat(submit(scheduler, request("q" + i, 0.25)).decision().gpus()).containsExactly(0);
        }
        assertThat(ledger("a").idleGpus()).containsExactly(1);

        Scheduler.Placed fifth = submit(scheduler, request("q4", 0.25));

        assertThat(fifth.decision().gpus()).containsExactly(1);
        assertThat(ledger("a").usedUnits(0)).isEqualTo(10_000);
        assertThat(ledger("a").usedUnits(1)).isEqualTo(2_500);
    }

    @Test
    void bestFitTakesTheGpuWithTheLeastRoomThatStillFits() {
        scheduler.addNode(new NodeId("a"), gpus(3, 16 * GIB), 8_000, Map.of());
        submit(scheduler, request("half", 0.5));
        submit(scheduler, request("most", 0.8));
        assertThat(ledger("a").freeUnits(0)).isEqualTo(5_000);
        assertThat(ledger("a").freeUnits(1)).isEqualTo(2_000);

        assertThat(submit(scheduler, request("x", 0.2)).decision().gpus()).as("first fit would take GPU 0")
            .containsExactly(1);
        assertThat(submit(scheduler, request("y", 0.5)).decision().gpus()).containsExactly(0);
        assertThat(submit(scheduler, request("z", 0.5)).decision().gpus()).containsExactly(2);
    }

    @Test
    void prefersNodesAlreadyInUseForAFreshGpu() {
        scheduler.addNode(new NodeId("a"), gpus(2, 16 * GIB), 8_000, Map.of());
        scheduler.addNode(new NodeId("b"), gpus(2, 16 * GIB), 8_000, Map.of());
        submit(scheduler, onNode("first", fraction(0.9), "b", false));

        Scheduler.Placed next = submit(scheduler, request("next", 0.5));

        assertThat(next.decision().node()).isEqualTo(new NodeId("b"));
        assertThat(next.decision().gpus()).containsExactly(1);
        assertThat(ledger("a").idleGpuCount()).isEqualTo(2);
    }

    @Test
    void memoryMustFitAsWellAsUnits() {
        scheduler.addNode(new NodeId("a"), gpus(2, 16 * GIB), 8_000, Map.of());
        submit(scheduler, request("hungry", ResourceShape.fraction(2_500, 12 * GIB, 0)));

        Scheduler.Placed second = submit(scheduler, request("also", ResourceShape.fraction(2_500, 8 * GIB, 0)));
        Scheduler.Placed third = submit(scheduler, request("fits", 0.25));

        assertThat(second.decision().gpus()).as("0.75 of GPU 0 is free but only 4 GiB of its memory")
            .containsExactly(1);
        assertThat(third.decision().gpus()).containsExactly(0);
        assertThat(third.allocation().memoryPerGpu()).as("a quarter of 16 GiB").isEqualTo(4 * GIB);
        assertThat(ledger("a").freeMemory(0)).isZero();
    }

    @Test
    void wholeGpusGoToTheNodeWithTheFewestIdleGpusThatHasEnough() {
        scheduler.addNode(new NodeId("four"), gpus(4, 16 * GIB), 8_000, Map.of());
        scheduler.addNode(new NodeId("two"), gpus(2, 24 * GIB), 8_000, Map.of());
        scheduler.addNode(new NodeId("one"), gpus(1, 16 * GIB), 8_000, Map.of());

        Scheduler.Placed pair = submit(scheduler, request("pair", ResourceShape.wholeGpus(2, 0)));

        assertThat(pair.decision().node()).isEqualTo(new NodeId("two"));
        assertThat(pair.decision().gpus()).containsExactly(0, 1);
        assertThat(pair.allocation().unitsPerGpu()).isEqualTo(10_000);
        assertThat(pair.allocation().memoryPerGpu()).isEqualTo(24 * GIB);
        assertThat(submit(scheduler, request("trio", ResourceShape.wholeGpus(3, 0))).decision().node())
            .isEqualTo(new NodeId("four"));
    }

    @Test
    void wholeGpusTakeOnlyIdleGpus() {
        scheduler.addNode(new NodeId("a"), gpus(4, 16 * GIB), 8_000, Map.of());
        submit(scheduler, request("tiny", 0.01));

        assertThat(submit(scheduler, request("triple", ResourceShape.wholeGpus(3, 0))).decision().gpus())
            .containsExactly(1, 2, 3);
    }

    @Test
    void cpusMustFitOnTheNode() {
        scheduler.addNode(new NodeId("a"), gpus(1, 16 * GIB), 1_000, Map.of());
        scheduler.addNode(new NodeId("b"), gpus(1, 16 * GIB), 4_000, Map.of());
        submit(scheduler, onNode("busy", ResourceShape.fraction(2_500, ResourceShape.PROPORTIONAL, 1_000), "a", false));

        Scheduler.Placed next = submit(scheduler, request("next",
            ResourceShape.fraction(2_500, ResourceShape.PROPORTIONAL, 500)));

        assertThat(next.decision().node()).as("a's GPU has room but its CPU is taken").isEqualTo(new NodeId("b"));
    }

    @Test
    void labelsAreConstraints() {
        scheduler.addNode(new NodeId("a100"), gpus(1, 40 * GIB), 8_000, Map.of("gpu-model", "A100"));
        scheduler.addNode(new NodeId("h100"), gpus(1, 80 * GIB), 8_000, Map.of("gpu-model", "H100", "zone", "z1"));

        Scheduler.Placed p = submit(scheduler, withLabels("x", fraction(0.5), Map.of("gpu-model", "H100")));

        assertThat(p.decision().node()).isEqualTo(new NodeId("h100"));
        assertThat(p.allocation().memoryPerGpu()).isEqualTo(40 * GIB);
    }

    @Test
    void strictAffinityWaitsForItsNodeWhileSoftAffinityGoesElsewhere() {
        scheduler.addNode(new NodeId("a"), gpus(1, 16 * GIB), 8_000, Map.of());
        scheduler.addNode(new NodeId("b"), gpus(1, 16 * GIB), 8_000, Map.of());
        submit(scheduler, onNode("full", fraction(0.8), "b", false));

        Scheduler.Outcome strict = scheduler.submit(onNode("strict", fraction(0.5), "b", false), Requests.NOW,
            Scheduler.NO_DEADLINE);
        Scheduler.Placed soft = submit(scheduler, onNode("soft", fraction(0.5), "b", true));
        Scheduler.Placed there = submit(scheduler, onNode("there", fraction(0.2), "a", true));

        assertThat(strict).isInstanceOf(Scheduler.Queued.class);
        assertThat(((Scheduler.Queued) strict).reason())
            .isEqualTo("on node b: needs 0.5 of one GPU; the most free on any GPU is 0.2");
        assertThat(soft.decision().node()).isEqualTo(new NodeId("a"));
        assertThat(there.decision().node()).as("soft affinity prefers its node over b's better fit")
            .isEqualTo(new NodeId("a"));
    }

    @Test
    void cpuOnlyActorsKeepOffGpuNodes() {
        scheduler.addNode(new NodeId("gpu"), gpus(8, 16 * GIB), 64_000, Map.of());
        scheduler.addNode(new NodeId("cpu"), List.of(), 16_000, Map.of());

        assertThat(submit(scheduler, request("etl", ResourceShape.cpuOnly(4_000))).decision().node())
            .isEqualTo(new NodeId("cpu"));
        assertThat(submit(scheduler, request("big", ResourceShape.cpuOnly(16_000))).decision().node())
            .isEqualTo(new NodeId("gpu"));
    }
}
