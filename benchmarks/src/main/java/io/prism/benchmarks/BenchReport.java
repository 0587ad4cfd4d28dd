package io.prism.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The headline figures of a benchmark, one {@link Row} each, appended as tab-separated lines to the file named by
 * the system property {@value #FILE_PROPERTY}: {@code benchmarks.jar all} sets it on every part's JVM and prints
 * what they wrote as one table. Without the property, recording does nothing, so a part run on its own prints only
 * its own table.
 */
public final class BenchReport {
    public static final String FILE_PROPERTY = "prism.bench.report";
    private static final int FIELDS = 10;

    private BenchReport() {
    }

    /**
     * One figure: Prism's value, its baseline measured in the same run (NaN and an empty name without one), the
     * ratio Prism / baseline (NaN to have it computed), what the project aims for, and an error instead of figures
     * when the part failed.
     */
    public record Row(String section, String figure, String unit, double prism, String baselineName, double baseline,
                      double givenRatio, Aim aim, String error) {
        public Row {
            section = clean(section);
            figure = clean(figure);
            unit = clean(unit);
            baselineName = clean(baselineName);
            error = clean(error);
        }

        public static Row of(String section, String figure, String unit, double prism, String baselineName,
                             double baseline, Aim aim) {
            return new Row(section, figure, unit, prism, baselineName, baseline, Double.NaN, aim, "");
        }

        /** A figure with no baseline, e.g. a placement decision's time against its aim alone. */
        public static Row alone(String section, String figure, String unit, double prism, Aim aim) {
            return of(section, figure, unit, prism, "", Double.NaN, aim);
        }

        public static Row failed(String section, String figure, String error) {
            return new Row(section, figure, "", Double.NaN, "", Double.NaN, Double.NaN, Aim.NONE, error);
        }

        /**
         * The same row with a ratio measured otherwise than Prism / baseline, such as the median of per-round ratios,
         * which holds better on a noisy machine; the aim is judged by it.
         */
        public Row withRatio(double ratio) {
            return new Row(section, figure, unit, prism, baselineName, baseline, ratio, aim, error);
        }

        public boolean failed() {
            return !error.isEmpty();
        }

        /** The given ratio, else Prism / baseline; NaN without a baseline. */
        public double ratio() {
            if (!Double.isNaN(givenRatio)) {
                return givenRatio;
            }
            return Double.isNaN(baseline) || baseline == 0 ? Double.NaN : prism / baseline;
        }

        /** "✓" or "✗" against the aim; empty without an aim or figures. */
        public String verdict() {
            if (failed() || aim.kind() == Aim.Kind.NONE) {
                return "";
            }
            return aim.met(prism, ratio()) ? "✓" : "✗";
        }

        private static String clean(String text) {
            return text == null ? "" : text.replaceAll("[\\t\\r\\n]+", " ").strip();
        }
    }

    /** Appends {@code row} to the report file when {@value #FILE_PROPERTY} names one. */
    public static void record(Row row) {
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        synchronized (BenchReport.class) {
            try {
                Files.writeString(Path.of(file), toLine(row) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append a row to the benchmark report " + file
                    + " (named by -D" + FILE_PROPERTY + "): " + e.getMessage(), e);
            }
        }
    }

    public static void record(String section, String figure, String unit, double prism, String baselineName,
                              double baseline, Aim aim) {
        record(Row.of(section, figure, unit, prism, baselineName, baseline, aim));
    }

    /** The rows in {@code file}, in the order they were recorded; none when it does not exist. */
    public static List<Row> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
            .map(BenchReport::parse).toList();
    }

    static String toLine(Row r) {
        return String.join("\t", r.section(), r.figure(), r.unit(), Double.toString(r.prism()), r.baselineName(),
            Double.toString(r.baseline()), Double.toString(r.givenRatio()), r.aim().kind().name(),
            Double.toString(r.aim().bound()), r.error());
    }

    static Row parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != FIELDS) {
            throw new IllegalArgumentException("benchmark report line with " + f.length + " fields instead of "
                + FIELDS + " (section, figure, unit, prism, baseline name, baseline, ratio, aim kind, aim bound, "
                + "error): " + line);
        }
        return new Row(f[0], f[1], f[2], Double.parseDouble(f[3]), f[4], Double.parseDouble(f[5]),
            Double.parseDouble(f[6]), new Aim(Aim.Kind.valueOf(f[7]), Double.parseDouble(f[8])), f[9]);
    }
}
