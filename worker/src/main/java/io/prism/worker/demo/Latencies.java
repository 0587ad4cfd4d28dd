package io.prism.worker.demo;

import java.util.Arrays;
import java.util.Locale;

/** Call latencies in nanoseconds, sorted once, read by percentile (nearest rank). */
public final class Latencies {
    private final long[] sorted;

    public Latencies(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no latencies recorded: a load of at least one call is needed");
        }
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    /** The latency that {@code percentile}% of calls did not exceed, e.g. {@code percentile(99)}. */
    public long percentile(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile " + percentile + ": expected a value in (0, 100]");
        }
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    public long max() {
        return sorted[sorted.length - 1];
    }

    /** "0.84 ms", "12.3 ms", "1.20 s": three significant figures are all a human reads. */
    public static String format(long nanos) {
        double ms = nanos / 1e6;
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }
}
