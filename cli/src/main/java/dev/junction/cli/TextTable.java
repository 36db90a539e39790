package dev.junction.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for people: a header row, columns two spaces apart, numbers right-aligned.
 * The last column is not padded, so a long note or source does not push trailing blanks.
 */
final class TextTable {
    private final String[] headers;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    /** A table with these column headers, all left-aligned until {@link #rightAligned} says otherwise. */
    TextTable(String... headers) {
        this.headers = headers.clone();
        this.right = new boolean[headers.length];
    }

    /** Right-aligns the given columns (0-based), for numbers. */
    TextTable rightAligned(int... columns) {
        for (int column : columns) {
            right[column] = true;
        }
        return this;
    }

    /** Adds one row; {@code null} cells are shown as {@link Amounts#UNKNOWN}. */
    TextTable add(String... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("expected " + headers.length + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(c -> c == null ? Amounts.UNKNOWN : c).toArray(String[]::new));
        return this;
    }

    /** Whether no row was added. */
    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Prints the header and the rows. */
    void print(PrintStream out) {
        int[] widths = new int[headers.length];
        for (int c = 0; c < headers.length; c++) {
            widths[c] = width(headers[c]);
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], width(row[c]));
            }
        }
        out.println(line(headers, widths));
        for (String[] row : rows) {
            out.println(line(row, widths));
        }
    }

    private String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            boolean last = c == cells.length - 1;
            String pad = " ".repeat(widths[c] - width(cells[c]));
            if (c > 0) {
                line.append("  ");
            }
            if (right[c]) {
                line.append(pad).append(cells[c]);
            } else {
                line.append(cells[c]).append(last ? "" : pad);
            }
        }
        // An empty last cell (no notes) would leave the separator dangling.
        return line.toString().stripTrailing();
    }

    /** Code points, not chars, so "—" and Chinese text count as one each (wide glyphs are not measured). */
    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
