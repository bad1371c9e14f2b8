package org.sharpscope.report.uv;

import java.nio.file.Path;
import org.sharpscope.regime.LateState;
import org.sharpscope.regime.Regime;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.Envelope;
import org.sharpscope.report.plot.LinePlot;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.uv.UvRunSummary;

/**
 * The plots of a {@code uv run}: loss against step (log scale) and sharpness λ^H with the NTK λ
 * and the 2/η line, from metrics.csv and summary.json.
 */
public final class UvRunFigures {
    /** Bins per plotted series: longer runs are drawn as per-bin min/max envelopes. */
    static final int PLOT_BINS = 400;

    private UvRunFigures() {}

    /** Writes plots/loss.{png,svg} and plots/sharpness.{png,svg}. */
    public static void draw(Path run) {
        UvRunSummary s = RunFiles.summary(run, UvRunSummary.class);
        CsvTable m = RunFiles.csv(run, RunDirectory.METRICS);
        double[] x = m.doubles("step");
        Regime regime = s.regime();
        String title = "UV run: " + regime.describe();
        LinePlot lp = new LinePlot(title, "step", "loss").logY();
        Envelope.of(x, m.doubles("loss"), PLOT_BINS).addTo(lp, "loss ½Δf²");
        lp.chart().getStyler().setXAxisDecimalPattern("0");
        ChartFiles.save(lp.chart(), RunFiles.plots(run), "loss");
        LinePlot sp = new LinePlot(title, "step", "sharpness");
        if (regime.lateState() == LateState.DIVERGED) sp.logY();
        Envelope.of(x, m.doubles("sharpness"), PLOT_BINS).addTo(sp, "sharpness λ^H");
        Envelope.of(x, m.doubles("ntk"), PLOT_BINS).addTo(sp, "NTK λ");
        sp.horizontal("2/η", s.twoOverEta(), 0, Math.max(1, x[x.length - 1]));
        sp.chart().getStyler().setXAxisDecimalPattern("0");
        ChartFiles.save(sp.chart(), RunFiles.plots(run), "sharpness");
    }
}
