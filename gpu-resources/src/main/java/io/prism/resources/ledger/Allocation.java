package io.prism.resources.ledger;

import java.util.List;
import java.util.Objects;

/**
 * What one actor incarnation holds on one node: the same units and memory on each of {@code gpus}, plus CPU
 * millis. A fractional actor holds one GPU with fewer than 10,000 units; a whole-GPU actor holds each of its GPUs
 * entirely; a CPU-only actor holds no GPU.
 *
 * @param key          the actor incarnation
 * @param gpus         device indexes on the node, empty for a CPU-only actor
 * @param unitsPerGpu  units on each GPU, 1 to {@link GpuLedger#UNITS_PER_GPU}; 0 when {@code gpus} is empty
 * @param memoryPerGpu bytes of device memory on each GPU; 0 when {@code gpus} is empty
 * @param cpuMillis    thousandths of a CPU
 */
public record Allocation(AllocationKey key, List<Integer> gpus, long unitsPerGpu, long memoryPerGpu, long cpuMillis) {
    public Allocation {
        Objects.requireNonNull(key, "key");
        gpus = List.copyOf(gpus);
        if (cpuMillis < 0) {
            throw new IllegalArgumentException(key + ": cpuMillis " + cpuMillis + " must be ≥ 0");
        }
        if (gpus.isEmpty()) {
            if (unitsPerGpu != 0 || memoryPerGpu != 0) {
                throw new IllegalArgumentException(key + ": " + unitsPerGpu + " units and " + memoryPerGpu
                    + " bytes per GPU on no GPU; a CPU-only allocation has 0 of both");
            }
        } else {
            if (unitsPerGpu < 1 || unitsPerGpu > GpuLedger.UNITS_PER_GPU) {
                throw new IllegalArgumentException(key + ": " + unitsPerGpu + " units per GPU must be 1 to "
                    + GpuLedger.UNITS_PER_GPU);
            }
            if (memoryPerGpu < 0) {
                throw new IllegalArgumentException(key + ": memory per GPU " + memoryPerGpu + " must be ≥ 0 bytes");
            }
        }
    }

    /** Whether this allocation holds no GPU. */
    public boolean cpuOnly() {
        return gpus.isEmpty();
    }
}
