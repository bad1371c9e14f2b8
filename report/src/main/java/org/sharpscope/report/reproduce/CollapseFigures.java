package org.sharpscope.report.reproduce;

import org.sharpscope.study.reproduce.*;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.LinePlot;
import org.sharpscope.uv.EosManifoldMap;

/**
 * The figures of section 3, drawn from the metrics of the collapse runs: Q against step (log
 * scale) and the trajectories in the dimensionless plane (x = η√κΔf, ηλ) with the balanced curve.
 */
final class CollapseFigures {
    private CollapseFigures() {}

    /** Writes q.png and plane.png into {@code figures}; returns their paths. */
    static List<Path> draw(List<Path> runs, Path figures) {
        LinePlot q = new LinePlot("Collapse onto the EoS manifold: Q = λ² − 4κf² against step", "step", "Q").logY();
        LinePlot plane = new LinePlot("Trajectories in the plane and the balanced curve Q = 0", "x = η√κ Δf", "ηλ");
        double bigY = Double.NaN;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (Path run : runs) {
            Map<String, Object> s = RunFiles.summary(run);
            double eta = RunFiles.number(s, "eta");
            double kappa = RunFiles.number(s, "kappa");
            bigY = RunFiles.number(s, "eta_over_etac");
            double[] step = RunFiles.metrics(run, "step");
            double[] qs = RunFiles.metrics(run, "q");
            double[] res = RunFiles.metrics(run, "residual");
            double[] etaNtk = RunFiles.metrics(run, "eta_ntk");
            double[] x = new double[res.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = eta * Math.sqrt(kappa) * res[i];
                xMin = Math.min(xMin, x[i]);
                xMax = Math.max(xMax, x[i]);
            }
            String name = String.format(Locale.ROOT, "from f0=%s, λ0=%s", g(RunFiles.number(s, "f0")),
                    g(RunFiles.number(s, "lambda0")));
            q.line(name, step, qs);
            plane.points(name, x, etaNtk);
        }
        if (Double.isFinite(xMin)) {
            double lo = Math.max(xMin, -bigY);
            plane.line("Q = 0: ηλ = 2(x + Y)", new double[] {lo, xMax}, new double[] {EosManifoldMap.etaLambda(lo, bigY), EosManifoldMap.etaLambda(xMax, bigY)});
            plane.horizontal("ηλ = 2 (2/η)", 2, xMin, xMax);
        }
        q.chart().getStyler().setXAxisDecimalPattern("0");
        return List.of(ChartFiles.save(q.chart(), figures, "collapse_q"), ChartFiles.save(plane.chart(), figures, "collapse_plane"));
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
