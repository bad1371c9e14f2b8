package org.sharpscope.study.sweep;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.sharpscope.nn.train.LyapunovExponents;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.Json;

/**
 * The data of a sweep's bifurcation diagram: the last K sharpness samples (metrics.csv column
 * {@code sharpness}) of each finished cell against an axis (η, c or η/η_c), with each cell's
 * late-time period detected by a {@link PeriodRule} (0 = none within the tolerance), whether the
 * K samples are every step (a dense tail: metrics.csv's {@code step} column), and the cell's
 * Lyapunov exponents when its summary has them. Cells whose {@code late_state} is {@code diverged}
 * have no late-time attractor: they are listed in the periods table but carry no samples.
 */
public final class BifurcationTails {
    /**
     * One cell's late samples and detected period; {@code eta} is its summary's η (NaN when
     * absent), {@code dense} whether the samples are consecutive steps, {@code lateState} its
     * summary's late state (null when absent), {@code lyapunov} its exponents (null when not measured).
     */
    public record CellTail(String id, double x, Long seed, double[] sharpness, int period, boolean diverged, double eta,
                           boolean dense, String lateState, LyapunovExponents lyapunov) {}

    /** How each cell's period is found: the rule and its tolerances. */
    public record Detection(PeriodRule rule, int maxPeriod, double relTol, double separation) {
        int period(double[] tail) {
            return rule.period(tail, maxPeriod, relTol, separation);
        }
    }

    private static final ObjectReader LYAPUNOV = Json.JSON.readerFor(LyapunovExponents.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private BifurcationTails() {}

    /** Late tails of every finished cell, the last {@code tail} samples each, periods by {@code detection}. */
    public static List<CellTail> compute(SweepResults res, SweepDirectory dir, String axis, int tail, Detection detection) {
        List<CellTail> out = new ArrayList<>();
        for (SweepResults.Row r : res.rows()) {
            if (!CellOutcome.FINISHED.equals(r.entry().status())) continue;
            boolean diverged = r.regime().diverged();
            java.nio.file.Path cell = dir.cellDir(r.entry());
            double[] s = diverged ? new double[0] : MetricsColumn.tail(MetricsColumn.read(cell, "sharpness"), tail);
            if (s.length == 0 && !diverged) continue;
            double x = r.entry().axes().containsKey(axis) ? RegimeGrid.number(r, axis) : r.number(axis);
            boolean dense = diverged || consecutive(MetricsColumn.tail(MetricsColumn.read(cell, "step"), tail));
            out.add(new CellTail(r.entry().id(), x, r.entry().seed(), s, diverged ? 0 : detection.period(s), diverged,
                    r.regime().etaOrNaN(), dense, r.regime().lateState() == null ? null : r.regime().lateState().label(),
                    lyapunov(r.summary().get("lyapunov"))));
        }
        return out;
    }

    /** Steps one apart (a run whose metrics have no step column counts as dense: nothing says otherwise). */
    static boolean consecutive(double[] steps) {
        for (int i = 1; i < steps.length; i++) if (steps[i] != steps[i - 1] + 1) return false;
        return true;
    }

    /** The exponents of a summary's {@code lyapunov} field, or null when it has none or they do not bind. */
    static LyapunovExponents lyapunov(JsonNode node) {
        if (node == null || !node.isObject()) return null;
        try {
            LyapunovExponents l = LYAPUNOV.readValue(node);
            return l.weightSpace() == null || l.weightSpace().length == 0 ? null : l;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The one-line warning of a diagram whose tails are not every step (null when all are dense):
     * their periods are periods of the probes, not of the training map.
     */
    public static String sparseWarning(List<CellTail> tails, int tail) {
        List<String> sparse = tails.stream().filter(c -> !c.dense()).map(CellTail::id).toList();
        if (sparse.isEmpty()) return null;
        return "the last " + tail + " sharpness samples of " + sparse.size() + " of " + tails.size() + " cells (" + sparse.get(0)
                + (sparse.size() > 1 ? ", ..." : "") + ") are not every step, so their periods are the probes' and not the "
                + "training's; give the cells a dense tail ('probe-tail: " + tail + "' in the sweep's base) or a smaller --tail";
    }

    /** Long format: one row per sample (axis value, cell, sample index, sharpness, period). */
    public static CsvTable samples(List<CellTail> tails, String axis) {
        CsvTable t = new CsvTable(List.of(axis, "cell", "seed", "sample", "sharpness", "period"));
        for (CellTail c : tails) {
            for (int i = 0; i < c.sharpness().length; i++) t.add(c.x(), c.id(), c.seed(), i, c.sharpness()[i], c.period());
        }
        return t;
    }

    /** The columns of bifurcation-periods.csv a reader of it needs, per cell (NaN exponents when not measured). */
    public record PeriodRow(double x, int period, boolean diverged, double lyapunovLoss, double lyapunovLossError) {}

    /** Reads the rows of a periods table written by {@link #periods} with x axis {@code axis}. */
    public static List<PeriodRow> readPeriods(java.nio.file.Path csv, String axis) {
        CsvTable t = CsvTable.read(csv);
        double[] x = t.doubles(axis);
        double[] period = t.doubles("period");
        List<String> diverged = t.strings("diverged");
        double[] loss = t.doubles("lyapunov_loss");
        double[] err = t.doubles("lyapunov_loss_error");
        List<PeriodRow> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            out.add(new PeriodRow(x[i], (int) period[i], Boolean.parseBoolean(diverged.get(i)), loss[i], err[i]));
        }
        return out;
    }

    /**
     * One row per cell: axis value, detected period and divergence, then its late state, whether its
     * tail is dense, and its Lyapunov exponents with their standard errors (empty when not measured):
     * the largest in weight space and the one the loss sees, with the turning of the loss's subspace
     * per step (the loss exponent lies between {@code lyapunov_loss} and it plus the turning).
     */
    public static CsvTable periods(List<CellTail> tails, String axis) {
        CsvTable t = new CsvTable(List.of(axis, "cell", "seed", "period", "diverged", "late_state", "dense_tail",
                "lyapunov_largest", "lyapunov_largest_error", "lyapunov_loss", "lyapunov_loss_error",
                "lyapunov_loss_rotation"));
        for (CellTail c : tails) {
            LyapunovExponents l = c.lyapunov();
            t.add(c.x(), c.id(), c.seed(), c.period(), c.diverged(), c.lateState(), c.dense(),
                    l == null ? null : l.largest(),
                    l == null || l.weightSpaceError() == null || l.weightSpaceError().length == 0 ? null : l.weightSpaceError()[0],
                    l == null ? null : l.loss(), l == null ? null : l.lossError(),
                    l == null ? null : l.lossSubspaceRotation());
        }
        return t;
    }
}
