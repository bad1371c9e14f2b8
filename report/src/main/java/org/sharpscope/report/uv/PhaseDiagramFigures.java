package org.sharpscope.report.uv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sharpscope.regime.EarlyTrend;
import org.sharpscope.regime.LateState;
import org.sharpscope.report.plot.CategoryMapPlot;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.run.CsvTable;
import org.sharpscope.study.uv.PhaseDiagramSpec;
import org.sharpscope.study.uv.PhaseDiagramSummary;

/** The plots of {@code uv phase-diagram}: the late state and the early sharpness trend of every cell. */
public final class PhaseDiagramFigures {
    private static final String UNREACHABLE = "unreachable (Q₀ < 0)";

    private PhaseDiagramFigures() {}

    /** Writes plots/phase_late_state.png and plots/phase_early_trend.png from summary.json and phase_diagram.csv. */
    public static void draw(Path run) {
        PhaseDiagramSummary s = RunFiles.summary(run, PhaseDiagramSummary.class);
        boolean cAxis = s.xAxis() == PhaseDiagramSpec.XAxis.c;
        int nx = s.grid().get(0);
        int ny = s.grid().get(1);
        CsvTable t = RunFiles.csv(run, "phase_diagram.csv");
        double[] xCells = t.doubles(cAxis ? "c" : "eta_over_etac");
        double[] fs = Arrays.copyOf(t.doubles("f0_over_y"), ny);
        double[] xs = new double[nx];
        for (int i = 0; i < nx; i++) xs[i] = xCells[i * ny];
        List<String> lateCells = t.strings("late_state");
        List<String> trendCells = t.strings("early_trend");
        int[] late = new int[nx * ny];
        int[] trend = new int[nx * ny];
        for (int k = 0; k < nx * ny; k++) {
            late[k] = lateCells.get(k) == null ? LateState.values().length
                    : LateState.valueOf(lateCells.get(k).toUpperCase(Locale.ROOT)).ordinal();
            trend[k] = trendCells.get(k) == null ? EarlyTrend.values().length
                    : EarlyTrend.valueOf(trendCells.get(k).toUpperCase(Locale.ROOT)).ordinal();
        }
        List<String> lateLabels = new ArrayList<>();
        for (LateState st : LateState.values()) lateLabels.add(st.label());
        lateLabels.add(UNREACHABLE);
        List<String> trendLabels = new ArrayList<>();
        for (EarlyTrend tr : EarlyTrend.values()) trendLabels.add(tr.label());
        trendLabels.add(UNREACHABLE);
        String xLabel = cAxis ? "c = ηλ₀" : "η/η_c";
        String fixed = cAxis ? String.format(Locale.ROOT, "η/η_c = %.3g", s.etaOverEtac())
                : String.format(Locale.ROOT, "c = %.3g", s.c());
        ChartFiles.saveImage(CategoryMapPlot.render("Late state, " + fixed, xs, fs, late, lateLabels, xLabel, "f₀ / y"),
                RunFiles.plots(run), "phase_late_state");
        ChartFiles.saveImage(CategoryMapPlot.render("Early sharpness trend, " + fixed, xs, fs, trend, trendLabels, xLabel, "f₀ / y"),
                RunFiles.plots(run), "phase_early_trend");
    }
}
