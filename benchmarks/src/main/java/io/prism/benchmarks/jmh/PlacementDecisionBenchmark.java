package io.prism.benchmarks.jmh;

import io.prism.ActorId;
import io.prism.PlacementStrategy;
import io.prism.resources.ledger.AllocationKey;
import io.prism.runtime.placement.PlacementDecision;
import io.prism.runtime.placement.PlacementPolicies;
import io.prism.runtime.placement.PlacementPolicy;
import io.prism.runtime.placement.ResourceRequest;
import io.prism.runtime.placement.ResourceShape;
import io.prism.runtime.placement.Scheduler;
import io.prism.runtime.placement.sim.SimulatedCluster;
import io.prism.runtime.placement.sim.SimEvent;
import io.prism.runtime.placement.sim.Workloads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One placement decision, the policy's choice alone (nothing reserved), at 1,000 nodes × 8 GPUs filled to
 * {@code fill} of their units by a seeded random mix of 0.1, 0.25, 0.5 and 1 placed with the same policy: the
 * cluster the simulator builds. The target is 20 µs per decision at 8,000 GPUs.
 *
 * <p>SPREAD leaves no GPU wholly free on such a cluster, so its decision for 1 GPU is the worst case: a walk over
 * every node that finds nothing. (The scheduler itself skips that walk when no GPU has the units free.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PlacementDecisionBenchmark {
    private static final SimulatedCluster CLUSTER = new SimulatedCluster(1_000, 8, 80L << 30);

    @Param({"PACK", "SPREAD"})
    public PlacementStrategy strategy;

    @Param({"0.5", "0.9"})
    public double fill;

    @Param({"0.25", "1"})
    public String gpus;

    private Scheduler scheduler;
    private PlacementPolicy policy;
    private ResourceRequest request;

    @Setup
    public void setUp() {
        scheduler = CLUSTER.newScheduler();
        long target = (long) (fill * CLUSTER.gpus() * 10_000);
        long placed = 0;
        int i = 0;
        for (ResourceShape shape : Workloads.random(40_000, Workloads.mix("0.1,0.25,0.5,1"), 42)) {
            if (placed >= target) {
                break;
            }
            if (scheduler.submit(request("fill-" + i++, shape), 0, Scheduler.NO_DEADLINE)
                instanceof Scheduler.Placed) {
                placed += shape.unitsPerGpu();
            }
        }
        policy = PlacementPolicies.of(strategy);
        request = request("probe", Workloads.compact("1x" + gpus).get(0));
    }

    private ResourceRequest request(String actor, ResourceShape shape) {
        return new ResourceRequest(new AllocationKey(new ActorId(actor), 0), SimEvent.class.getName(), actor, shape,
            strategy, Map.of(), null, false);
    }

    @Benchmark
    public Optional<PlacementDecision> decide() {
        return policy.place(request, scheduler.view());
    }
}
