package io.prism.benchmarks.placement;

import io.prism.PlacementStrategy;
import io.prism.benchmarks.Aim;
import io.prism.benchmarks.BenchReport;
import io.prism.runtime.placement.sim.PolicyResult;
import io.prism.runtime.placement.sim.SimulatedCluster;
import io.prism.runtime.placement.sim.Simulation;
import io.prism.runtime.placement.sim.Workload;
import io.prism.runtime.placement.sim.Workloads;

import java.util.List;
import java.util.Locale;

/**
 * {@code benchmarks.jar placement [--quick]}: the placement simulator ({@code bin/prism simulate}'s engine) replays
 * a churn of 0.1, 0.25, 0.5 and 1-GPU actors on 1,000 nodes × 8 GPUs of 80 GiB, about 12,000 of them alive at a
 * time (70% of the units), through the resource manager's scheduler, for PACK and SPREAD. A decision is one
 * {@code submit} that placed its request: the policy's choice and the reservation in the ledger.
 */
public final class PlacementSpeed {
    private static final SimulatedCluster CLUSTER = new SimulatedCluster(1_000, 8, 80L << 30);
    private static final String MIX = "0.1,0.25,0.5,1";
    private static final double ARRIVALS_PER_SECOND = 100;
    private static final double LIFETIME_SECONDS = 120;
    private static final long SEED = 42;
    private static final double AIM_MICROS = 20;

    private PlacementSpeed() {
    }

    public static void main(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        int arrivals = quick ? 40_000 : 150_000;
        Workload workload = Workloads.churn(arrivals + " actors of " + MIX + " GPU", Workloads.random(arrivals,
            Workloads.mix(MIX), SEED), ARRIVALS_PER_SECOND, LIFETIME_SECONDS, SEED);
        Simulation simulation = new Simulation(CLUSTER);
        System.out.printf(Locale.ROOT, "%nPlacement on %s (%,d GPUs), %s, arriving %.0f/s, staying %.0f s on average "
                + "(Java %s, %d cores)%n", CLUSTER.describe(), CLUSTER.gpus(), workload.description(),
            ARRIVALS_PER_SECOND, LIFETIME_SECONDS, System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  %-8s %10s %10s %14s %10s %12s%n", "policy", "p50 µs", "p99 µs",
            "decisions/s", "GPUs used", "lower bound");
        for (PlacementStrategy policy : List.of(PlacementStrategy.PACK, PlacementStrategy.SPREAD)) {
            simulation.warmUp(workload, policy);
            PolicyResult r = simulation.run(workload, policy, Simulation.Progress.NONE);
            double perSecond = r.placed() * 1000.0 / Math.max(1, r.wallMillis());
            System.out.printf(Locale.ROOT, "  %-8s %10.1f %10.1f %,14.0f %,10d %,12d%n", policy, r.placeP50Micros(),
                r.placeP99Micros(), perSecond, r.gpusUsed(), r.lowerBound());
            // the default policy's figures in full, SPREAD's decision time alone
            String section = "placement";
            String at = ", " + policy + ", " + CLUSTER.gpus() / 1000 + "k GPUs";
            BenchReport.record(BenchReport.Row.alone(section, "decision p50" + at, "µs", r.placeP50Micros(),
                Aim.atMost(AIM_MICROS)));
            if (policy == PlacementStrategy.PACK) {
                BenchReport.record(BenchReport.Row.alone(section, "decision p99" + at, "µs", r.placeP99Micros(),
                    Aim.NONE));
                BenchReport.record(BenchReport.Row.alone(section, "decisions/s, whole replay" + at, "/s", perSecond,
                    Aim.NONE));
                BenchReport.record(section, "GPUs in use at the end" + at, "GPUs", r.gpusUsed(), "⌈Σ fractions⌉",
                    r.lowerBound(), Aim.NONE);
            }
        }
        System.out.println("  decisions/s: placements over the replay's wall time, which includes every departure's "
            + "release and the pending queue's retries.");
    }
}
