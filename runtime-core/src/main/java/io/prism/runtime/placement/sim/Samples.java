package io.prism.runtime.placement.sim;

import java.util.Arrays;

/** A growing list of nanosecond samples with nearest-rank percentiles; primitive, since runs take millions. */
final class Samples {
    private long[] values = new long[1024];
    private int size;
    private boolean sorted = true;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
        sorted = false;
    }

    int size() {
        return size;
    }

    /** The smallest sample at or above fraction {@code q} of them (nearest rank); 0 when there are none. */
    long percentile(double q) {
        if (size == 0) {
            return 0;
        }
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        int rank = (int) Math.ceil(q * size);
        return values[Math.max(0, Math.min(size, rank) - 1)];
    }

    long max() {
        return percentile(1);
    }
}
