package io.prism.runtime.placement;

import io.prism.resources.device.GpuDevice;
import io.prism.resources.device.MemorySize;
import io.prism.resources.ledger.GpuLedger;
import java.math.BigDecimal;

/**
 * What one actor needs, in integer units: nothing of a GPU, a fraction of one GPU, or whole GPUs; plus CPUs.
 *
 * <ul>
 *   <li>CPU-only: {@code gpuCount} 0, {@code unitsPerGpu} 0, {@code memoryBytes} 0.</li>
 *   <li>A fraction: {@code gpuCount} 1, {@code unitsPerGpu} 1 to 9,999 (a fraction never spans GPUs).</li>
 *   <li>Whole GPUs: {@code gpuCount} n ≥ 1, {@code unitsPerGpu} 10,000, each with all of its memory.</li>
 * </ul>
 *
 * @param gpuCount    GPUs on one node
 * @param unitsPerGpu units on each of them, of {@link GpuLedger#UNITS_PER_GPU}
 * @param memoryBytes an explicit memory budget on the GPU, or {@link #PROPORTIONAL}: the fraction of the chosen
 *                    device's memory (all of it for whole GPUs)
 * @param cpuMillis   thousandths of a CPU on the node
 */
public record ResourceShape(int gpuCount, long unitsPerGpu, long memoryBytes, long cpuMillis) {
    /** {@link #memoryBytes()} for "the share of the device's memory that matches the units". */
    public static final long PROPORTIONAL = -1;

    public ResourceShape {
        if (cpuMillis < 0) {
            throw new IllegalArgumentException("cpuMillis " + cpuMillis + " must be ≥ 0");
        }
        if (gpuCount < 0) {
            throw new IllegalArgumentException("gpuCount " + gpuCount + " must be ≥ 0");
        }
        if (gpuCount == 0 && (unitsPerGpu != 0 || memoryBytes != 0)) {
            throw new IllegalArgumentException("a CPU-only shape has 0 units and 0 memory, not " + unitsPerGpu
                + " units and " + memoryBytes + " bytes");
        }
        if (gpuCount > 0 && (unitsPerGpu < 1 || unitsPerGpu > GpuLedger.UNITS_PER_GPU)) {
            throw new IllegalArgumentException("unitsPerGpu " + unitsPerGpu + " must be 1 to "
                + GpuLedger.UNITS_PER_GPU);
        }
        if (gpuCount > 1 && unitsPerGpu != GpuLedger.UNITS_PER_GPU) {
            throw new IllegalArgumentException(gpuCount + " GPUs of " + unitsPerGpu + " units each: a fraction never "
                + "spans GPUs, so more than one GPU means " + GpuLedger.UNITS_PER_GPU + " units each");
        }
        if (gpuCount > 0 && unitsPerGpu == GpuLedger.UNITS_PER_GPU && memoryBytes != PROPORTIONAL) {
            throw new IllegalArgumentException("whole GPUs get all of each device's memory, so memoryBytes must be "
                + "PROPORTIONAL, not " + memoryBytes);
        }
        if (gpuCount > 0 && memoryBytes != PROPORTIONAL && memoryBytes <= 0) {
            throw new IllegalArgumentException("memoryBytes " + memoryBytes + " must be > 0 or PROPORTIONAL");
        }
    }

    /** An actor that needs no GPU. */
    public static ResourceShape cpuOnly(long cpuMillis) {
        return new ResourceShape(0, 0, 0, cpuMillis);
    }

    /** A share of one GPU, with memory {@link #PROPORTIONAL} or an explicit budget. */
    public static ResourceShape fraction(long units, long memoryBytes, long cpuMillis) {
        return new ResourceShape(1, units, memoryBytes, cpuMillis);
    }

    /** {@code count} whole GPUs on one node. */
    public static ResourceShape wholeGpus(int count, long cpuMillis) {
        return new ResourceShape(count, GpuLedger.UNITS_PER_GPU, PROPORTIONAL, cpuMillis);
    }

    public boolean isCpuOnly() {
        return gpuCount == 0;
    }

    /** Whether this is a share of one GPU below the whole of it. */
    public boolean isFraction() {
        return gpuCount == 1 && unitsPerGpu < GpuLedger.UNITS_PER_GPU;
    }

    public boolean isWholeGpus() {
        return gpuCount > 0 && unitsPerGpu == GpuLedger.UNITS_PER_GPU;
    }

    /** The bytes this shape reserves on {@code device}. Integer arithmetic: units × memory / 10,000, rounded down. */
    public long memoryOn(GpuDevice device) {
        if (gpuCount == 0) {
            return 0;
        }
        if (memoryBytes != PROPORTIONAL) {
            return memoryBytes;
        }
        if (unitsPerGpu == GpuLedger.UNITS_PER_GPU) {
            return device.totalMemory();
        }
        return Math.multiplyExact(unitsPerGpu, device.totalMemory()) / GpuLedger.UNITS_PER_GPU;
    }

    /** "0.25 of one GPU", "0.25 of one GPU with 6 GiB", "2 whole GPUs", "no GPU". */
    public String describeGpu() {
        if (isCpuOnly()) {
            return "no GPU";
        }
        if (isWholeGpus()) {
            return gpuCount + (gpuCount == 1 ? " whole GPU" : " whole GPUs");
        }
        String share = gpus(unitsPerGpu) + " of one GPU";
        return memoryBytes == PROPORTIONAL ? share : share + " with " + MemorySize.format(memoryBytes);
    }

    @Override
    public String toString() {
        return describeGpu() + ", " + cpus(cpuMillis) + " CPU";
    }

    /** Units as a decimal number of GPUs: 2500 → "0.25". */
    static String gpus(long units) {
        return BigDecimal.valueOf(units, 4).stripTrailingZeros().toPlainString();
    }

    /** CPU millis as a decimal number of CPUs: 1500 → "1.5". */
    static String cpus(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }
}
