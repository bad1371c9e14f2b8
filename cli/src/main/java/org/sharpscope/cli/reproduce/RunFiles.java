package org.sharpscope.cli.reproduce;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.Json;
import org.sharpscope.run.RunDirectory;

/**
 * Reads what a run directory holds: {@code summary.json} and the numeric columns of a CSV file.
 * A file that cannot be read as such is {@link Damaged}; a summary field of an unexpected type
 * reads as missing (NaN, an empty list), so that one odd value does not stop a report.
 */
final class RunFiles {
    private RunFiles() {}

    /** A run directory's file that is missing, torn or not in the format the runs write. */
    static final class Damaged extends RuntimeException {
        Damaged(Path file, String what) {
            super(file + " " + what);
        }
    }

    static Map<String, Object> summary(Path run) {
        Path f = run.resolve(RunDirectory.SUMMARY);
        try {
            Map<String, Object> m = Json.JSON.readValue(f.toFile(), new TypeReference<Map<String, Object>>() {});
            if (m == null) throw new Damaged(f, "is empty");
            return m;
        } catch (IOException e) {
            throw new Damaged(f, "is not a readable summary (" + AtomicFiles.reason(e) + ")");
        }
    }

    /** A number from a summary or one of its entries (null, missing or not a number: NaN). */
    static double number(Map<?, ?> summary, String key) {
        Object v = summary.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** The list under {@code key}; empty when it is missing or not a list. */
    static List<?> list(Map<?, ?> summary, String key) {
        return summary.get(key) instanceof List<?> l ? l : List.of();
    }

    /** The entries of the list under {@code key} that are maps (objects in JSON). */
    static List<Map<?, ?>> maps(Map<?, ?> summary, String key) {
        List<Map<?, ?>> out = new ArrayList<>();
        for (Object o : list(summary, key)) {
            if (o instanceof Map<?, ?> m) out.add(m);
        }
        return out;
    }

    /** Column {@code name} of the CSV file {@code file} as doubles (empty cells: NaN). */
    static double[] column(Path file, String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new Damaged(file, "cannot be read (" + AtomicFiles.reason(e) + ")");
        }
        if (lines.isEmpty()) throw new Damaged(file, "is empty");
        String[] header = lines.get(0).split(",", -1);
        int col = -1;
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) col = i;
        }
        if (col < 0) throw new Damaged(file, "has no column " + name);
        List<Double> out = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) continue;
            String[] cells = lines.get(i).split(",", -1);
            String cell = col < cells.length ? cells[col] : "";
            try {
                out.add(cell.isEmpty() ? Double.NaN : Double.parseDouble(cell));
            } catch (NumberFormatException e) {
                throw new Damaged(file, "line " + (i + 1) + ": '" + cell + "' in column " + name + " is not a number");
            }
        }
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        return a;
    }

    static double[] metrics(Path run, String name) {
        return column(run.resolve(RunDirectory.METRICS), name);
    }
}
