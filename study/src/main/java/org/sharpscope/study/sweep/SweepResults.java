package org.sharpscope.study.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.Json;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.RegimeFields;

/**
 * One row per cell: the axis values under the axes' own names, {@code seed}, {@code status},
 * {@code error}, then the fields of the cell's summary.json (the union over cells, in order of
 * first appearance; nested values as compact JSON). Rows are in plan order, so the same sweep
 * gives the same file from any runner.
 */
public final class SweepResults {
    private final List<String> axes;
    private final List<String> summaryFields;
    private final List<Row> rows;

    /**
     * A cell's row: its index entry, its summary (empty when it has none) field by field, and the
     * summary's regime fields, typed.
     */
    public record Row(IndexEntry entry, Map<String, JsonNode> summary, RegimeFields regime) {
        /** The summary field named by the user (an axis or label of a figure) as a number, NaN when absent or not numeric. */
        public double number(String field) {
            JsonNode n = summary.get(field);
            return n != null && n.isNumber() ? n.doubleValue() : Double.NaN;
        }

        /** The summary field named by the user as text, null when absent or null. */
        public String text(String field) {
            JsonNode n = summary.get(field);
            return n == null || n.isNull() ? null : n.isTextual() ? n.textValue() : n.toString();
        }
    }

    private SweepResults(List<String> axes, List<String> summaryFields, List<Row> rows) {
        this.axes = axes;
        this.summaryFields = summaryFields;
        this.rows = rows;
    }

    /** Reads every cell's summary.json listed in the index of {@code dir}. */
    public static SweepResults read(SweepDirectory dir) {
        SweepIndex index = dir.index();
        Set<String> fields = new LinkedHashSet<>();
        List<Row> rows = new ArrayList<>();
        for (IndexEntry e : index.cells()) {
            Map<String, JsonNode> summary = new LinkedHashMap<>();
            RegimeFields regime = RegimeFields.NONE;
            Path file = dir.cellDir(e).resolve(RunDirectory.SUMMARY);
            if (e.status().equals(CellOutcome.FINISHED) && Files.isRegularFile(file)) {
                try {
                    JsonNode node = Json.JSON.readTree(file.toFile());
                    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> f = it.next();
                        summary.put(f.getKey(), f.getValue());
                        fields.add(f.getKey());
                    }
                    regime = RegimeFields.of(node);
                } catch (IOException ex) {
                    // A torn or unreadable summary leaves the row's summary fields empty.
                }
            }
            rows.add(new Row(e, summary, regime));
        }
        fields.removeAll(index.axes());
        fields.removeAll(List.of("seed", "status", "error"));
        return new SweepResults(index.axes(), new ArrayList<>(fields), rows);
    }

    public List<String> axes() {
        return axes;
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> summaryFields() {
        return summaryFields;
    }

    /** The results table (results.csv). */
    public CsvTable table() {
        List<String> cols = new ArrayList<>(axes);
        cols.add("seed");
        cols.add("status");
        cols.add("error");
        cols.addAll(summaryFields);
        CsvTable t = new CsvTable(cols);
        for (Row r : rows) {
            List<Object> v = new ArrayList<>();
            for (String a : axes) v.add(r.entry().axes().get(a));
            v.add(r.entry().seed());
            v.add(r.entry().status());
            v.add(r.entry().error());
            for (String f : summaryFields) v.add(cell(r.summary().get(f)));
            t.add(v.toArray());
        }
        return t;
    }

    private static Object cell(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isIntegralNumber()) return n.bigIntegerValue();
        if (n.isNumber()) return n.doubleValue();
        if (n.isBoolean()) return n.booleanValue();
        if (n.isTextual()) return n.textValue();
        return n.toString();
    }
}
