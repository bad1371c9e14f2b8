package org.sharpscope.report.uv;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.VectorFieldPlot;
import org.sharpscope.run.CsvTable;
import org.sharpscope.study.uv.VectorFieldSummary;

/** The plot of {@code uv vector-field}: the update field with reference curves, fixed points and trajectories. */
public final class VectorFieldFigures {
    private static final Color[] TRAJECTORY_COLORS = {
            new Color(20, 20, 20), new Color(0, 120, 160), new Color(170, 0, 90), new Color(90, 90, 0)};

    private VectorFieldFigures() {}

    /** Writes plots/vector_field.png from summary.json, vector_field.csv, fixed_lines.csv and trajectories.csv. */
    public static void draw(Path run) {
        VectorFieldSummary s = RunFiles.summary(run, VectorFieldSummary.class);
        double bigY = s.etaOverEtac();
        double[] xr = {s.xRange().get(0), s.xRange().get(1)};
        double[] lr = {s.lambdaRange().get(0), s.lambdaRange().get(1)};
        CsvTable field = RunFiles.csv(run, "vector_field.csv");
        double[] x = field.doubles("x");
        double[] l = field.doubles("eta_lambda");
        double[] dx = field.doubles("dx");
        double[] dl = field.doubles("d_eta_lambda");
        List<VectorFieldPlot.Arrow> arrows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) arrows.add(new VectorFieldPlot.Arrow(x[i], l[i], dx[i], dl[i]));
        List<VectorFieldPlot.Curve> curves = new ArrayList<>(UvPhasePlane.referenceCurves(bigY, xr[0], xr[1], true));
        curves.addAll(UvPhasePlane.lineCurves(RunFiles.csv(run, "fixed_lines.csv")));
        curves.addAll(trajectories(RunFiles.csv(run, "trajectories.csv")));
        List<VectorFieldPlot.Marker> markers = new ArrayList<>();
        for (VectorFieldSummary.FixedPoint p : s.fixedPoints()) {
            markers.add(new VectorFieldPlot.Marker(p.x(), p.etaLambda(), p.stability().json()));
        }
        ChartFiles.saveImage(VectorFieldPlot.render(String.format(Locale.ROOT, "GD update field in (Δf, λ), η/η_c = %.4g", bigY),
                xr[0], xr[1], lr[0], lr[1], arrows, curves, markers, UvPhasePlane.forbidden(bigY),
                UvPhasePlane.X_LABEL, UvPhasePlane.Y_LABEL), RunFiles.plots(run), "vector_field");
    }

    /** One dotted curve per trajectory of trajectories.csv, named by its start. */
    private static List<VectorFieldPlot.Curve> trajectories(CsvTable t) {
        double[] id = t.doubles("trajectory");
        double[] x = t.doubles("x");
        double[] l = t.doubles("eta_lambda");
        List<VectorFieldPlot.Curve> out = new ArrayList<>();
        int from = 0;
        for (int k = 0; from < id.length; k++) {
            int to = from;
            while (to < id.length && id[to] == id[from]) to++;
            double[] tx = Arrays.copyOfRange(x, from, to);
            double[] tl = Arrays.copyOfRange(l, from, to);
            out.add(new VectorFieldPlot.Curve(String.format(Locale.ROOT, "trajectory from (%.3g, %.3g)", tx[0], tl[0]),
                    tx, tl, TRAJECTORY_COLORS[k % TRAJECTORY_COLORS.length], false, true));
            from = to;
        }
        return out;
    }
}
