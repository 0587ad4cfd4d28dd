package io.prism.benchmarks.jmh;

import io.prism.ActorId;
import io.prism.PlacementStrategy;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.AllocationKey;
import io.prism.resources.ledger.GpuLedger;
import io.prism.runtime.placement.NodeId;
import io.prism.runtime.placement.ResourceRequest;
import io.prism.runtime.placement.ResourceShape;
import io.prism.runtime.placement.Scheduler;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Placing one {@code @Gpu(0.25)} actor and releasing it again, on a cluster of 100 or 1,000 nodes with 8 GPUs
 * each, already filled to {@code fill} of its GPU units by actors of mixed fractions (seeded, so every run sees the
 * same cluster). This is the resource manager's work per {@code create()} and per stop.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SchedulerBenchmark {
    private static final int GPUS_PER_NODE = 8;
    private static final long GPU_MEMORY = 80L << 30;
    private static final long CPU_MILLIS_PER_NODE = 128_000;
    private static final long[] FRACTIONS = {1_000, 2_500, 2_500, 3_000, 5_000};

    @Param({"100", "1000"})
    public int nodes;

    @Param({"PACK", "SPREAD"})
    public PlacementStrategy strategy;

    @Param({"0.7"})
    public double fill;

    private Scheduler scheduler;
    private ResourceRequest request;

    @Setup
    public void setUp() {
        scheduler = new Scheduler();
        for (int n = 0; n < nodes; n++) {
            List<GpuDevice> gpus = new ArrayList<>(GPUS_PER_NODE);
            for (int g = 0; g < GPUS_PER_NODE; g++) {
                gpus.add(GpuDevice.simulated(g, GPU_MEMORY));
            }
            scheduler.addNode(new NodeId("node-" + n), gpus, CPU_MILLIS_PER_NODE, Map.of());
        }
        SplittableRandom random = new SplittableRandom(42);
        long target = (long) (fill * nodes * GPUS_PER_NODE * GpuLedger.UNITS_PER_GPU);
        long placed = 0;
        while (placed < target) {
            long units = FRACTIONS[random.nextInt(FRACTIONS.length)];
            ResourceRequest r = request(units, random.nextBoolean() ? PlacementStrategy.PACK : PlacementStrategy.SPREAD);
            if (!(scheduler.submit(r, 0, Scheduler.NO_DEADLINE) instanceof Scheduler.Placed)) {
                throw new IllegalStateException("the cluster is full at " + placed + " of " + target + " units; "
                    + "use a fill below 1");
            }
            placed += units;
        }
        request = request(2_500, strategy);
    }

    private static ResourceRequest request(long units, PlacementStrategy strategy) {
        return new ResourceRequest(new AllocationKey(ActorId.random(), 0), "io.prism.benchmarks.roundtrip.Echo",
            null, ResourceShape.fraction(units, ResourceShape.PROPORTIONAL, 100), strategy, Map.of(), null, false);
    }

    @Benchmark
    public Scheduler.Outcome submitAndRelease() {
        Scheduler.Outcome outcome = scheduler.submit(request, 0, Scheduler.NO_DEADLINE);
        if (!scheduler.release(request.key())) {
            throw new IllegalStateException(request.key() + " was not placed: " + outcome);
        }
        return outcome;
    }
}
