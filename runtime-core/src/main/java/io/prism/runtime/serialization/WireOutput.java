package io.prism.runtime.serialization;

import com.esotericsoftware.kryo.io.Output;

/**
 * A growable output bounded by {@code prism.serialization.max-payload}. Going past the bound throws
 * {@link TooLarge} with the size that was needed, so the error can say by how much.
 */
final class WireOutput extends Output {

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

    @Override
    protected boolean require(int required) {
        if ((long) position + required > maxCapacity) {
            throw new TooLarge((long) position + required);
        }
        return super.require(required);
    }

    /** Makes room for {@code count} bytes at the position, so a bulk copy can go straight into the buffer. */
    void ensure(int count) {
        require(count);
    }

    int maxSize() {
        return maxCapacity;
    }
}
