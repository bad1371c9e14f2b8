package org.sharpscope.report.nn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.sharpscope.regime.LateState;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.LinePlot;
import org.sharpscope.report.plot.TrainingPlots;
import org.sharpscope.study.nn.CriticalEtaSummary;

/**
 * The plots of {@code critical-eta}: late sharpness × η/2 against η for every run of the search
 * (crossing 1, the stability threshold, near η_c), runs that converge apart from those that do
 * not, with η_c as a vertical line (plots/critical-eta.{png,svg}); the sharpness of every run
 * over its steps (plots/sharpness.{png,svg}); and each run's own training plots, where missing.
 */
public final class CriticalEtaFigures {
    private CriticalEtaFigures() {}

    public static void draw(Path run) {
        CriticalEtaSummary s = CriticalEtaSummary.read(run);
        Path plots = run.resolve("plots");
        List<CriticalEtaSummary.Run> drawn = new ArrayList<>(s.tries());
        drawn.sort(Comparator.comparingDouble(CriticalEtaSummary.Run::eta));
        double[] eta = drawn.stream().mapToDouble(CriticalEtaSummary.Run::eta).toArray();
        double[] y = drawn.stream().mapToDouble(CriticalEtaSummary.Run::lateEtaSharpnessHalf).toArray();
        double[] yConverging = new double[y.length];
        double[] yNot = new double[y.length];
        long diverged = drawn.stream().filter(r -> r.lateState() == LateState.DIVERGED).count();
        for (int i = 0; i < y.length; i++) {
            CriticalEtaSummary.Run r = drawn.get(i);
            boolean shown = r.lateState() != LateState.DIVERGED; // a diverged run's late sharpness is off any scale
            yConverging[i] = shown && r.converges() ? y[i] : Double.NaN;
            yNot[i] = shown && !r.converges() ? y[i] : Double.NaN;
        }
        String title = s.etaC() == null ? "Critical learning rate: no bracket found"
                : String.format(Locale.ROOT, "Critical learning rate η_c = %.5g (c_c = η_c·λ₀ = %.4g)", s.etaC(), s.cC());
        LinePlot p = new LinePlot(title, "η", "η · late λ^H / 2  (median, last quarter of the steps)");
        p.chart().getStyler().setMarkerSize(9);
        p.points("converges", eta, yConverging);
        p.points("does not converge" + (diverged > 0 ? " (" + diverged + " diverged, not drawn)" : ""), eta, yNot);
        double lo = eta.length == 0 ? 0 : eta[0];
        double hi = eta.length == 0 ? 1 : eta[eta.length - 1];
        p.horizontal("threshold ηλ^H/2 = 1", 1, lo, hi);
        if (s.etaC() != null) {
            double[] finite = java.util.Arrays.stream(y).filter(Double::isFinite).toArray();
            double yLo = Math.min(1, java.util.Arrays.stream(finite).min().orElse(1)) * 0.9;
            double yHi = Math.max(1, java.util.Arrays.stream(finite).filter(v -> v < 10).max().orElse(1)) * 1.1;
            p.line("η_c", new double[] {s.etaC(), s.etaC()}, new double[] {yLo, yHi});
        }
        ChartFiles.save(p.chart(), plots, "critical-eta");

        List<TrainingPlots.Run> runs = new ArrayList<>();
        for (CriticalEtaSummary.Run r : drawn) {
            Path dir = run.resolve(r.dir());
            if (!Files.isRegularFile(dir.resolve("summary.json"))) continue;
            if (!Files.isRegularFile(dir.resolve("plots").resolve("sharpness.png"))) {
                TrainingPlots.write(TrainingPlots.Run.read(dir), dir.resolve("plots"));
            }
            TrainingPlots.Run training = TrainingPlots.Run.read(dir);
            // the overlay cannot draw a run without one finite sharpness (one that diverged at its first step)
            if (training.metrics().probes().stream().anyMatch(probe -> Double.isFinite(probe.top()))) runs.add(training);
        }
        if (!runs.isEmpty()) TrainingPlots.sharpnessOverlay(runs, plots);
    }
}
