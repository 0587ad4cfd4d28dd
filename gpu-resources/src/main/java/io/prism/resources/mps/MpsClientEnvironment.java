package io.prism.resources.mps;

import io.prism.resources.device.GpuDevice;
import io.prism.resources.device.MemorySize;
import io.prism.resources.ledger.GpuLedger;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The environment that makes one executor process an MPS client holding its share of one GPU.
 *
 * <p>Follows NVIDIA's MPS documentation, "Appendix: Tools and Interface Reference", section Environment Variables
 * (docs.nvidia.com/deploy/mps): {@code CUDA_MPS_ACTIVE_THREAD_PERCENTAGE} caps the client's share of each device's
 * threads (it can only lower the daemon's default, which {@link MpsController} leaves at 100);
 * {@code CUDA_MPS_PINNED_DEVICE_MEM_LIMIT} is a list of {@code <device>=<limit>} pairs, where the device is the ordinal
 * the client itself sees, i.e. counted among the devices {@code CUDA_VISIBLE_DEVICES} leaves it; and
 * {@code CUDA_VISIBLE_DEVICES} is best given as a UUID, because an MPS server started under a
 * {@code CUDA_VISIBLE_DEVICES} remaps indices while a UUID means the same device to the server and the client.
 * The client sees exactly one device, so its limit is always for device {@code 0}.
 *
 * @param visibleDevice          the value of {@code CUDA_VISIBLE_DEVICES}: the device's UUID, or its index when the
 *                               driver gave none
 * @param activeThreadPercentage 1 to 100: ⌈units / 100⌉
 * @param pinnedMemoryMiB        the memory limit in MiB, the budget rounded down so it never exceeds the budget
 * @param pipeDirectory          the node daemon's {@code CUDA_MPS_PIPE_DIRECTORY}, or null on a node that runs no
 *                               daemon (simulated GPUs), where the share is still set so the process shows it
 */
public record MpsClientEnvironment(String visibleDevice, int activeThreadPercentage, long pinnedMemoryMiB,
                                   Path pipeDirectory) {
    public static final String VISIBLE_DEVICES = "CUDA_VISIBLE_DEVICES";
    public static final String ACTIVE_THREAD_PERCENTAGE = "CUDA_MPS_ACTIVE_THREAD_PERCENTAGE";
    public static final String PINNED_DEVICE_MEM_LIMIT = "CUDA_MPS_PINNED_DEVICE_MEM_LIMIT";
    public static final String PIPE_DIRECTORY = "CUDA_MPS_PIPE_DIRECTORY";

    private static final Pattern DRIVER_UUID =
        Pattern.compile("GPU-\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final long UNITS_PER_PERCENT = GpuLedger.UNITS_PER_GPU / 100;

    public MpsClientEnvironment {
        Objects.requireNonNull(visibleDevice, "visibleDevice");
        if (activeThreadPercentage < 1 || activeThreadPercentage > 100) {
            throw new IllegalArgumentException("MPS active thread percentage " + activeThreadPercentage
                + " must be 1 to 100");
        }
        if (pinnedMemoryMiB < 1) {
            throw new IllegalArgumentException("MPS pinned memory limit " + pinnedMemoryMiB + " MiB must be ≥ 1 MiB");
        }
    }

    /**
     * The environment for an actor holding {@code units} of {@code device} with a memory budget of
     * {@code memoryBudgetBytes}.
     *
     * @throws IllegalArgumentException when the units are not 1 to 10,000, the budget is under 1 MiB (MPS limits are
     *                                  whole MiB here, and a limit above the budget would break the ledger) or above
     *                                  the device's memory
     */
    public static MpsClientEnvironment of(GpuDevice device, long units, long memoryBudgetBytes, Path pipeDirectory) {
        if (memoryBudgetBytes > device.totalMemory()) {
            throw new IllegalArgumentException("memory budget " + MemorySize.format(memoryBudgetBytes) + " exceeds "
                + device + ": an MPS client cannot be given more than the device has");
        }
        return new MpsClientEnvironment(visibleDevice(device), activeThreadPercentage(units),
            pinnedMemoryMiB(memoryBudgetBytes), pipeDirectory == null ? null : pipeDirectory.toAbsolutePath());
    }

    /** ⌈units / 100⌉: 2,500 units → 25, 1 unit → 1, 10,000 units → 100. */
    public static int activeThreadPercentage(long units) {
        if (units < 1 || units > GpuLedger.UNITS_PER_GPU) {
            throw new IllegalArgumentException(units + " units: an MPS client holds 1 to " + GpuLedger.UNITS_PER_GPU
                + " units of one GPU");
        }
        return (int) ((units + UNITS_PER_PERCENT - 1) / UNITS_PER_PERCENT);
    }

    /** The budget in whole MiB, rounded down: never more than the budget. */
    public static long pinnedMemoryMiB(long memoryBudgetBytes) {
        long mib = memoryBudgetBytes >> 20;
        if (mib < 1) {
            throw new IllegalArgumentException("memory budget of " + memoryBudgetBytes + " bytes is below 1 MiB, the "
                + "smallest MPS pinned memory limit Prism sets: give the actor at least 1MiB");
        }
        return mib;
    }

    /** The device's UUID when the driver reported one, else its index. */
    static String visibleDevice(GpuDevice device) {
        if (!device.simulated() && DRIVER_UUID.matcher(device.uuid()).matches()) {
            return device.uuid();
        }
        return Integer.toString(device.index());
    }

    /** The variables (the pipe only where a daemon runs), to put into the executor's {@link ProcessBuilder#environment()}. */
    public Map<String, String> asMap() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(VISIBLE_DEVICES, visibleDevice);
        env.put(ACTIVE_THREAD_PERCENTAGE, Integer.toString(activeThreadPercentage));
        env.put(PINNED_DEVICE_MEM_LIMIT, "0=" + pinnedMemoryMiB + "M");
        if (pipeDirectory != null) {
            env.put(PIPE_DIRECTORY, pipeDirectory.toString());
        }
        return Collections.unmodifiableMap(env);
    }
}
