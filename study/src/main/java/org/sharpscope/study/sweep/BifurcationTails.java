package org.sharpscope.study.sweep;

import java.util.ArrayList;
import java.util.List;
import org.sharpscope.dynamics.Periodicity;
import org.sharpscope.run.CsvTable;

/**
 * The data of a sweep's bifurcation diagram: the last K sharpness samples (metrics.csv column
 * {@code sharpness}) of each finished cell against an axis (η, c or η/η_c), with each cell's
 * late-time period detected by {@link Periodicity} (0 = none within the tolerance). Cells whose
 * {@code late_state} is {@code diverged} have no late-time attractor: they are listed in the
 * periods table but carry no samples.
 */
public final class BifurcationTails {
    /** One cell's late samples and detected period. */
    public record CellTail(String id, double x, Long seed, double[] sharpness, int period, boolean diverged) {}

    private BifurcationTails() {}

    /** Late tails of every finished cell; {@code maxPeriod} and {@code relTol} go to {@link Periodicity#period}. */
    public static List<CellTail> compute(SweepResults res, SweepDirectory dir, String axis, int tail, int maxPeriod, double relTol) {
        List<CellTail> out = new ArrayList<>();
        for (SweepResults.Row r : res.rows()) {
            if (!CellOutcome.FINISHED.equals(r.entry().status())) continue;
            boolean diverged = r.regime().diverged();
            double[] s = diverged ? new double[0]
                    : MetricsColumn.tail(MetricsColumn.read(dir.cellDir(r.entry()), "sharpness"), tail);
            if (s.length == 0 && !diverged) continue;
            double x = r.entry().axes().containsKey(axis) ? RegimeGrid.number(r, axis) : r.number(axis);
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
}
