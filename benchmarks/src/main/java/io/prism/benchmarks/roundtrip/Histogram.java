package io.prism.benchmarks.roundtrip;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in nanoseconds, counted in log-linear buckets (64 per power of two, so a percentile is within 1.6% of
 * the true value) instead of kept one by one: millions of calls cost 32 KiB. Recording is thread-safe, because
 * {@code ask} completes its futures on whichever thread ran the ponger.
 */
final class Histogram {
    private static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS;
    private static final int BUCKETS = (64 - SUB_BITS) * SUB;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long nanos) {
        counts.incrementAndGet(index(Math.max(nanos, 0)));
    }

    /** Adds every count of {@code other} to this one. */
    void add(Histogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            long c = other.counts.get(i);
            if (c != 0) {
                counts.addAndGet(i, c);
            }
        }
    }

    long count() {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** The value below which {@code fraction} of the recorded values lie (the middle of its bucket); 0 if empty. */
    long percentile(double fraction) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return lowest(i) + width(i) / 2;
            }
        }
        return lowest(BUCKETS - 1);
    }

    static int index(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int shift = 63 - Long.numberOfLeadingZeros(v) - SUB_BITS;
        return (shift + 1) * SUB + (int) (v >>> shift) - SUB;
    }

    static long lowest(int index) {
        if (index < SUB) {
            return index;
        }
        int shift = index / SUB - 1;
        return (long) (index % SUB + SUB) << shift;
    }

    private static long width(int index) {
        return index < SUB ? 1 : 1L << (index / SUB - 1);
    }
}
