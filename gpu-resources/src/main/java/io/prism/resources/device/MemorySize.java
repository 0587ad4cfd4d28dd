package io.prism.resources.device;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints memory sizes: "6GiB", "512MiB", "1.5GB", "4096" (bytes). */
public final class MemorySize {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]i?B|B)?", Pattern.CASE_INSENSITIVE);
    private static final String EXPECTED = "a size such as \"512MiB\", \"6GiB\" or \"1.5GB\" (units B, KiB, MiB, GiB, "
        + "TiB, KB, MB, GB, TB)";

    private MemorySize() {
    }

    /**
     * The number of bytes {@code text} names.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static long parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("memory size is empty: expected " + EXPECTED);
        }
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("memory size \"" + text + "\" is not understood: expected " + EXPECTED);
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long multiplier = switch (unit) {
            case "B" -> 1L;
            case "KIB" -> 1L << 10;
            case "MIB" -> 1L << 20;
            case "GIB" -> 1L << 30;
            case "TIB" -> 1L << 40;
            case "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            case "TB" -> 1_000_000_000_000L;
            default -> throw new IllegalArgumentException("memory size \"" + text + "\": unknown unit " + unit
                + ", expected " + EXPECTED);
        };
        BigDecimal bytes = number.multiply(BigDecimal.valueOf(multiplier));
        if (bytes.signum() <= 0) {
            throw new IllegalArgumentException("memory size \"" + text + "\" must be more than 0 bytes");
        }
        try {
            return bytes.setScale(0, java.math.RoundingMode.CEILING).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("memory size \"" + text + "\" is too large");
        }
    }

    /**
     * The exact size in the largest binary unit that divides it, without a space, so that {@link #parse} reads it
     * back to the same number: "16GiB", "1536MiB", "100B". Used where a size is written into a spec.
     */
    public static String exact(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        long value = bytes;
        int u = 0;
        while (value != 0 && value % 1024 == 0 && u < units.length - 1) {
            value /= 1024;
            u++;
        }
        return value + units[u];
    }

    /** A short human form: "16 GiB", "1.5 GiB", "512 MiB", "100 B". */
    public static String format(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int u = 0;
        while (value >= 1024 && u < units.length - 1) {
            value /= 1024;
            u++;
        }
        if (value == Math.rint(value)) {
            return (long) value + " " + units[u];
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[u]);
    }
}
