package org.sharpscope.report.plot;

import java.nio.file.Path;
import java.util.List;
import org.sharpscope.nn.train.MetricsLog;
import org.sharpscope.nn.train.Probe;
import org.sharpscope.nn.train.TrainSummary;

/**
 * The plots of a training run, drawn from its run directory: loss against step (log y),
 * sharpness against step with the stability threshold 2/η dashed, weight norm against
 * sharpness, and, for a run measuring Lyapunov exponents, their running estimates against step;
 * plus an overlay of the sharpness of several runs with each run's 2/η.
 */
public final class TrainingPlots {
    /** One run to plot: a label, its probes and its stability threshold (2/η, or 2(1+β)/η). */
    public record Run(String label, MetricsLog metrics, double threshold) {
        /** The run in {@code runDir} (its metrics.csv and summary.json), labelled with the directory's name. */
        public static Run read(Path runDir) {
            return new Run(runDir.getFileName().toString(), MetricsLog.read(runDir),
                    TrainSummary.read(runDir).stabilityThreshold());
        }
    }

    private TrainingPlots() {}

    /**
     * Writes loss.png, sharpness.png, weight-norm-vs-sharpness.png and, when the run measured them,
     * lyapunov.png (and SVGs) into {@code dir}.
     */
    public static void write(Run run, Path dir) {
        List<Probe> ps = run.metrics().probes();
        double[] step = column(ps, 0);
        double xMax = Math.max(1, step[step.length - 1]);
        ChartFiles.save(new LinePlot("Training loss", "step", "loss").logY().line("loss", step, column(ps, 1)).chart(), dir, "loss");

        LinePlot sharp = new LinePlot("Sharpness", "step", "top Hessian eigenvalue λ^H");
        int k = ps.get(0).sharpness().length;
        for (int i = 0; i < k; i++) {
            final int j = i;
            double[] y = ps.stream().mapToDouble(p -> p.sharpness()[j]).toArray();
            sharp.line(i == 0 ? "λ₁^H" : "λ" + (i + 1) + "^H", step, y);
        }
        sharp.horizontal("2/η", run.threshold(), 0, xMax);
        ChartFiles.save(sharp.chart(), dir, "sharpness");

        LinePlot wn = new LinePlot("Weight norm against sharpness", "λ^H", "‖θ‖");
        wn.points("probes", column(ps, 2), column(ps, 3));
        ChartFiles.save(wn.chart(), dir, "weight-norm-vs-sharpness");
        if (run.metrics().lyapunov() > 0) lyapunov(run.metrics(), dir);
    }

    /**
     * The running Lyapunov exponents against step (each probe's average over the steps since the
     * transient): the weight-space ones and the largest seen by the loss, with a dashed zero line.
     */
    private static void lyapunov(MetricsLog metrics, Path dir) {
        List<Probe> ps = metrics.probes();
        double[] step = column(ps, 0);
        LinePlot p = new LinePlot("Lyapunov exponents of the training map (running averages)", "step", "exponent per step");
        int k = metrics.lyapunov();
        for (int i = 0; i <= k; i++) {
            final int j = i;
            double[] y = ps.stream().mapToDouble(q -> q.lyapunov()[j]).toArray();
            p.line(i == k ? "seen by the loss" : "weight space λ" + (i + 1), step, y);
        }
        p.horizontal("0", 0, 0, Math.max(1, step[step.length - 1]));
        ChartFiles.save(p.chart(), dir, "lyapunov");
    }

    /** Sharpness of several runs with each run's threshold, as sharpness.png in {@code dir}. */
    public static void sharpnessOverlay(List<Run> runs, Path dir) {
        LinePlot p = new LinePlot("Sharpness at several learning rates", "step", "λ^H");
        double xMax = 1;
        for (Run r : runs) xMax = Math.max(xMax, r.metrics().last().step());
        for (Run r : runs) {
            List<Probe> ps = r.metrics().probes();
            p.line(r.label(), column(ps, 0), column(ps, 2));
        }
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            p.chart().getSeriesMap().get(r.label()).setLineColor(p.seriesColor(i));
            p.horizontal("2/η " + r.label(), r.threshold(), 0, xMax, p.seriesColor(i));
        }
        ChartFiles.save(p.chart(), dir, "sharpness");
    }

    /** 0: step, 1: loss, 2: sharpness, 3: weight norm. */
    private static double[] column(List<Probe> ps, int which) {
        return ps.stream().mapToDouble(p -> switch (which) {
            case 0 -> p.step();
            case 1 -> p.loss();
            case 2 -> p.top();
            default -> p.weightNorm();
        }).toArray();
    }
}
