package io.prism.resources.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prism.ActorId;
import io.prism.resources.device.GpuDevice;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random allocate/release sequences against a plain model of what the ledger must hold. Each sequence is seeded;
 * a failure names its seed, so {@code check(seed)} replays it.
 */
class GpuLedgerPropertyTest {
    private static final long MIB = 1L << 20;
    private static final int SEQUENCES = 100;
    private static final int STEPS = 200;

    @Test
    void ledgerMatchesTheModelAfterEveryStep() {
        long base = 0x5EED_1ED6E8L;
        for (int i = 0; i < SEQUENCES; i++) {
            long seed = base + i;
            try {
                check(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("ledger property failed for seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private static void check(long seed) {
        Random random = new Random(seed);
        List<GpuDevice> devices = new ArrayList<>();
        int gpuCount = random.nextInt(5);
        int index = random.nextInt(3);
        for (int g = 0; g < gpuCount; g++) {
            devices.add(GpuDevice.simulated(index, (1 + random.nextInt(64)) * 256 * MIB));
            index += 1 + random.nextInt(2);
        }
        long cpuMillis = random.nextInt(16_001);
        GpuLedger ledger = new GpuLedger(devices, cpuMillis);
        Map<AllocationKey, Allocation> model = new LinkedHashMap<>();
        List<AllocationKey> released = new ArrayList<>();

        for (int step = 0; step < STEPS; step++) {
            if (random.nextInt(100) < 60 || model.isEmpty()) {
                allocateSomething(random, ledger, devices, cpuMillis, model, step);
            } else if (random.nextInt(10) < 9) {
                List<AllocationKey> live = new ArrayList<>(model.keySet());
                AllocationKey key = live.get(random.nextInt(live.size()));
                expect(ledger.release(key).equals(Optional.of(model.remove(key))), () -> "release of live " + key);
                released.add(key);
            } else if (!released.isEmpty()) {
                AllocationKey again = released.get(random.nextInt(released.size()));
                if (!model.containsKey(again)) {
                    expect(ledger.release(again).isEmpty(), () -> "second release of " + again + " found something");
                }
            }
            assertMatches(ledger, devices, cpuMillis, model);
            assertMatches(GpuLedger.rebuild(devices, cpuMillis, ledger.allocations()), devices, cpuMillis, model);
        }
    }

    private record Ask(List<Integer> gpus, long units, long memory, long cpu) {
        @Override
        public String toString() {
            return gpus + " × " + units + " units, " + memory + " bytes, " + cpu + " CPU millis";
        }
    }

    private static void allocateSomething(Random random, GpuLedger ledger, List<GpuDevice> devices, long cpuMillis,
                                          Map<AllocationKey, Allocation> model, int step) {
        Ask ask = randomAsk(random, devices);
        AllocationKey key = model.isEmpty() || random.nextInt(20) > 0
            ? new AllocationKey(new ActorId("a" + step), random.nextInt(3))
            : model.keySet().iterator().next();

        boolean roomy = fitsByModel(devices, cpuMillis, model, ask);
        expect(ledger.fits(ask.gpus(), ask.units(), ask.memory(), ask.cpu()) == roomy,
            () -> "fits(" + ask + ") should be " + roomy + " in " + ledger);
        if (roomy && !model.containsKey(key)) {
            Allocation a = ledger.allocate(key, ask.gpus(), ask.units(), ask.memory(), ask.cpu());
            expect(a.equals(new Allocation(key, ask.gpus(), ask.units(), ask.memory(), ask.cpu())),
                () -> "allocated " + a);
            model.put(key, a);
        } else {
            Map<AllocationKey, Allocation> before = new LinkedHashMap<>(model);
            assertThatThrownBy(() -> ledger.allocate(key, ask.gpus(), ask.units(), ask.memory(), ask.cpu()))
                .isInstanceOf(IllegalStateException.class);
            assertThat(model).isEqualTo(before);
        }
    }

    /** Mostly fractions, some whole GPUs, some CPU-only, and some malformed (unknown or repeated GPUs). */
    private static Ask randomAsk(Random random, List<GpuDevice> devices) {
        List<Integer> gpus = new ArrayList<>();
        long units = 0;
        long memory = 0;
        int shape = random.nextInt(10);
        if (shape < 7 && !devices.isEmpty()) {
            gpus.add(devices.get(random.nextInt(devices.size())).index());
            units = 1 + random.nextInt(10_000);
            memory = random.nextInt(8) * 256 * MIB;
        } else if (shape < 8 && !devices.isEmpty()) {
            for (GpuDevice d : devices) {
                if (random.nextBoolean()) {
                    gpus.add(d.index());
                }
            }
            units = gpus.isEmpty() ? 0 : 10_000;
        } else if (shape < 9) {
            gpus.add(random.nextBoolean() ? 99 : devices.isEmpty() ? 0 : devices.get(0).index());
            gpus.add(gpus.get(0));
            units = 1;
        }
        return new Ask(gpus, units, memory, random.nextInt(4) * 500L);
    }

    private static boolean fitsByModel(List<GpuDevice> devices, long cpuMillis, Map<AllocationKey, Allocation> model,
                                       Ask ask) {
        if (new HashSet<>(ask.gpus()).size() != ask.gpus().size()) {
            return false;
        }
        long cpuUsed = model.values().stream().mapToLong(Allocation::cpuMillis).sum();
        if (cpuUsed + ask.cpu() > cpuMillis) {
            return false;
        }
        for (int gpu : ask.gpus()) {
            GpuDevice device = devices.stream().filter(d -> d.index() == gpu).findFirst().orElse(null);
            if (device == null) {
                return false;
            }
            long usedUnits = 0;
            long usedMemory = 0;
            for (Allocation a : model.values()) {
                if (a.gpus().contains(gpu)) {
                    usedUnits += a.unitsPerGpu();
                    usedMemory += a.memoryPerGpu();
                }
            }
            if (usedUnits + ask.units() > 10_000 || usedMemory + ask.memory() > device.totalMemory()) {
                return false;
            }
        }
        return true;
    }

    /** Plain comparisons rather than AssertJ: this runs on every step of every sequence. */
    private static void assertMatches(GpuLedger ledger, List<GpuDevice> devices, long cpuMillis,
                                      Map<AllocationKey, Allocation> model) {
        int idle = 0;
        for (GpuDevice d : devices) {
            int gpu = d.index();
            long units = model.values().stream().filter(a -> a.gpus().contains(gpu))
                .mapToLong(Allocation::unitsPerGpu).sum();
            long memory = model.values().stream().filter(a -> a.gpus().contains(gpu))
                .mapToLong(Allocation::memoryPerGpu).sum();
            Set<AllocationKey> keys = new HashSet<>();
            model.values().stream().filter(a -> a.gpus().contains(gpu)).forEach(a -> keys.add(a.key()));
            expect(units <= GpuLedger.UNITS_PER_GPU, () -> "Σ units on GPU " + gpu + " is " + units);
            expect(memory <= d.totalMemory(), () -> "Σ memory on GPU " + gpu + " is " + memory + " > " + d.totalMemory());
            expect(ledger.usedUnits(gpu) == units, () -> "GPU " + gpu + " used units " + ledger.usedUnits(gpu) + " != " + units);
            expect(ledger.freeUnits(gpu) == GpuLedger.UNITS_PER_GPU - units, () -> "GPU " + gpu + " free units");
            expect(ledger.usedMemory(gpu) == memory, () -> "GPU " + gpu + " used memory " + ledger.usedMemory(gpu)
                + " != " + memory);
            expect(ledger.freeMemory(gpu) == d.totalMemory() - memory, () -> "GPU " + gpu + " free memory");
            expect(ledger.clients(gpu) == keys.size(), () -> "GPU " + gpu + " clients " + ledger.clients(gpu));
            expect(new HashSet<>(ledger.onGpu(gpu)).equals(keys), () -> "GPU " + gpu + " holds " + ledger.onGpu(gpu)
                + ", expected " + keys);
            idle += units == 0 ? 1 : 0;
        }
        long cpu = model.values().stream().mapToLong(Allocation::cpuMillis).sum();
        long units = model.values().stream().mapToLong(a -> a.unitsPerGpu() * a.gpus().size()).sum();
        expect(cpu <= cpuMillis, () -> "Σ CPU millis " + cpu + " > " + cpuMillis);
        expect(ledger.cpuMillisFree() == cpuMillis - cpu, () -> "free CPU millis " + ledger.cpuMillisFree());
        expect(ledger.idleGpuCount() == idle && ledger.idleGpus().size() == idle, () -> "idle GPUs " + ledger.idleGpus());
        expect(ledger.unitsUsedTotal() == units, () -> "units used in total " + ledger.unitsUsedTotal() + " != " + units);
        expect(ledger.allocations().size() == model.size()
            && new HashSet<>(ledger.allocations()).equals(new HashSet<>(model.values())), () ->
            "allocations " + ledger.allocations() + " != " + model.values());
        for (Map.Entry<AllocationKey, Allocation> e : model.entrySet()) {
            expect(ledger.allocation(e.getKey()).equals(Optional.of(e.getValue())), () -> "allocation of " + e.getKey());
        }
    }

    private static void expect(boolean condition, Supplier<String> what) {
        if (!condition) {
            throw new AssertionError(what.get());
        }
    }
}
