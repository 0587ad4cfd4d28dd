package io.prism.runtime.serialization;

import com.esotericsoftware.kryo.io.Output;

import java.util.Arrays;

/**
 * A growable output bounded by {@code prism.serialization.max-payload}. Going past the bound throws
 * {@link TooLarge} with the size that was needed, so the error can say by how much.
 */
final class WireOutput extends Output {
    private static final int SLACK = 4 * 1024;

    /** Thrown past the bound; carries a lower bound of the size the message needed. */
    static final class TooLarge extends RuntimeException {
        final long atLeast;

        TooLarge(long atLeast) {
            super(null, null, false, false);
            this.atLeast = atLeast;
        }
    }

    WireOutput(int initialSize, int maxSize) {
        super(initialSize, maxSize);
    }

    /**
     * Grows to what is needed plus a little, not to the next power of two: an 8 MiB tensor then costs an 8 MiB
     * buffer, not a 16 MiB one.
     */
    @Override
    protected boolean require(int required) {
        if (capacity - position >= required) {
            return false;
        }
        long needed = (long) position + required;
        if (needed > maxCapacity) {
            throw new TooLarge(needed);
        }
        capacity = (int) Math.min(maxCapacity, Math.max(2L * capacity, needed + SLACK));
        buffer = Arrays.copyOf(buffer, capacity);
        return true;
    }

    /** Makes room for {@code count} bytes at the position, so a bulk copy can go straight into the buffer. */
    void ensure(int count) {
        require(count);
    }
}
