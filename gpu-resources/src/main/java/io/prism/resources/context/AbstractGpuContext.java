package io.prism.resources.context;

import io.prism.gpu.DeviceBuffer;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.device.MemorySize;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What both contexts share: argument checks, the budget, and the set of open buffers that {@link #close()} frees.
 * Free of JCuda, so the simulated path never loads it.
 */
abstract class AbstractGpuContext implements CloseableGpuContext {
    private final GpuDevice device;
    private final double fraction;
    private final String actorName;
    private final MemoryBudget budget;
    private final Set<AbstractBuffer> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    AbstractGpuContext(GpuDevice device, double fraction, long memoryBudgetBytes, String actorName) {
        this.device = Objects.requireNonNull(device, "device");
        if (actorName == null || actorName.isBlank()) {
            throw new IllegalArgumentException("a GpuContext needs the actor's name, got \"" + actorName + "\"");
        }
        this.actorName = actorName;
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException(where() + ": fraction " + fraction
                + " must be in (0, 1]: a context covers one device");
        }
        if (memoryBudgetBytes > device.totalMemory()) {
            throw new IllegalArgumentException(where() + ": memory budget " + MemorySize.format(memoryBudgetBytes)
                + " exceeds the device's " + MemorySize.format(device.totalMemory()));
        }
        this.fraction = fraction;
        this.budget = new MemoryBudget(actorName, device.index(), memoryBudgetBytes);
    }

    /** Makes a buffer of {@code bytes}, already reserved in the budget. */
    abstract AbstractBuffer newBuffer(long bytes);

    /** Frees the context's own device resources after its buffers are freed. */
    abstract void releaseDevice();

    /** Checks a request the implementation cannot serve at all, before anything is reserved. */
    void checkAllocatable(long bytes) {
    }

    @Override
    public final DeviceBuffer allocate(long bytes) {
        ensureOpen();
        if (bytes <= 0) {
            throw new IllegalArgumentException(where() + ": cannot allocate " + bytes + " bytes, a buffer needs > 0");
        }
        checkAllocatable(bytes);
        budget.reserve(bytes);
        AbstractBuffer buffer;
        try {
            buffer = newBuffer(bytes);
        } catch (RuntimeException | Error e) {
            budget.release(bytes);
            throw e;
        }
        open.add(buffer);
        if (closed.get()) {
            // close() ran between ensureOpen() and add(): it may not have seen this buffer.
            buffer.close();
            ensureOpen();
        }
        return buffer;
    }

    @Override
    public final void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            for (AbstractBuffer buffer : List.copyOf(open)) {
                buffer.close();
            }
        } finally {
            releaseDevice();
        }
    }

    final boolean isClosed() {
        return closed.get();
    }

    /** Called by a buffer as it closes. */
    final void forget(AbstractBuffer buffer) {
        open.remove(buffer);
        budget.release(buffer.sizeBytes());
    }

    final void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException(where() + ": this GpuContext is closed (the actor stopped) and its "
                + "buffers were freed");
        }
    }

    /** "FraudScorer on GPU 0", for messages. */
    final String where() {
        return actorName + " on GPU " + device.index();
    }

    final GpuDevice device() {
        return device;
    }

    @Override
    public int deviceIndex() {
        return device.index();
    }

    @Override
    public String deviceName() {
        return device.name();
    }

    @Override
    public boolean simulated() {
        return device.simulated();
    }

    @Override
    public double fraction() {
        return fraction;
    }

    @Override
    public long memoryBudget() {
        return budget.limit();
    }

    @Override
    public long memoryUsed() {
        return budget.used();
    }

    @Override
    public long memoryPeak() {
        return budget.peak();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + where() + " (" + device.name() + "), fraction " + fraction + ", "
            + MemorySize.format(budget.used()) + " of " + MemorySize.format(budget.limit()) + " used"
            + (closed.get() ? ", closed" : "") + "]";
    }
}
