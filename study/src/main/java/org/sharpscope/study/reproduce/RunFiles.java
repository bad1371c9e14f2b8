package org.sharpscope.study.reproduce;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sharpscope.UserInputException;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.Json;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.RegimeFields;

/** Reads what a run directory of a reproduction holds: its summary.json and CSV columns. */
public final class RunFiles {
    private RunFiles() {}

    public static Map<String, Object> summary(Path run) {
        Path f = run.resolve(RunDirectory.SUMMARY);
        try {
            return Json.JSON.readValue(f.toFile(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UserInputException("cannot read " + f + " (" + e.getMessage().lines().findFirst().orElse("")
                    + "); rerun the reproduction");
        }
    }

    /** The regime fields of a run's summary.json. */
    public static RegimeFields regime(Path run) {
        Path f = run.resolve(RunDirectory.SUMMARY);
        try {
            JsonNode tree = Json.JSON.readTree(f.toFile());
            return RegimeFields.of(tree);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + f + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** A number from a summary or one of its entries (null, missing or not a number: NaN). */
    public static double number(Map<?, ?> summary, String key) {
        Object v = summary.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** The list under {@code key}; empty when it is missing or not a list, so a summary of odd types reads as missing values. */
    public static List<?> list(Map<?, ?> summary, String key) {
        return summary.get(key) instanceof List<?> l ? l : List.of();
    }

    /** The entries of the list under {@code key} that are maps (objects in JSON); others are skipped. */
    public static List<Map<?, ?>> maps(Map<?, ?> summary, String key) {
        List<Map<?, ?>> out = new ArrayList<>();
        for (Object o : list(summary, key)) {
            if (o instanceof Map<?, ?> m) out.add(m);
        }
        return out;
    }

    /** Column {@code name} of the CSV file {@code file} as doubles (empty cells: NaN). */
    public static double[] column(Path file, String name) {
        CsvTable t = CsvTable.read(file);
        if (!t.columns().contains(name)) throw new UserInputException(file + " has no column " + name);
        return t.doubles(name);
    }

    public static double[] metrics(Path run, String name) {
        return column(run.resolve(RunDirectory.METRICS), name);
    }
}
