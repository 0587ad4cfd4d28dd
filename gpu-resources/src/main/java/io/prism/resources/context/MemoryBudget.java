package io.prism.resources.context;

import io.prism.exception.GpuMemoryBudgetExceededException;
import io.prism.resources.device.MemorySize;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes an actor may hold on one GPU, reserved before each allocation and released when the allocation is freed.
 * Thread-safe: concurrent reservations never take the total past the limit.
 */
public final class MemoryBudget {
    private final String actorName;
    private final int deviceIndex;
    private final long limit;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    /**
     * @param actorName   whose budget it is, for error messages
     * @param deviceIndex the GPU it is on, for error messages
     * @param limit       the most bytes that may be reserved at once, &gt; 0
     */
    public MemoryBudget(String actorName, int deviceIndex, long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException(actorName + " on GPU " + deviceIndex + ": memory budget " + limit
                + " bytes must be > 0");
        }
        this.actorName = actorName;
        this.deviceIndex = deviceIndex;
        this.limit = limit;
    }

    /**
     * Reserves {@code bytes}.
     *
     * @throws GpuMemoryBudgetExceededException when the reservation would take the total past the limit; nothing is
     *                                          reserved then
     */
    public void reserve(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException(actorName + " on GPU " + deviceIndex + ": cannot reserve " + bytes
                + " bytes, a size must be ≥ 0");
        }
        long current;
        long next;
        do {
            current = used.get();
            if (bytes > limit - current) {
                throw new GpuMemoryBudgetExceededException(actorName + " on GPU " + deviceIndex + ": allocating "
                    + MemorySize.format(bytes) + " would exceed its " + MemorySize.format(limit) + " budget ("
                    + MemorySize.format(current) + " in use, " + MemorySize.format(limit - current) + " free)");
            }
            next = current + bytes;
        } while (!used.compareAndSet(current, next));
        peak.accumulateAndGet(next, Math::max);
    }

    /**
     * Returns {@code bytes} reserved earlier.
     *
     * @throws IllegalStateException when more is released than is reserved (a buffer freed twice)
     */
    public void release(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException(actorName + " on GPU " + deviceIndex + ": cannot release " + bytes
                + " bytes, a size must be ≥ 0");
        }
        long current;
        do {
            current = used.get();
            if (bytes > current) {
                throw new IllegalStateException(actorName + " on GPU " + deviceIndex + ": released "
                    + MemorySize.format(bytes) + " but only " + MemorySize.format(current) + " was reserved");
            }
        } while (!used.compareAndSet(current, current - bytes));
    }

    public long limit() {
        return limit;
    }

    /** Bytes reserved now. */
    public long used() {
        return used.get();
    }

    public long free() {
        return limit - used.get();
    }

    /** The most bytes that were reserved at once. */
    public long peak() {
        return peak.get();
    }

    @Override
    public String toString() {
        return actorName + " on GPU " + deviceIndex + ": " + MemorySize.format(used()) + " of "
            + MemorySize.format(limit) + " used";
    }
}
