package org.sharpscope.report.sweep;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sharpscope.report.plot.CategoryMapPlot;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.study.sweep.RegimeGrid.Point;
import org.sharpscope.study.sweep.SweepCollection;

/**
 * The phase diagram of a sweep: its regime grid as a labelled heat map. An axis of positive
 * values spanning more than a factor of 8 (such as c = 2^x) is drawn as log2 of the axis; grid
 * points without a cell are labelled {@code no cell}.
 */
public final class PhaseDiagramPlot {
    private PhaseDiagramPlot() {}

    /** Draws {@code plots/phase-diagram.png}; returns it. */
    public static Path save(SweepCollection.Phase phase, Path plots) {
        return ChartFiles.saveImage(plot(phase), plots, "phase-diagram");
    }

    static BufferedImage plot(SweepCollection.Phase phase) {
        List<Point> points = phase.points();
        double[] xs = points.stream().mapToDouble(Point::x).distinct().sorted().toArray();
        double[] ys = points.stream().mapToDouble(Point::y).distinct().sorted().toArray();
        List<String> labels = new ArrayList<>();
        int[] cat = new int[xs.length * ys.length];
        Arrays.fill(cat, -1);
        for (Point p : points) {
            int k = labels.indexOf(p.label());
            if (k < 0) {
                k = labels.size();
                labels.add(p.label());
            }
            cat[Arrays.binarySearch(xs, p.x()) * ys.length + Arrays.binarySearch(ys, p.y())] = k;
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
        String x = phase.xAxis();
        String y = phase.yAxis();
        return CategoryMapPlot.render("Phase diagram: " + phase.field() + (mixed ? " (most frequent over seeds/other axes)" : ""),
                logX ? log2(xs) : xs, logY ? log2(ys) : ys, cat, labels, logX ? "log2 " + x : x, logY ? "log2 " + y : y);
    }

    private static boolean wide(double[] v) {
        return v.length > 2 && v[0] > 0 && v[v.length - 1] / v[0] > 8;
    }

    private static double[] log2(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Math.log(v[i]) / Math.log(2);
        return out;
    }
}
