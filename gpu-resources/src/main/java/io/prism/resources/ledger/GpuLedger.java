package io.prism.resources.ledger;

import io.prism.resources.device.GpuDevice;
import io.prism.resources.device.MemorySize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The GPU, memory and CPU allocations of one node.
 *
 * <p>Every GPU is {@link #UNITS_PER_GPU} units. The ledger refuses any allocation that would put more than that many
 * units, or more bytes than the device has, on one GPU, or more CPU millis on the node than it has: callers cannot
 * over-commit a GPU even by mistake. Each allocation is released at most once; a second release finds nothing.
 * All accounting is in {@code long} units, bytes and millis, never in fractions.
 *
 * <p>A GPU is named by its device index ({@link GpuDevice#index()}), which need not be dense (a node may expose
 * devices 2 and 3 only).
 *
 * <p>Not thread-safe: a ledger has one owner (the node agent, or the resource manager for its view of a node), which
 * serialises access by being an actor.
 */
public final class GpuLedger {
    /** Units in one GPU: {@code @Gpu(0.25)} is 2,500 units. */
    public static final long UNITS_PER_GPU = 10_000;
    /** No limit on the number of actors per GPU beyond their units. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final List<GpuDevice> devices;
    private final int[] slotOfIndex;
    private final long[] usedUnits;
    private final long[] usedMemory;
    private final List<Set<AllocationKey>> keysOnGpu;
    private final Map<AllocationKey, Allocation> allocations = new LinkedHashMap<>();
    private final long cpuMillisTotal;
    /** Allocations one GPU may hold at once; beyond it the GPU counts as full whatever units are left. */
    private final int maxActorsPerGpu;
    private long cpuMillisUsed;
    private long unitsUsedTotal;
    private int idleGpuCount;

    /**
     * An empty ledger.
     *
     * @param devices   the node's GPUs, with distinct indexes; empty for a CPU-only node
     * @param cpuMillis the node's schedulable CPUs in thousandths
     */
    public GpuLedger(List<GpuDevice> devices, long cpuMillis) {
        this(devices, cpuMillis, UNLIMITED);
    }

    /**
     * An empty ledger whose GPUs each take at most {@code maxActorsPerGpu} allocations (e.g. the 48 clients CUDA MPS
     * serves on one GPU, where every actor is an MPS client).
     */
    public GpuLedger(List<GpuDevice> devices, long cpuMillis, int maxActorsPerGpu) {
        if (maxActorsPerGpu < 1) {
            throw new IllegalArgumentException("at most " + maxActorsPerGpu + " actors per GPU: must be ≥ 1");
        }
        this.maxActorsPerGpu = maxActorsPerGpu;
        this.devices = List.copyOf(devices);
        if (cpuMillis < 0) {
            throw new IllegalArgumentException("node CPU millis " + cpuMillis + " must be ≥ 0");
        }
        this.cpuMillisTotal = cpuMillis;
        int maxIndex = -1;
        for (GpuDevice d : this.devices) {
            maxIndex = Math.max(maxIndex, d.index());
        }
        slotOfIndex = new int[maxIndex + 1];
        Arrays.fill(slotOfIndex, -1);
        for (int slot = 0; slot < this.devices.size(); slot++) {
            int index = this.devices.get(slot).index();
            if (slotOfIndex[index] >= 0) {
                throw new IllegalArgumentException("GPU index " + index + " appears twice in " + this.devices
                    + "; each device of a node needs its own index");
            }
            slotOfIndex[index] = slot;
        }
        usedUnits = new long[this.devices.size()];
        usedMemory = new long[this.devices.size()];
        keysOnGpu = new ArrayList<>(this.devices.size());
        for (int i = 0; i < this.devices.size(); i++) {
            keysOnGpu.add(new LinkedHashSet<>());
        }
        idleGpuCount = this.devices.size();
    }

    /**
     * A ledger holding exactly {@code allocations}: how a resource manager that lost its state gets it back from
     * what the node reports.
     *
     * @throws IllegalStateException when the allocations together over-commit a GPU or the CPUs, name an unknown
     *                               GPU, or repeat a key: the reports contradict each other
     */
    public static GpuLedger rebuild(List<GpuDevice> devices, long cpuMillis, Collection<Allocation> allocations) {
        return rebuild(devices, cpuMillis, allocations, UNLIMITED);
    }

    /** {@link #rebuild(List, long, Collection)} for a ledger with at most {@code maxActorsPerGpu} per GPU. */
    public static GpuLedger rebuild(List<GpuDevice> devices, long cpuMillis, Collection<Allocation> allocations,
                                    int maxActorsPerGpu) {
        GpuLedger ledger = new GpuLedger(devices, cpuMillis, maxActorsPerGpu);
        for (Allocation a : allocations) {
            ledger.allocate(a);
        }
        return ledger;
    }

    /** An independent ledger with the same devices and allocations. */
    public GpuLedger copy() {
        return rebuild(devices, cpuMillisTotal, allocations.values(), maxActorsPerGpu);
    }

    /** The node's GPUs, in the order given. */
    public List<GpuDevice> devices() {
        return devices;
    }

    /** The device with index {@code gpu}. */
    public GpuDevice device(int gpu) {
        return devices.get(slot(gpu));
    }

    /** Whether the node has a GPU with index {@code gpu}. */
    public boolean hasGpu(int gpu) {
        return gpu >= 0 && gpu < slotOfIndex.length && slotOfIndex[gpu] >= 0;
    }

    public long usedUnits(int gpu) {
        return usedUnits[slot(gpu)];
    }

    /** Units an allocation may still take on {@code gpu}: none once it holds {@link #maxActorsPerGpu()} actors. */
    public long freeUnits(int gpu) {
        int slot = slot(gpu);
        return keysOnGpu.get(slot).size() >= maxActorsPerGpu ? 0 : UNITS_PER_GPU - usedUnits[slot];
    }

    public int maxActorsPerGpu() {
        return maxActorsPerGpu;
    }

    public long usedMemory(int gpu) {
        return usedMemory[slot(gpu)];
    }

    public long freeMemory(int gpu) {
        int slot = slot(gpu);
        return devices.get(slot).totalMemory() - usedMemory[slot];
    }

    /** How many allocations share GPU {@code gpu} (each is one MPS client when isolated by process). */
    public int clients(int gpu) {
        return keysOnGpu.get(slot(gpu)).size();
    }

    /** The allocations on GPU {@code gpu}, oldest first. */
    public List<AllocationKey> onGpu(int gpu) {
        return List.copyOf(keysOnGpu.get(slot(gpu)));
    }

    /** Units in use over all GPUs of the node. */
    public long unitsUsedTotal() {
        return unitsUsedTotal;
    }

    /** Units of all GPUs of the node together. */
    public long unitsTotal() {
        return UNITS_PER_GPU * devices.size();
    }

    /** How many GPUs nobody holds any share of: what a whole-GPU request can take. */
    public int idleGpuCount() {
        return idleGpuCount;
    }

    /** The indexes of the GPUs nobody holds any share of, in device order. */
    public List<Integer> idleGpus() {
        List<Integer> idle = new ArrayList<>(idleGpuCount);
        for (int slot = 0; slot < devices.size(); slot++) {
            if (usedUnits[slot] == 0 && usedMemory[slot] == 0) {
                idle.add(devices.get(slot).index());
            }
        }
        return idle;
    }

    public long cpuMillisTotal() {
        return cpuMillisTotal;
    }

    public long cpuMillisUsed() {
        return cpuMillisUsed;
    }

    public long cpuMillisFree() {
        return cpuMillisTotal - cpuMillisUsed;
    }

    /**
     * Whether {@code unitsPerGpu} units and {@code memoryPerGpu} bytes on each of {@code gpus}, and {@code cpuMillis}
     * on the node, are free. False too when an index is unknown or repeated, or an amount is out of range.
     */
    public boolean fits(List<Integer> gpus, long unitsPerGpu, long memoryPerGpu, long cpuMillis) {
        return problem(null, gpus, unitsPerGpu, memoryPerGpu, cpuMillis) == null;
    }

    /**
     * Reserves the amounts for {@code key}.
     *
     * @return the allocation now held
     * @throws IllegalStateException with the numbers when it does not fit, a GPU index is unknown or repeated, an
     *                               amount is out of range, or {@code key} already holds an allocation here
     */
    public Allocation allocate(AllocationKey key, List<Integer> gpus, long unitsPerGpu, long memoryPerGpu,
                               long cpuMillis) {
        Objects.requireNonNull(key, "key");
        String problem = problem(key, gpus, unitsPerGpu, memoryPerGpu, cpuMillis);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        Allocation allocation = new Allocation(key, gpus, unitsPerGpu, memoryPerGpu, cpuMillis);
        apply(allocation);
        return allocation;
    }

    /** Reserves what {@code allocation} describes; see {@link #allocate(AllocationKey, List, long, long, long)}. */
    public Allocation allocate(Allocation allocation) {
        return allocate(allocation.key(), allocation.gpus(), allocation.unitsPerGpu(), allocation.memoryPerGpu(),
            allocation.cpuMillis());
    }

    /**
     * Frees what {@code key} holds.
     *
     * @return the allocation freed, or empty when {@code key} holds nothing (never allocated, or already released)
     */
    public Optional<Allocation> release(AllocationKey key) {
        Allocation a = allocations.remove(key);
        if (a == null) {
            return Optional.empty();
        }
        for (int gpu : a.gpus()) {
            int slot = slot(gpu);
            usedUnits[slot] -= a.unitsPerGpu();
            usedMemory[slot] -= a.memoryPerGpu();
            keysOnGpu.get(slot).remove(key);
            if (usedUnits[slot] == 0 && usedMemory[slot] == 0) {
                idleGpuCount++;
            }
        }
        unitsUsedTotal -= a.unitsPerGpu() * a.gpus().size();
        cpuMillisUsed -= a.cpuMillis();
        return Optional.of(a);
    }

    public Optional<Allocation> allocation(AllocationKey key) {
        return Optional.ofNullable(allocations.get(key));
    }

    /** Every allocation held, oldest first; a read-only view. */
    public Collection<Allocation> allocations() {
        return Collections.unmodifiableCollection(allocations.values());
    }

    private void apply(Allocation a) {
        for (int gpu : a.gpus()) {
            int slot = slot(gpu);
            if (usedUnits[slot] == 0 && usedMemory[slot] == 0) {
                idleGpuCount--;
            }
            usedUnits[slot] += a.unitsPerGpu();
            usedMemory[slot] += a.memoryPerGpu();
            keysOnGpu.get(slot).add(a.key());
        }
        unitsUsedTotal += a.unitsPerGpu() * a.gpus().size();
        cpuMillisUsed += a.cpuMillis();
        allocations.put(a.key(), a);
    }

    /** Why the request cannot be granted, or null when it can. Compares by subtraction so nothing can overflow. */
    private String problem(AllocationKey key, List<Integer> gpus, long units, long memory, long cpuMillis) {
        if (key != null && allocations.containsKey(key)) {
            return who(key) + " already holds " + allocations.get(key) + "; release it before allocating again";
        }
        if (cpuMillis < 0) {
            return who(key) + ": cpuMillis " + cpuMillis + " must be ≥ 0";
        }
        if (gpus.isEmpty()) {
            if (units != 0 || memory != 0) {
                return who(key) + ": " + units + " units and " + memory + " bytes on no GPU; name the GPUs or ask for 0";
            }
        } else if (units < 1 || units > UNITS_PER_GPU) {
            return who(key) + ": " + units + " units per GPU must be 1 to " + UNITS_PER_GPU;
        } else if (memory < 0) {
            return who(key) + ": memory per GPU " + memory + " must be ≥ 0 bytes";
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer gpu : gpus) {
            if (gpu == null || !hasGpu(gpu)) {
                return who(key) + ": GPU " + gpu + " is not on this node; its GPUs are " + indexes();
            }
            if (!seen.add(gpu)) {
                return who(key) + ": GPU " + gpu + " is named twice in " + gpus;
            }
            int slot = slotOfIndex[gpu];
            if (keysOnGpu.get(slot).size() >= maxActorsPerGpu) {
                return who(key) + ": GPU " + gpu + " already holds " + maxActorsPerGpu + " actors, the most this node "
                    + "runs on one GPU (CUDA MPS serves at most " + maxActorsPerGpu + " clients per GPU)";
            }
            long freeUnits = UNITS_PER_GPU - usedUnits[slot];
            long freeMemory = devices.get(slot).totalMemory() - usedMemory[slot];
            if (units > freeUnits || memory > freeMemory) {
                return who(key) + " needs " + units + " units and " + memory + " bytes (" + MemorySize.format(memory)
                    + ") on GPU " + gpu + ", which has " + freeUnits + " units and " + freeMemory + " bytes ("
                    + MemorySize.format(freeMemory) + ") free";
            }
        }
        if (cpuMillis > cpuMillisTotal - cpuMillisUsed) {
            return who(key) + " needs " + cpuMillis + " CPU millis; the node has " + (cpuMillisTotal - cpuMillisUsed)
                + " of " + cpuMillisTotal + " free";
        }
        return null;
    }

    /** Built only for a message: this runs on every placement decision. */
    private static String who(AllocationKey key) {
        return key == null ? "request" : key.toString();
    }

    private int slot(int gpu) {
        if (!hasGpu(gpu)) {
            throw new IllegalArgumentException("GPU " + gpu + " is not on this node; its GPUs are " + indexes());
        }
        return slotOfIndex[gpu];
    }

    private List<Integer> indexes() {
        return devices.stream().map(GpuDevice::index).toList();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("GpuLedger[");
        for (int slot = 0; slot < devices.size(); slot++) {
            sb.append("GPU ").append(devices.get(slot).index()).append(": ").append(usedUnits[slot]).append('/')
                .append(UNITS_PER_GPU).append(" units, ").append(MemorySize.format(usedMemory[slot])).append(" of ")
                .append(MemorySize.format(devices.get(slot).totalMemory())).append("; ");
        }
        return sb.append("CPU ").append(cpuMillisUsed).append('/').append(cpuMillisTotal).append(" millis, ")
            .append(allocations.size()).append(" allocations]").toString();
    }
}
