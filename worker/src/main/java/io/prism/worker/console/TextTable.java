package io.prism.worker.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of text aligned in columns two spaces apart. Columns whose header is given as {@code ">name"} are
 * right-aligned, for numbers.
 */
public final class TextTable {
    private static final String GAP = "  ";

    private final String[] headers;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String... headers) {
        this.headers = new String[headers.length];
        this.right = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            right[i] = headers[i].startsWith(">");
            this.headers[i] = right[i] ? headers[i].substring(1) : headers[i];
        }
    }

    public TextTable row(Object... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("row of " + cells.length + " cells " + Arrays.toString(cells)
                + " in a table of " + headers.length + " columns " + Arrays.toString(headers));
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toArray(String[]::new));
        return this;
    }

    /** The header and the rows, each line prefixed with {@code indent}, without trailing spaces. */
    public List<String> lines(String indent) {
        int[] widths = new int[headers.length];
        for (int c = 0; c < headers.length; c++) {
            widths[c] = headers[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add(line(indent, headers, widths));
        for (String[] row : rows) {
            lines.add(line(indent, row, widths));
        }
        return lines;
    }

    private String line(String indent, String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder(indent);
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                sb.append(GAP);
            }
            String pad = " ".repeat(widths[c] - cells[c].length());
            sb.append(right[c] ? pad + cells[c] : cells[c] + pad);
        }
        return sb.toString().stripTrailing();
    }
}
