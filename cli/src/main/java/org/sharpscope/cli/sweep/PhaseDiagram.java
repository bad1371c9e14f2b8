package org.sharpscope.cli.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharpscope.UserInputException;
import java.awt.image.BufferedImage;
import org.sharpscope.report.plot.CategoryMapPlot;
import org.sharpscope.run.CsvTable;

/**
 * The regime of each cell over two axes. A cell's label is a categorical summary field
 * ({@code late_state} by default, with the period appended for EoS, e.g. {@code eos p=2});
 * failed cells are labelled {@code failed}. Where other axes or seeds put several cells on one
 * grid point, the most frequent label wins (ties: the first in plan order) and the table keeps
 * the count.
 */
public final class PhaseDiagram {
    /** One grid point: axis values, winning label, how many cells had it, how many cells in all. */
    public record Point(double x, double y, String label, int votes, int cells) {}

    private PhaseDiagram() {}

    /** The label of a row. */
    static String label(SweepResults.Row r, String field) {
        if (!CellOutcome.FINISHED.equals(r.entry().status())) return r.entry().status();
        String v = r.text(field);
        if (v == null) return "unknown";
        if (field.equals("late_state") && v.equals("eos")) {
            double p = r.number("period");
            if (p > 0) return "eos p=" + (long) p;
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

    /**
     * The labelled heat map. An axis of positive values spanning more than a factor of 8 (such
     * as c = 2^x) is drawn as log2 of the axis; grid points without a cell are labelled
     * {@code no cell}.
     */
    public static BufferedImage plot(List<Point> points, String xAxis, String yAxis, String field) {
        double[] xs = points.stream().mapToDouble(Point::x).distinct().sorted().toArray();
        double[] ys = points.stream().mapToDouble(Point::y).distinct().sorted().toArray();
        List<String> labels = new ArrayList<>();
        int[] cat = new int[xs.length * ys.length];
        java.util.Arrays.fill(cat, -1);
        for (Point p : points) {
            int k = labels.indexOf(p.label());
            if (k < 0) {
                k = labels.size();
                labels.add(p.label());
            }
            cat[java.util.Arrays.binarySearch(xs, p.x()) * ys.length + java.util.Arrays.binarySearch(ys, p.y())] = k;
        }
        for (int i = 0; i < cat.length; i++) {
            if (cat[i] < 0) {
                if (!labels.contains("no cell")) labels.add("no cell");
                cat[i] = labels.indexOf("no cell");
            }
        }
        boolean logX = wide(xs);
        boolean logY = wide(ys);
        boolean mixed = points.stream().anyMatch(p -> p.cells() > 1);
        return CategoryMapPlot.render("Phase diagram: " + field + (mixed ? " (most frequent over seeds/other axes)" : ""),
                logX ? log2(xs) : xs, logY ? log2(ys) : ys, cat, labels,
                logX ? "log2 " + xAxis : xAxis, logY ? "log2 " + yAxis : yAxis);
    }

    private static boolean wide(double[] v) {
        return v.length > 2 && v[0] > 0 && v[v.length - 1] / v[0] > 8;
    }

    private static double[] log2(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Math.log(v[i]) / Math.log(2);
        return out;
    }

    static double number(SweepResults.Row r, String axis) {
        Object v = r.entry().axes().get(axis);
        if (v instanceof Number n) return n.doubleValue();
        throw new UserInputException("axis '" + axis + "' is not numeric (value '" + v + "'); choose numeric axes for the phase diagram");
    }

    /** Numeric axes with more than one value, in spec order. */
    static List<String> varyingNumericAxes(SweepResults res) {
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
