package org.sharpscope.cli.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sharpscope.report.plot.LinePlot;
import org.sharpscope.dynamics.Periodicity;
import org.sharpscope.run.CsvTable;

/**
 * The bifurcation diagram of a sweep: the last K sharpness samples (metrics.csv column
 * {@code sharpness}) of each finished cell against an axis (η, c or η/η_c), with each cell's
 * late-time period detected by {@link Periodicity} (0 = none within the tolerance). Cells whose
 * {@code late_state} is {@code diverged} have no late-time attractor: they are listed in the
 * periods table but carry no samples.
 */
public final class BifurcationDiagram {
    /** One cell's late samples and detected period. */
    public record CellTail(String id, double x, Long seed, double[] sharpness, int period, boolean diverged) {}

    private BifurcationDiagram() {}

    /** Late tails of every finished cell; {@code maxPeriod} and {@code relTol} go to {@link Periodicity#period}. */
    public static List<CellTail> compute(SweepResults res, SweepDirectory dir, String axis, int tail, int maxPeriod, double relTol) {
        List<CellTail> out = new ArrayList<>();
        for (SweepResults.Row r : res.rows()) {
            if (!CellOutcome.FINISHED.equals(r.entry().status())) continue;
            boolean diverged = "diverged".equals(r.text("late_state"));
            double[] s = diverged ? new double[0]
                    : MetricsColumn.tail(MetricsColumn.read(dir.cellDir(r.entry()), "sharpness"), tail);
            if (s.length == 0 && !diverged) continue;
            double x = r.entry().axes().containsKey(axis) ? PhaseDiagram.number(r, axis) : r.number(axis);
            out.add(new CellTail(r.entry().id(), x, r.entry().seed(), s,
                    diverged ? 0 : Periodicity.period(s, maxPeriod, relTol), diverged));
        }
        return out;
    }

    /** Long format: one row per sample (axis value, cell, sample index, sharpness, period). */
    public static CsvTable samples(List<CellTail> tails, String axis) {
        CsvTable t = new CsvTable(List.of(axis, "cell", "seed", "sample", "sharpness", "period"));
        for (CellTail c : tails) {
            for (int i = 0; i < c.sharpness().length; i++) t.add(c.x(), c.id(), c.seed(), i, c.sharpness()[i], c.period());
        }
        return t;
    }

    /** One row per cell: axis value and detected period. */
    public static CsvTable periods(List<CellTail> tails, String axis) {
        CsvTable t = new CsvTable(List.of(axis, "cell", "seed", "period", "diverged"));
        for (CellTail c : tails) t.add(c.x(), c.id(), c.seed(), c.period(), c.diverged());
        return t;
    }

    /** Samples against the axis, one colour per detected period; with x = η, also the 2/η line. */
    public static LinePlot plot(List<CellTail> tails, String axis) {
        Map<Integer, List<double[]>> byPeriod = new TreeMap<>();
        for (CellTail c : tails) {
            for (double s : c.sharpness()) byPeriod.computeIfAbsent(c.period(), k -> new ArrayList<>()).add(new double[] {c.x(), s});
        }
        LinePlot p = new LinePlot("Bifurcation diagram: late-time sharpness", axis, "sharpness λ^H (last samples)");
        Map<Integer, List<double[]>> ordered = new LinkedHashMap<>(byPeriod);
        ordered.forEach((period, pts) -> p.points(period == 0 ? "no period" : "period " + period,
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
