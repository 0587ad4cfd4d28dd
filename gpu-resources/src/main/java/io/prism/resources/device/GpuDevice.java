package io.prism.resources.device;

import java.util.Objects;

/**
 * One GPU of a node, as data: what discovery found (or what a simulated spec describes).
 *
 * @param index        the device's ordinal on its node (CUDA device index)
 * @param uuid         the device's UUID ("GPU-..."); simulated devices get a stable made-up one
 * @param name         the product name, e.g. "NVIDIA H100 80GB HBM3" or "Simulated GPU"
 * @param totalMemory  device memory in bytes
 * @param smCount      streaming multiprocessors
 * @param simulated    true when no real device backs it
 */
public record GpuDevice(int index, String uuid, String name, long totalMemory, int smCount, boolean simulated) {
    public GpuDevice {
        if (index < 0) {
            throw new IllegalArgumentException("GPU index " + index + " must be ≥ 0");
        }
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        if (totalMemory <= 0) {
            throw new IllegalArgumentException("GPU " + index + " memory " + totalMemory + " must be > 0 bytes");
        }
        if (smCount <= 0) {
            throw new IllegalArgumentException("GPU " + index + " SM count " + smCount + " must be > 0");
        }
    }

    /** A simulated device with {@code memory} bytes and, like an H100, 132 SMs. */
    public static GpuDevice simulated(int index, long memory) {
        return new GpuDevice(index, String.format("GPU-sim-%08x-%04d", memory >>> 20, index), "Simulated GPU",
            memory, 132, true);
    }

    @Override
    public String toString() {
        return "GPU " + index + " (" + name + ", " + MemorySize.format(totalMemory) + ")";
    }
}
