package org.sharpscope.cli.reproduce;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sharpscope.run.Json;
import org.sharpscope.run.RunDirectory;

/** Reads what a run directory holds: {@code summary.json} and the numeric columns of a CSV file. */
final class RunFiles {
    private RunFiles() {}

    static Map<String, Object> summary(Path run) {
        Path f = run.resolve(RunDirectory.SUMMARY);
        try {
            return Json.JSON.readValue(f.toFile(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** A number from a summary (null or missing: NaN). */
    static double number(Map<String, Object> summary, String key) {
        Object v = summary.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Column {@code name} of the CSV file {@code file} as doubles (empty cells: NaN). */
    static double[] column(Path file, String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) throw new IllegalStateException(file + " is empty");
        String[] header = lines.get(0).split(",", -1);
        int col = -1;
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) col = i;
        }
        if (col < 0) throw new IllegalStateException(file + " has no column " + name);
        List<Double> out = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) continue;
            String[] cells = lines.get(i).split(",", -1);
            out.add(cells[col].isEmpty() ? Double.NaN : Double.parseDouble(cells[col]));
        }
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        return a;
    }

    static double[] metrics(Path run, String name) {
        return column(run.resolve(RunDirectory.METRICS), name);
    }
}
