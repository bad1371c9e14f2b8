package org.sharpscope.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table with named columns, rendered as CSV. Doubles are written with {@link Double#toString}
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

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CsvTable[%d columns, %d rows]", columns.size(), rows.size());
    }
}
