package io.prism.benchmarks.all;

import io.prism.benchmarks.BenchReport.Row;
import io.prism.benchmarks.Numbers;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of every part as one table: section (printed where it changes), figure, Prism's value, the baseline
 * measured in the same run, the ratio Prism / baseline, the aim and whether it is met. A failed part's row carries
 * its error in place of figures.
 */
final class ReportTable {
    private static final String[] HEADER = {"section", "figure", "Prism", "baseline", "ratio", "aim", ""};
    private static final int ERROR_WIDTH = 110;

    private ReportTable() {
    }

    static void print(List<Row> rows, PrintStream out) {
        List<String[]> cells = new ArrayList<>();
        String section = null;
        for (Row r : rows) {
            String shown = r.section().equals(section) ? "" : r.section();
            section = r.section();
            cells.add(r.failed() ? new String[]{shown, r.figure(), "FAILED: " + shorten(r.error())}
                : new String[]{shown, r.figure(), value(r.prism(), r.unit()), baseline(r), ratio(r.ratio()),
                    r.aim().describe(r.unit()), r.verdict()});
        }
        int[] widths = new int[HEADER.length];
        for (int c = 0; c < HEADER.length; c++) {
            widths[c] = HEADER[c].length();
        }
        for (String[] row : cells) {
            // a failure's message runs across the columns after the figure, so it does not widen them
            int measured = row.length == HEADER.length ? row.length : 2;
            for (int c = 0; c < measured; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        line(out, HEADER, widths);
        int total = 0;
        for (int w : widths) {
            total += w + 2;
        }
        out.println("-".repeat(total - 2));
        for (String[] row : cells) {
            line(out, row, widths);
        }
    }

    private static void line(PrintStream out, String[] row, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            boolean number = c >= 2 && c <= 4 && row.length == widths.length;
            String cell = row[c];
            String pad = " ".repeat(Math.max(0, widths[c] - cell.length()));
            b.append(number ? pad + cell : c == row.length - 1 ? cell : cell + pad);
            if (c < row.length - 1) {
                b.append("  ");
            }
        }
        out.println(b.toString().stripTrailing());
    }

    private static String value(double v, String unit) {
        return unit.isEmpty() ? Numbers.format(v) : Numbers.format(v) + " " + unit;
    }

    private static String baseline(Row r) {
        if (Double.isNaN(r.baseline())) {
            return r.baselineName().isEmpty() ? "-" : r.baselineName();
        }
        return (r.baselineName() + " " + value(r.baseline(), r.unit())).strip();
    }

    private static String ratio(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String shorten(String error) {
        return error.length() <= ERROR_WIDTH ? error : error.substring(0, ERROR_WIDTH - 1) + "…";
    }
}
