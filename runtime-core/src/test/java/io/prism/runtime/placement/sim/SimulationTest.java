package io.prism.runtime.placement.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prism.PlacementStrategy;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static final long GPU_MEMORY = 80L << 30;

    private static PolicyResult run(int nodes, int gpus, Workload workload, PlacementStrategy policy) {
        return new Simulation(new SimulatedCluster(nodes, gpus, GPU_MEMORY)).run(workload, policy,
            Simulation.Progress.NONE);
    }

    @Test
    void packFillsGpusAndWhatDoesNotFitWaits() {
        PolicyResult r = run(1, 2, Workloads.atOnce("w", Workloads.compact("4x0.5,1x0.25")), PlacementStrategy.PACK);

        assertThat(r.requested()).isEqualTo(5);
        assertThat(r.placed()).isEqualTo(4);
        assertThat(r.pending()).isEqualTo(1);
        assertThat(r.waited()).isEqualTo(1);
        assertThat(r.gpusUsed()).isEqualTo(2);
        assertThat(r.lowerBound()).isEqualTo(2);
        assertThat(r.ratio()).isEqualTo(1.0);
        assertThat(r.wholeGpuBaseline()).isEqualTo(4);
        assertThat(r.savingPercent()).isEqualTo(50.0);
        assertThat(r.pendingThatFits()).isZero();
        assertThat(r.gpusTotal()).isEqualTo(2);
    }

    @Test
    void spreadUsesAGpuPerActorWherePackSharesOne() {
        Workload w = Workloads.atOnce("w", Workloads.compact("4x0.25"));

        PolicyResult spread = run(2, 2, w, PlacementStrategy.SPREAD);
        PolicyResult pack = run(2, 2, w, PlacementStrategy.PACK);

        assertThat(spread.gpusUsed()).isEqualTo(4);
        assertThat(spread.ratio()).isEqualTo(4.0);
        assertThat(spread.savingPercent()).isZero();
        assertThat(pack.gpusUsed()).isEqualTo(1);
        assertThat(pack.savingPercent()).isEqualTo(75.0);
        assertThat(pack.placeP50Micros()).isPositive();
    }

    @Test
    void aWaitingRequestIsPlacedWhenCapacityFreesAndItsWaitIsSimulatedTime() {
        Workload trace = Traces.read(new StringReader("""
            0,a,arrive,0.75
            1,b,arrive,0.5
            2,c,arrive,0.5
            3,c,depart
            4,a,depart
            """), "t.csv");

        PolicyResult r = run(1, 1, trace, PlacementStrategy.PACK);

        assertThat(r.requested()).isEqualTo(3);
        assertThat(r.placed()).as("a, then b once a departs").isEqualTo(2);
        assertThat(r.leftWaiting()).as("c gave up").isEqualTo(1);
        assertThat(r.pending()).isZero();
        assertThat(r.waited()).isEqualTo(2);
        assertThat(r.waitP50Seconds()).as("c waited 1 s").isEqualTo(1.0);
        assertThat(r.waitMaxSeconds()).as("b waited 3 s").isEqualTo(3.0);
        assertThat(r.gpusUsed()).isEqualTo(1);
        assertThat(r.peakGpusUsed()).isEqualTo(1);
        assertThat(r.lowerBound()).isEqualTo(1);
        assertThat(r.simulatedSeconds()).isEqualTo(4.0);
    }

    @Test
    void aShapeNoNodeCouldEverHoldIsRefusedBeforeTheRun() {
        Simulation simulation = new Simulation(new SimulatedCluster(3, 2, GPU_MEMORY));

        assertThatThrownBy(() -> simulation.check(Workloads.atOnce("w", Workloads.compact("2x0.5,1x0.5:100GiB"))))
            .isInstanceOf(WorkloadException.class)
            .hasMessageContaining("needs 100 GiB of GPU memory on one GPU, but the largest GPU of the cluster has "
                + "80 GiB");
        assertThatThrownBy(() -> simulation.check(Workloads.atOnce("w", Workloads.compact("1x4"))))
            .hasMessageContaining("needs 4 whole GPUs on one node, but the largest node has 2");
    }

    @Test
    void progressIsReportedUpToTheLastEvent() {
        List<Integer> reported = new ArrayList<>();
        new Simulation(new SimulatedCluster(2, 2, GPU_MEMORY)).run(Workloads.atOnce("w",
            Workloads.compact("20000x0.1")), PlacementStrategy.PACK, (policy, done, total) -> reported.add(done));

        assertThat(reported).contains(8_192, 16_384).last().isEqualTo(20_000);
    }
}
