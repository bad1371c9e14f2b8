package org.sharpscope.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table with named columns, rendered as CSV and read back ({@link #read}). Doubles are written with {@link Double#toString}
 * (shortest round-trip form), so values read back are bit-identical; NaN and infinities are
 * written as {@code NaN}, {@code Infinity}, {@code -Infinity}.
 */
public final class CsvTable {
    private final List<String> columns;
    private final List<String[]> rows = new ArrayList<>();

    public CsvTable(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return rows.size();
    }

    /** Appends one row; values may be Number, Boolean, String or null (empty cell). */
    public void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values, table has "
                    + columns.size() + " columns");
        }
        String[] row = new String[values.length];
        for (int i = 0; i < values.length; i++) row[i] = format(values[i]);
        rows.add(row);
    }

    public static String format(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return Double.toString(d);
        if (v instanceof Float f) return Float.toString(f);
        if (v instanceof Number || v instanceof Boolean) return v.toString();
        String s = v.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    public String toCsv() {
        StringBuilder sb = new StringBuilder(64 + rows.size() * 16 * columns.size());
        sb.append(String.join(",", columns)).append('\n');
        for (String[] row : rows) sb.append(String.join(",", row)).append('\n');
        return sb.toString();
    }

    /** Reads a CSV file as {@link #toCsv} writes it: a header line, then one line per row. */
    public static CsvTable read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) throw new IllegalStateException(file + " is empty; expected a header line");
        CsvTable t = new CsvTable(split(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) continue;
            List<String> cells = split(lines.get(i));
            if (cells.size() != t.columns.size()) {
                throw new IllegalStateException(file + " line " + (i + 1) + " has " + cells.size() + " cells, the header "
                        + t.columns.size());
            }
            t.add(cells.toArray());
        }
        return t;
    }

    /** Column {@code name} as numbers; empty cells are NaN. */
    public double[] doubles(String name) {
        int c = index(name);
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            String cell = rows.get(i)[c];
            out[i] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
        }
        return out;
    }

    /** Column {@code name} as text; empty cells are null. */
    public List<String> strings(String name) {
        int c = index(name);
        List<String> out = new ArrayList<>(rows.size());
        for (String[] row : rows) out.add(row[c].isEmpty() ? null : split(row[c]).get(0));
        return out;
    }

    private int index(String name) {
        int c = columns.indexOf(name);
        if (c < 0) throw new IllegalArgumentException("no column '" + name + "'; the columns are " + columns);
        return c;
    }

    /** The cells of one CSV line, quotes removed. */
    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CsvTable[%d columns, %d rows]", columns.size(), rows.size());
    }
}
