package org.sharpscope.study.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharpscope.UserInputException;
import org.sharpscope.regime.LateState;
import org.sharpscope.study.RegimeFields;
import org.sharpscope.run.CsvTable;

/**
 * The data of a sweep's phase diagram: the regime of each cell over two axes. A cell's label is
 * a categorical summary field ({@code late_state} by default, with the period appended for EoS,
 * e.g. {@code eos p=2}); failed cells are labelled {@code failed}. Where other axes or seeds put several cells on one
 * grid point, the most frequent label wins (ties: the first in plan order) and the table keeps
 * the count.
 */
public final class RegimeGrid {
    /** One grid point: axis values, winning label, how many cells had it, how many cells in all. */
    public record Point(double x, double y, String label, int votes, int cells) {}

    private RegimeGrid() {}

    /** The label of a row: its summary field {@code field} (named by the user), its status when it did not finish. */
    static String label(SweepResults.Row r, String field) {
        if (!CellOutcome.FINISHED.equals(r.entry().status())) return r.entry().status();
        String v = r.text(field);
        if (v == null) return "unknown";
        RegimeFields regime = r.regime();
        if (field.equals(RegimeFields.LATE_STATE) && regime.lateState() == LateState.EOS
                && regime.period() != null && regime.period() > 0) {
            return v + " p=" + regime.period();
        }
        return v;
    }

    /** The grid points over numeric axes {@code xAxis} and {@code yAxis}. */
    public static List<Point> points(SweepResults res, String xAxis, String yAxis, String field) {
        Map<List<Double>, Map<String, Integer>> votes = new LinkedHashMap<>();
        for (SweepResults.Row r : res.rows()) {
            List<Double> key = List.of(number(r, xAxis), number(r, yAxis));
            votes.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(label(r, field), 1, Integer::sum);
        }
        List<Point> out = new ArrayList<>();
        for (Map.Entry<List<Double>, Map<String, Integer>> e : votes.entrySet()) {
            String best = null;
            int bestN = 0;
            int total = 0;
            for (Map.Entry<String, Integer> v : e.getValue().entrySet()) {
                total += v.getValue();
                if (v.getValue() > bestN) {
                    best = v.getKey();
                    bestN = v.getValue();
                }
            }
            out.add(new Point(e.getKey().get(0), e.getKey().get(1), best, bestN, total));
        }
        return out;
    }

    public static CsvTable table(List<Point> points, String xAxis, String yAxis) {
        CsvTable t = new CsvTable(List.of(xAxis, yAxis, "label", "votes", "cells"));
        for (Point p : points) t.add(p.x(), p.y(), p.label(), p.votes(), p.cells());
        return t;
    }

    /** The value of numeric axis {@code axis} in row {@code r}; a one-line error when it is not numeric. */
    static double number(SweepResults.Row r, String axis) {
        Object v = r.entry().axes().get(axis);
        if (v instanceof Number n) return n.doubleValue();
        throw new UserInputException("axis '" + axis + "' is not numeric (value '" + v + "'); choose numeric axes for the phase diagram");
    }

    /** Numeric axes with more than one value, in spec order. */
    public static List<String> varyingNumericAxes(SweepResults res) {
        List<String> out = new ArrayList<>();
        for (String a : res.axes()) {
            Map<Object, Boolean> seen = new HashMap<>();
            boolean numeric = true;
            for (SweepResults.Row r : res.rows()) {
                Object v = r.entry().axes().get(a);
                numeric &= v instanceof Number;
                seen.put(v instanceof Number n ? (Object) n.doubleValue() : v, true);
            }
            if (numeric && seen.size() > 1) out.add(a);
        }
        return out;
    }
}
