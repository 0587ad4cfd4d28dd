package io.prism.runtime.serialization;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A lock-free pool of at most {@code slots} idle objects. Every remote call borrows a codec about eight times
 * (encode and write on the caller, read, decode, encode and write on the host, read and decode back), from the
 * caller's thread and from Artery's stream threads at once; Kryo's own thread-safe pool is a
 * {@code LinkedBlockingQueue} whose locks park and wake threads under that contention, which showed in profiles
 * of pipelined calls. Here a thread starts at the slot its id picks and swaps objects in and out with CAS, so
 * threads seldom meet, and nothing is allocated per borrow.
 */
final class CodecPool<T> {
    private final AtomicReferenceArray<T> slots;
    private final int mask;
    private final Supplier<T> factory;

    /** @param slots rounded up to a power of two */
    CodecPool(int slots, Supplier<T> factory) {
        int size = Integer.highestOneBit(Math.max(1, slots - 1)) << 1;
        this.slots = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
        this.factory = factory;
    }

    /** An idle object, or a new one when every slot this thread tries is empty. */
    T obtain() {
        int start = start();
        for (int i = 0; i <= mask; i++) {
            int slot = (start + i) & mask;
            T t = slots.get(slot);
            if (t != null && slots.compareAndSet(slot, t, null)) {
                return t;
            }
        }
        return factory.get();
    }

    /** Gives {@code t} back; dropped when every slot is full. */
    void free(T t) {
        int start = start();
        for (int i = 0; i <= mask; i++) {
            int slot = (start + i) & mask;
            if (slots.get(slot) == null && slots.compareAndSet(slot, null, t)) {
                return;
            }
        }
    }

    private int start() {
        long id = Thread.currentThread().getId();
        return (int) (id ^ (id >>> 16)) & mask;
    }
}
