package org.sharpscope.report.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.LinePlot;
import org.sharpscope.study.sweep.BifurcationTails.CellTail;
import org.sharpscope.study.sweep.SweepCollection;

/**
 * The bifurcation diagram of a sweep: each cell's late sharpness samples against the axis, one
 * colour per detected period; with x = η, also the 2/η line.
 */
public final class BifurcationPlot {
    private BifurcationPlot() {}

    /** Draws {@code plots/bifurcation.{png,svg}}; returns the PNG. */
    public static Path save(SweepCollection.Bifurcation bifurcation, Path plots) {
        return ChartFiles.save(plot(bifurcation.tails(), bifurcation.axis()).chart(), plots, "bifurcation");
    }

    static LinePlot plot(List<CellTail> tails, String axis) {
        Map<Integer, List<double[]>> byPeriod = new TreeMap<>();
        for (CellTail c : tails) {
            for (double s : c.sharpness()) byPeriod.computeIfAbsent(c.period(), k -> new ArrayList<>()).add(new double[] {c.x(), s});
        }
        LinePlot p = new LinePlot("Bifurcation diagram: late-time sharpness", axis, "sharpness λ^H (last samples)");
        byPeriod.forEach((period, pts) -> p.points(period == 0 ? "no period" : "period " + period,
                pts.stream().mapToDouble(a -> a[0]).toArray(), pts.stream().mapToDouble(a -> a[1]).toArray()));
        if (axis.equals("eta") && !byPeriod.isEmpty()) {
            double lo = tails.stream().filter(c -> !c.diverged()).mapToDouble(CellTail::x).min().orElseThrow();
            double hi = tails.stream().filter(c -> !c.diverged()).mapToDouble(CellTail::x).max().orElseThrow();
            int n = 100;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = lo + (hi - lo) * i / (n - 1);
                y[i] = 2 / x[i];
            }
            p.line("2/η", x, y);
        }
        return p;
    }
}
