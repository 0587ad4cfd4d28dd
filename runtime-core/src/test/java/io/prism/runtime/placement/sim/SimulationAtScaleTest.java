package io.prism.runtime.placement.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.prism.PlacementStrategy;
import io.prism.runtime.placement.ResourceShape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 1,000 nodes × 8 GPUs, as the issue asks the simulator to handle: a random mix of 0.1, 0.25, 0.5 and 1 that
 * overloads the cluster, and one that comes and goes. Asserts what was placed, never how long it took.
 */
class SimulationAtScaleTest {
    private static final SimulatedCluster CLUSTER = new SimulatedCluster(1_000, 8, 80L << 30);
    private static final List<ResourceShape> MIX = Workloads.mix("0.1,0.25,0.5,1");

    @Test
    void twentyThousandActorsOverloadTheClusterAndNothingThatFitsWaits() {
        Workload w = Workloads.atOnce("random", Workloads.random(20_000, MIX, 1));

        for (PlacementStrategy policy : PlacementStrategy.values()) {
            PolicyResult r = new Simulation(CLUSTER).run(w, policy, Simulation.Progress.NONE);

            assertThat(r.placed() + r.pending()).as(policy + " accounts for every actor").isEqualTo(20_000);
            assertThat(r.pending()).as(policy + ": Σ fractions ≈ 9,250 GPUs of 8,000").isPositive();
            assertThat(r.pendingThatFits()).as(policy.name()).isZero();
            assertThat(r.gpusUsed()).as(policy.name()).isLessThanOrEqualTo(8_000);
            if (policy == PlacementStrategy.PACK) {
                assertThat(r.ratio()).as("PACK GPUs used / ⌈Σ⌉").isLessThanOrEqualTo(1.03);
            }
        }
    }

    @Test
    void packStaysWithinThreePercentOfTheLowerBoundUnderChurn() {
        Workload w = Workloads.churn("churn", Workloads.random(20_000, MIX, 2), 100, 100, 2);

        PolicyResult r = new Simulation(CLUSTER).run(w, PlacementStrategy.PACK, Simulation.Progress.NONE);

        assertThat(r.pending()).isZero();
        assertThat(r.waited()).isZero();
        assertThat(r.lowerBound()).as("about 100/s × 100 s × 0.46 GPU live").isBetween(3_500L, 5_500L);
        assertThat(r.ratio()).isLessThanOrEqualTo(1.03);
        assertThat(r.savingPercent()).isGreaterThan(40.0);
    }
}
