package org.sharpscope.report.uv;

import java.nio.file.Path;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.LinePlot;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;

/** The plot of {@code uv lyapunov} over a range: the largest and the transverse exponent against η/η_c. */
public final class LyapunovFigures {
    private LyapunovFigures() {}

    /** Writes plots/lyapunov.{png,svg} from metrics.csv (nothing for a single value). */
    public static void draw(Path run) {
        if (!RunFiles.summary(run).path("eta_over_etac").isArray()) return;
        CsvTable t = RunFiles.csv(run, RunDirectory.METRICS);
        double[] ys = t.doubles("eta_over_etac");
        LinePlot p = new LinePlot("Lyapunov exponents of the EoS attractor", "η/η_c", "exponent (per step)");
        p.line("largest (manifold)", ys, t.doubles("lyapunov"));
        p.line("transverse to Q = 0", ys, t.doubles("transverse"));
        p.horizontal("0", 0, ys[0], ys[ys.length - 1]);
        ChartFiles.save(p.chart(), RunFiles.plots(run), "lyapunov");
    }
}
