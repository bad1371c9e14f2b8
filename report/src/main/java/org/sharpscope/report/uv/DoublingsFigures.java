package org.sharpscope.report.uv;

import java.nio.file.Path;
import java.util.Arrays;
import org.sharpscope.dynamics.DoublingCascade;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.LinePlot;
import org.sharpscope.run.CsvTable;

/** The plot of {@code uv doublings}: the gaps between doublings on a log scale, with the slope of Feigenbaum's δ. */
public final class DoublingsFigures {
    private DoublingsFigures() {}

    /** Writes plots/doubling_gaps.{png,svg} from doublings.csv when there are two doublings or more. */
    public static void draw(Path run) {
        CsvTable t = RunFiles.csv(run, "doublings.csv");
        double[] k = t.doubles("k");
        double[] gap = t.doubles("gap");
        if (k.length < 2) return;
        double[] ks = Arrays.copyOfRange(k, 1, k.length);
        double[] gaps = Arrays.copyOfRange(gap, 1, gap.length);
        LinePlot p = new LinePlot("Doubling gaps Y_k − Y_{k−1} (slope: Feigenbaum δ)", "k", "gap in η/η_c").logY();
        p.points("gaps", ks, gaps);
        double[] fit = new double[ks.length];
        for (int i = 0; i < ks.length; i++) fit[i] = gaps[0] * Math.pow(DoublingCascade.FEIGENBAUM_DELTA, -(ks[i] - ks[0]));
        p.line("δ = 4.6692", ks, fit);
        ChartFiles.save(p.chart(), RunFiles.plots(run), "doubling_gaps");
    }
}
