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
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random allocate/release sequences against a plain model of what the ledger must hold. Each sequence is seeded;
 * a failure names its seed, so {@code check(seed)} replays it.
 */
class GpuLedgerPropertyTest {
    private static final long MIB = 1L << 20;
    private static final int SEQUENCES = 300;
    private static final int STEPS = 400;

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
                assertThat(ledger.release(key)).contains(model.remove(key));
                released.add(key);
            } else if (!released.isEmpty()) {
                AllocationKey again = released.get(random.nextInt(released.size()));
                if (!model.containsKey(again)) {
                    assertThat(ledger.release(again)).as("second release of %s", again).isEmpty();
                }
            }
            assertMatches(ledger, devices, cpuMillis, model);
            assertMatches(GpuLedger.rebuild(devices, cpuMillis, ledger.allocations()), devices, cpuMillis, model);
        }
    }

    private static void allocateSomething(Random random, GpuLedger ledger, List<GpuDevice> devices, long cpuMillis,
                                          Map<AllocationKey, Allocation> model, int step) {
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
        long cpu = random.nextInt(4) * 500L;
        AllocationKey key = model.isEmpty() || random.nextInt(20) > 0
            ? new AllocationKey(new ActorId("a" + step), random.nextInt(3))
            : model.keySet().iterator().next();

        boolean expected = fitsByModel(devices, cpuMillis, model, key, gpus, units, memory, cpu);
        assertThat(ledger.fits(gpus, units, memory, cpu) || model.containsKey(key)).isEqualTo(expected
            || model.containsKey(key));
        if (expected) {
            Allocation a = ledger.allocate(key, gpus, units, memory, cpu);
            assertThat(a).isEqualTo(new Allocation(key, gpus, units, memory, cpu));
            model.put(key, a);
        } else {
            Map<AllocationKey, Allocation> before = new LinkedHashMap<>(model);
            long finalUnits = units;
            long finalMemory = memory;
            assertThatThrownBy(() -> ledger.allocate(key, gpus, finalUnits, finalMemory, cpu))
                .isInstanceOf(IllegalStateException.class);
            assertThat(model).isEqualTo(before);
        }
    }

    private static boolean fitsByModel(List<GpuDevice> devices, long cpuMillis, Map<AllocationKey, Allocation> model,
                                       AllocationKey key, List<Integer> gpus, long units, long memory, long cpu) {
        if (model.containsKey(key) || new HashSet<>(gpus).size() != gpus.size()) {
            return false;
        }
        long cpuUsed = model.values().stream().mapToLong(Allocation::cpuMillis).sum();
        if (cpuUsed + cpu > cpuMillis) {
            return false;
        }
        for (int gpu : gpus) {
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
            if (usedUnits + units > 10_000 || usedMemory + memory > device.totalMemory()) {
                return false;
            }
        }
        return true;
    }

    private static void assertMatches(GpuLedger ledger, List<GpuDevice> devices, long cpuMillis,
                                      Map<AllocationKey, Allocation> model) {
        int idle = 0;
        for (GpuDevice d : devices) {
            long units = 0;
            long memory = 0;
            Set<AllocationKey> keys = new HashSet<>();
            for (Allocation a : model.values()) {
                if (a.gpus().contains(d.index())) {
                    units += a.unitsPerGpu();
                    memory += a.memoryPerGpu();
                    keys.add(a.key());
                }
            }
            assertThat(units).as("Σ units on GPU %d", d.index()).isLessThanOrEqualTo(GpuLedger.UNITS_PER_GPU);
            assertThat(memory).as("Σ memory on GPU %d", d.index()).isLessThanOrEqualTo(d.totalMemory());
            assertThat(ledger.usedUnits(d.index())).as("used units of GPU %d", d.index()).isEqualTo(units);
            assertThat(ledger.freeUnits(d.index())).isEqualTo(GpuLedger.UNITS_PER_GPU - units);
            assertThat(ledger.usedMemory(d.index())).as("used memory of GPU %d", d.index()).isEqualTo(memory);
            assertThat(ledger.freeMemory(d.index())).isEqualTo(d.totalMemory() - memory);
            assertThat(ledger.clients(d.index())).isEqualTo(keys.size());
            assertThat(ledger.onGpu(d.index())).containsExactlyInAnyOrderElementsOf(keys);
            idle += units == 0 ? 1 : 0;
        }
        long cpu = model.values().stream().mapToLong(Allocation::cpuMillis).sum();
        assertThat(cpu).isLessThanOrEqualTo(cpuMillis);
        assertThat(ledger.cpuMillisFree()).isEqualTo(cpuMillis - cpu);
        assertThat(ledger.idleGpuCount()).isEqualTo(idle).isEqualTo(ledger.idleGpus().size());
        assertThat(ledger.unitsUsedTotal())
            .isEqualTo(model.values().stream().mapToLong(a -> a.unitsPerGpu() * a.gpus().size()).sum());
        assertThat(ledger.allocations()).containsExactlyInAnyOrderElementsOf(model.values());
        for (AllocationKey key : model.keySet()) {
            assertThat(ledger.allocation(key)).contains(model.get(key));
        }
    }
}
