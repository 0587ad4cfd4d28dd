package io.prism.benchmarks;

import java.util.Locale;

/**
 * What the project aims for on one figure: a bound on Prism's ratio to its baseline ({@code ≤ 1.10×} tell) or on
 * Prism's value itself ({@code ≤ 20 µs}), or none.
 *
 * @param kind  which side of which number
 * @param bound the number; unused for {@link Kind#NONE}
 */
public record Aim(Kind kind, double bound) {
    public static final Aim NONE = new Aim(Kind.NONE, 0);

    /** The ways a figure can be judged; the names are the TSV's column values. */
    public enum Kind {
        NONE, RATIO_AT_MOST, RATIO_AT_LEAST, AT_MOST, AT_LEAST
    }

    public static Aim ratioAtMost(double bound) {
        return new Aim(Kind.RATIO_AT_MOST, bound);
    }

    public static Aim ratioAtLeast(double bound) {
        return new Aim(Kind.RATIO_AT_LEAST, bound);
    }

    public static Aim atMost(double bound) {
        return new Aim(Kind.AT_MOST, bound);
    }

    public static Aim atLeast(double bound) {
        return new Aim(Kind.AT_LEAST, bound);
    }

    /** Whether {@code value} (Prism's figure) and {@code ratio} (Prism / baseline, NaN without one) meet this aim. */
    public boolean met(double value, double ratio) {
        return switch (kind) {
            case NONE -> true;
            case RATIO_AT_MOST -> ratio <= bound;
            case RATIO_AT_LEAST -> ratio >= bound;
            case AT_MOST -> value <= bound;
            case AT_LEAST -> value >= bound;
        };
    }

    /** "≤ 1.10×", "≥ 2,000 actors/s"; empty for none. */
    public String describe(String unit) {
        return switch (kind) {
            case NONE -> "";
            case RATIO_AT_MOST -> String.format(Locale.ROOT, "≤ %.2f×", bound);
            case RATIO_AT_LEAST -> String.format(Locale.ROOT, "≥ %.2f×", bound);
            case AT_MOST -> "≤ " + Numbers.format(bound) + " " + unit;
            case AT_LEAST -> "≥ " + Numbers.format(bound) + " " + unit;
        };
    }
}
