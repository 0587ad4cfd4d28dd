package io.prism.benchmarks.jmh;

import io.prism.ActorId;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.AllocationKey;
import io.prism.resources.ledger.GpuLedger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One node's ledger under placement: the fit check every candidate GPU gets, and an allocate/release pair, on an
 * 8-GPU node 70 % full of quarter-GPU actors; against a bare long comparison, the least a fit check can be.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LedgerBenchmark {
    private static final long GIB = 1L << 30;

    private GpuLedger ledger;
    private AllocationKey key;
    private List<Integer> gpu7;
    private long free;

    @Setup
    public void setUp() {
        List<GpuDevice> devices = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            devices.add(GpuDevice.simulated(i, 80 * GIB));
        }
        ledger = new GpuLedger(devices, 64_000);
        int n = 0;
        for (int gpu = 0; gpu < 8; gpu++) {
            for (int q = 0; q < (gpu < 6 ? 3 : 2); q++) {
                ledger.allocate(new AllocationKey(new ActorId("a" + n++), 0), List.of(gpu), 2_500, 20 * GIB, 0);
            }
        }
        key = new AllocationKey(new ActorId("bench"), 0);
        gpu7 = List.of(7);
        free = ledger.freeUnits(7);
    }

    /** The floor: one comparison of free units. */
    @Benchmark
    public boolean compareUnits() {
        return free >= 2_500;
    }

    /** The check a policy makes for a candidate GPU: units, memory and CPUs. */
    @Benchmark
    public boolean fits() {
        return ledger.fits(gpu7, 2_500, 20 * GIB, 0);
    }

    /** What placing and then stopping one actor costs the ledger. */
    @Benchmark
    public Object allocateAndRelease() {
        ledger.allocate(key, gpu7, 2_500, 20 * GIB, 0);
        return ledger.release(key);
    }
}
