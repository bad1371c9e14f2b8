package org.sharpscope.report.sweep;

import java.nio.file.Path;
import java.util.TreeMap;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.LinePlot;
import org.sharpscope.study.sweep.CriticalConstants;
import org.sharpscope.study.sweep.SweepCollection;

/** c_loss, c_sharp and c_max of a sweep (means over seeds) against its grouping axis. */
public final class CriticalConstantsPlot {
    private CriticalConstantsPlot() {}

    /** Draws {@code plots/critical-constants.{png,svg}}; returns the PNG. */
    public static Path save(SweepCollection.Critical critical, Path plots) {
        return ChartFiles.save(plot(critical).chart(), plots, "critical-constants");
    }

    static LinePlot plot(SweepCollection.Critical critical) {
        TreeMap<Double, double[]> sums = new TreeMap<>(); // group -> {sumL, nL, sumS, nS, sumM, nM}
        for (CriticalConstants.Row r : critical.rows()) {
            double[] s = sums.computeIfAbsent(r.group(), k -> new double[6]);
            double[] v = {r.cLoss(), r.cSharp(), r.cMax()};
            for (int i = 0; i < 3; i++) {
                if (Double.isFinite(v[i])) {
                    s[2 * i] += v[i];
                    s[2 * i + 1]++;
                }
            }
        }
        double[] x = sums.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[][] y = new double[3][x.length];
        int j = 0;
        for (double[] s : sums.values()) {
            for (int i = 0; i < 3; i++) y[i][j] = s[2 * i + 1] > 0 ? s[2 * i] / s[2 * i + 1] : Double.NaN;
            j++;
        }
        String group = critical.group();
        LinePlot p = new LinePlot("Critical constants (docs/theory.md §8)", group == null ? "group" : group, "c = η λ₀^H");
        String[] names = {"c_loss", "c_sharp", "c_max"};
        for (int i = 0; i < 3; i++) {
            if (x.length > 1) p.line(names[i], x, y[i]); else p.points(names[i], x, y[i]);
        }
        return p;
    }
}
