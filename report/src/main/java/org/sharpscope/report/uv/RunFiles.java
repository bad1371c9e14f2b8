package org.sharpscope.report.uv;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.Json;
import org.sharpscope.run.RunDirectory;

/** What the figures read from a run directory: summary.json (typed or as a tree), config.yaml and CSV files. */
final class RunFiles {
    private RunFiles() {}

    static <T> T summary(Path run, Class<T> type) {
        Path f = run.resolve(RunDirectory.SUMMARY);
        try {
            return Json.JSON.readValue(f.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    static JsonNode summary(Path run) {
        return tree(run.resolve(RunDirectory.SUMMARY), false);
    }

    static JsonNode config(Path run) {
        return tree(run.resolve(RunDirectory.CONFIG), true);
    }

    static CsvTable csv(Path run, String name) {
        return CsvTable.read(run.resolve(name));
    }

    static Path plots(Path run) {
        return run.resolve("plots");
    }

    private static JsonNode tree(Path f, boolean yaml) {
        try {
            return (yaml ? Json.YAML : Json.JSON).readTree(f.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
