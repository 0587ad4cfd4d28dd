package io.prism.runtime.placement;

import static io.prism.runtime.placement.Requests.GIB;
import static io.prism.runtime.placement.Requests.gpus;
import static io.prism.runtime.placement.Requests.key;
import static io.prism.runtime.placement.Requests.onNode;
import static io.prism.runtime.placement.Requests.spread;
import static io.prism.runtime.placement.Requests.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.prism.PlacementStrategy;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpreadPlacementTest {
    private final Scheduler scheduler = new Scheduler();

    @Test
    void replicasLandOnDifferentGpusAndNodes() {
        scheduler.addNode(new NodeId("a"), gpus(2, 16 * GIB), 8_000, Map.of());
        scheduler.addNode(new NodeId("b"), gpus(2, 16 * GIB), 8_000, Map.of());

        Set<String> gpusUsed = new HashSet<>();
        int onA = 0;
        for (int i = 0; i < 4; i++) {
            Scheduler.Placed p = submit(scheduler, spread("replica" + i, 0.25));
            gpusUsed.add(p.decision().node() + "/" + p.decision().gpus().get(0));
            onA += p.decision().node().equals(new NodeId("a")) ? 1 : 0;
        }

        assertThat(gpusUsed).hasSize(4);
        assertThat(onA).isEqualTo(2);
    }

    @Test
    void takesTheMostFreeGpuOnTheLeastLoadedNode() {
        scheduler.addNode(new NodeId("a"), gpus(2, 16 * GIB), 8_000, Map.of());
        scheduler.addNode(new NodeId("b"), gpus(2, 16 * GIB), 8_000, Map.of());
        submit(scheduler, onNode("a0", Requests.fraction(0.5), "a", false));
        submit(scheduler, onNode("b0", Requests.fraction(0.2), "b", false));
        submit(scheduler, onNode("b1", Requests.fraction(0.4), "b", false));

        Scheduler.Placed p = submit(scheduler, spread("replica", 0.3));

        assertThat(p.decision().node()).as("a is 25% loaded, b 30%").isEqualTo(new NodeId("a"));
        assertThat(p.decision().gpus()).containsExactly(1);
    }

    @Test
    void wholeGpusAndCpuOnlyActorsGoToTheLeastLoadedNode() {
        scheduler.addNode(new NodeId("a"), gpus(4, 16 * GIB), 8_000, Map.of());
        scheduler.addNode(new NodeId("b"), gpus(4, 16 * GIB), 8_000, Map.of());
        submit(scheduler, onNode("a0", ResourceShape.wholeGpus(1, 4_000), "a", false));

        Scheduler.Placed whole = submit(scheduler, new ResourceRequest(key("w"), "W", null,
            ResourceShape.wholeGpus(2, 0), PlacementStrategy.SPREAD, Map.of(), null, false));
        Scheduler.Placed cpu = submit(scheduler, new ResourceRequest(key("c"), "C", null,
            ResourceShape.cpuOnly(1_000), PlacementStrategy.SPREAD, Map.of(), null, false));

        assertThat(whole.decision().node()).isEqualTo(new NodeId("b"));
        assertThat(cpu.decision().node()).as("a has half its CPUs taken").isEqualTo(new NodeId("b"));
    }
}
