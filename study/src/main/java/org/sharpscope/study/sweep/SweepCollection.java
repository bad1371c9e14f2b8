package org.sharpscope.study.sweep;

import java.nio.file.Path;
import java.util.List;
import org.sharpscope.UserInputException;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.study.RegimeFields;

/**
 * What a sweep adds up to, written next to its index: {@code results.csv} (one row per cell),
 * and the data of its figures — {@code phase-diagram.csv} (regimes over two axes),
 * {@code critical-constants.csv} (c_loss, c_sharp, c_max per group and seed) and
 * {@code bifurcation.csv} / {@code bifurcation-periods.csv} (late sharpness samples and periods).
 * Drawing them is the report module's.
 *
 * @param phase       the phase diagram's grid, null when the sweep has no two numeric axes
 * @param critical    the critical constants, null when no finished cell has a known c
 * @param bifurcation the late tails, null when there is no axis or no finished cell to show
 */
public record SweepCollection(SweepResults results, Phase phase, Critical critical, Bifurcation bifurcation) {
    /** Axes that hold the learning rate; the bifurcation diagram prefers them as its x axis. */
    public static final List<String> RATE_AXES = List.of("eta", "c", "eta-over-etac");
    public static final String RESULTS = "results.csv";

    /** The phase diagram: {@code field}'s label at each point of the {@code xAxis} × {@code yAxis} grid. */
    public record Phase(String xAxis, String yAxis, String field, List<RegimeGrid.Point> points) {}

    /** The critical constants per value of {@code group} (null: all cells in one group) and seed. */
    public record Critical(String group, List<CriticalConstants.Row> rows) {}

    /**
     * The late sharpness tails of the cells against {@code axis}, their periods found by
     * {@code detection}; {@code warning} is one line when some tails are not every step (null otherwise).
     */
    public record Bifurcation(String axis, List<BifurcationTails.CellTail> tails, BifurcationTails.Detection detection,
                              String warning) {}

    /** Reads the sweep in {@code dir}, writes results.csv and the figures' tables, and returns them. */
    public static SweepCollection collect(SweepDirectory dir, CollectSettings settings) {
        Path root = dir.root();
        SweepResults res = SweepResults.read(dir);
        requireRegimeField(res, settings.regime());
        AtomicFiles.writeString(root.resolve(RESULTS), res.table().toCsv());
        List<String> varying = RegimeGrid.varyingNumericAxes(res);

        String px = settings.phaseX() != null ? requireAxis(res, settings.phaseX()) : varying.size() >= 2 ? varying.get(0) : null;
        String py = settings.phaseY() != null ? requireAxis(res, settings.phaseY()) : px != null && varying.size() >= 2
                ? varying.stream().filter(a -> !a.equals(px)).findFirst().orElse(null) : null;
        Phase phase = null;
        if (px != null && py != null) {
            phase = new Phase(px, py, settings.regime(), RegimeGrid.points(res, px, py, settings.regime()));
            AtomicFiles.writeString(root.resolve("phase-diagram.csv"), RegimeGrid.table(phase.points(), px, py).toCsv());
        }

        String group = settings.criticalAxis() != null ? requireAxis(res, settings.criticalAxis())
                : varying.stream().filter(a -> !RATE_AXES.contains(a)).findFirst().orElse(null);
        List<CriticalConstants.Row> rows = CriticalConstants.compute(res, dir, group, settings.earlyRows());
        Critical critical = null;
        if (!rows.isEmpty()) {
            critical = new Critical(group, rows);
            AtomicFiles.writeString(root.resolve("critical-constants.csv"), CriticalConstants.table(rows, group).toCsv());
        }

        String bx = settings.bifurcationAxis() != null ? requireAxisOrSummaryNumber(res, settings.bifurcationAxis())
                : defaultBifurcationAxis(res, varying);
        Bifurcation bifurcation = null;
        if (bx != null) {
            PeriodRule rule = settings.rule(dir.index().command());
            BifurcationTails.Detection detection = new BifurcationTails.Detection(rule, settings.maxPeriod(),
                    settings.tolerance(rule), settings.separation());
            List<BifurcationTails.CellTail> tails = BifurcationTails.compute(res, dir, bx, settings.tail(), detection);
            if (!tails.isEmpty()) {
                bifurcation = new Bifurcation(bx, tails, detection, BifurcationTails.sparseWarning(tails, settings.tail()));
                AtomicFiles.writeString(root.resolve("bifurcation.csv"), BifurcationTails.samples(tails, bx).toCsv());
                AtomicFiles.writeString(root.resolve("bifurcation-periods.csv"), BifurcationTails.periods(tails, bx).toCsv());
            }
        }
        return new SweepCollection(res, phase, critical, bifurcation);
    }

    /**
     * η or η/η_c when swept; else the summary's {@code eta} when it differs between cells (a
     * {@code train} sweep over c); else c when swept; else the first varying axis.
     */
    static String defaultBifurcationAxis(SweepResults res, List<String> varying) {
        if (varying.contains("eta")) return "eta";
        if (varying.contains("eta-over-etac")) return "eta-over-etac";
        if (!res.axes().contains("eta") && varyingEta(res)) return "eta";
        return varying.stream().filter(RATE_AXES::contains).findFirst().orElse(varying.isEmpty() ? null : varying.get(0));
    }

    private static boolean varyingEta(SweepResults res) {
        return res.rows().stream().mapToDouble(r -> r.regime().etaOrNaN()).filter(Double::isFinite).distinct().count() > 1;
    }

    private static String requireAxisOrSummaryNumber(SweepResults res, String name) {
        if (res.axes().contains(name)) return name;
        if (res.rows().stream().anyMatch(r -> Double.isFinite(r.number(name)))) return name;
        throw new UserInputException("'" + name + "' is neither an axis of this sweep nor a numeric summary field; its axes are " + res.axes());
    }

    /**
     * Refuses a phase-diagram label that no finished cell's summary has: every point would be
     * drawn as "unknown". The default (late_state) is only checked against the cells that have
     * summaries of other fields, as a sweep of tasks without regimes simply has no labels.
     */
    private static void requireRegimeField(SweepResults res, String field) {
        boolean finished = res.rows().stream().anyMatch(r -> CellOutcome.FINISHED.equals(r.entry().status()) && !r.summary().isEmpty());
        boolean present = res.rows().stream().anyMatch(r -> r.summary().containsKey(field));
        if (finished && !present && !field.equals(RegimeFields.LATE_STATE)) {
            throw new UserInputException("--regime '" + field + "' is not a field of any cell's summary; the fields are "
                    + res.summaryFields());
        }
    }

    private static String requireAxis(SweepResults res, String axis) {
        if (!res.axes().contains(axis)) {
            throw new UserInputException("'" + axis + "' is not an axis of this sweep; its axes are " + res.axes());
        }
        return axis;
    }
}
