package org.sharpscope.report.uv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.VectorFieldPlot;
import org.sharpscope.study.uv.FixedPointsSummary;
import org.sharpscope.study.uv.MapKind;

/** The plot of {@code uv fixed-points} on the full map: the orbits by stability and the lines of fixed points in the plane. */
public final class FixedPointsFigures {
    private FixedPointsFigures() {}

    /** Writes plots/fixed_points.png (nothing for the manifold map) from summary.json and fixed_lines.csv. */
    public static void draw(Path run) {
        FixedPointsSummary s = RunFiles.summary(run, FixedPointsSummary.class);
        if (s.map() != MapKind.full) return;
        double bigY = s.etaOverEtac();
        double[] lo = s.box().lo();
        double[] hi = s.box().hi();
        List<VectorFieldPlot.Curve> curves = new ArrayList<>(UvPhasePlane.referenceCurves(bigY, lo[0], hi[0], false));
        List<VectorFieldPlot.Marker> markers = new ArrayList<>();
        for (FixedPointsSummary.Orbit o : s.orbits()) {
            for (FixedPointsSummary.Point p : o.points()) markers.add(new VectorFieldPlot.Marker(p.x(), p.etaLambda(), o.stability().json()));
        }
        curves.addAll(UvPhasePlane.lineCurves(RunFiles.csv(run, "fixed_lines.csv")));
        ChartFiles.saveImage(VectorFieldPlot.render(String.format(Locale.ROOT, "Fixed points, η/η_c = %.4g", bigY),
                lo[0], hi[0], lo[1], hi[1], List.of(), curves, markers, UvPhasePlane.forbidden(bigY),
                UvPhasePlane.X_LABEL, UvPhasePlane.Y_LABEL), RunFiles.plots(run), "fixed_points");
    }
}
