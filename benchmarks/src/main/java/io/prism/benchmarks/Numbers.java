package io.prism.benchmarks;

import java.util.Locale;

/** Figures printed with as many digits as their size deserves: 1,025 calls/s, 313.3 µs, 0.64 KB. */
public final class Numbers {
    private Numbers() {
    }

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1_000 || magnitude == Math.rint(magnitude) && magnitude >= 10) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, magnitude >= 10 ? "%.1f" : "%.2f", value);
    }
}
