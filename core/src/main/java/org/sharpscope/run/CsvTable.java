package org.sharpscope.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sharpscope.UserInputException;

/**
 * A table with named columns, rendered as CSV. Doubles are written with {@link Double#toString}
 * (shortest round-trip form), so values read back are bit-identical; NaN and infinities are
 * written as {@code NaN}, {@code Infinity}, {@code -Infinity}. {@link #read} reads such a file back.
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
        for (int i = 0; i < values.length; i++) row[i] = text(values[i]);
        rows.add(row);
    }

    /** A cell's text before CSV quoting. */
    private static String text(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return Double.toString(d);
        if (v instanceof Float f) return Float.toString(f);
        return v.toString();
    }

    /** A cell as written to the file: quoted when it holds a comma, a quote or a line break. */
    public static String format(Object v) {
        String s = text(v);
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** The text of the cell of row {@code row} (0-based, header excluded) and column {@code column} ("" when empty). */
    public String get(int row, int column) {
        return rows.get(row)[column];
    }

    /** The values of column {@code name} as doubles: empty or non-numeric cells are NaN; empty when there is no such column. */
    public double[] doubles(String name) {
        int col = columns.indexOf(name);
        if (col < 0) return new double[0];
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            String cell = rows.get(i)[col];
            try {
                out[i] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** The values of column {@code name} as text: empty cells are null; a missing column is an error. */
    public List<String> strings(String name) {
        int col = columns.indexOf(name);
        if (col < 0) throw new IllegalArgumentException("no column '" + name + "'; the columns are " + columns);
        List<String> out = new ArrayList<>(rows.size());
        for (String[] row : rows) out.add(row[col].isEmpty() ? null : row[col]);
        return out;
    }

    /**
     * Reads a CSV file as {@link #toCsv} writes it (quoted cells are unquoted). A missing or
     * unreadable file, or a row whose cell count differs from the header's, is a one-line
     * {@link UserInputException}.
     */
    public static CsvTable read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
        if (lines.isEmpty()) throw new UserInputException(file + " is empty; it has no header row");
        CsvTable t = new CsvTable(cells(lines.get(0)));
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isEmpty()) continue;
            List<String> row = cells(lines.get(n));
            if (row.size() != t.columns.size()) {
                throw new UserInputException(file + " line " + (n + 1) + " has " + row.size() + " fields, expected "
                        + t.columns.size() + "; the file was edited or damaged");
            }
            t.rows.add(row.toArray(String[]::new));
        }
        return t;
    }

    /** The cells of one line: commas separate, double quotes enclose cells that hold commas or quotes. */
    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
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
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }

    public String toCsv() {
        StringBuilder sb = new StringBuilder(64 + rows.size() * 16 * columns.size());
        sb.append(String.join(",", columns)).append('\n');
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) sb.append(',');
                sb.append(format(row[i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CsvTable[%d columns, %d rows]", columns.size(), rows.size());
    }
}
