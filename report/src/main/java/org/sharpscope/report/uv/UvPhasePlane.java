package org.sharpscope.report.uv;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.sharpscope.report.plot.VectorFieldPlot;
import org.sharpscope.run.CsvTable;
import org.sharpscope.uv.UvTheory;

/**
 * The reference curves of the dimensionless UV plane (x = η√κΔf, ηλ) at Y = η/η_c, drawn from
 * {@link UvTheory}: the 2/η line, the balanced curves Q = 0, the nullclines of both updates and a
 * few gradient-flow hyperbolas; the lines of fixed points of a run; the unreachable region.
 */
final class UvPhasePlane {
    static final String X_LABEL = "x = η√κ Δf";
    static final String Y_LABEL = "ηλ";
    private static final int N = 600;

    private UvPhasePlane() {}

    static List<VectorFieldPlot.Curve> referenceCurves(double bigY, double xMin, double xMax, boolean withNullclines) {
        List<VectorFieldPlot.Curve> out = new ArrayList<>();
        double[] xs = new double[N];
        for (int i = 0; i < N; i++) xs[i] = xMin + (xMax - xMin) * i / (N - 1);
        out.add(new VectorFieldPlot.Curve("ηλ = 2 (2/η line)", new double[] {xMin, xMax}, new double[] {2, 2}, Color.DARK_GRAY, true, false));
        double[] q0 = new double[N];
        for (int i = 0; i < N; i++) q0[i] = UvTheory.balancedEtaLambda(xs[i], bigY);
        out.add(new VectorFieldPlot.Curve("Q = 0 (balanced, EoS manifold)", xs, q0, new Color(30, 100, 200), false, false));
        if (withNullclines) {
            double[] nx = new double[N];
            double[] nl = new double[N];
            for (int i = 0; i < N; i++) {
                nx[i] = UvTheory.xNullclineEtaLambda(xs[i], bigY);
                nl[i] = Math.abs(xs[i]) < 1e-9 ? Double.NaN : UvTheory.etaLambdaNullcline(xs[i], bigY);
                if (i > 0 && xs[i - 1] < 0 && xs[i] >= 0) nl[i] = Double.NaN; // break the hyperbola at x = 0
            }
            out.add(new VectorFieldPlot.Curve("x-nullcline ηλ = x(x+Y)", xs, nx, new Color(200, 120, 0), true, false));
            out.add(new VectorFieldPlot.Curve("ηλ-nullcline ηλ = 4(x+Y)/x", xs, nl, new Color(150, 60, 170), true, false));
            Color gf = new Color(120, 170, 120);
            for (double q : new double[] {1, 4, 9}) {
                double[] h = new double[N];
                for (int i = 0; i < N; i++) h[i] = UvTheory.gradientFlowEtaLambda(xs[i], bigY, q);
                out.add(new VectorFieldPlot.Curve(q == 1 ? "gradient-flow hyperbolas η²Q = 1, 4, 9" : "", xs, h, gf, false, false));
            }
        }
        return out;
    }

    /** The segments of fixed_lines.csv: the stable part solid green, the rest solid red. */
    static List<VectorFieldPlot.Curve> lineCurves(CsvTable segments) {
        double[] x0 = segments.doubles("x_from");
        double[] l0 = segments.doubles("eta_lambda_from");
        double[] x1 = segments.doubles("x_to");
        double[] l1 = segments.doubles("eta_lambda_to");
        List<String> transverse = segments.strings("transverse_stability");
        List<VectorFieldPlot.Curve> out = new ArrayList<>();
        boolean namedStable = false;
        boolean namedUnstable = false;
        for (int i = 0; i < x0.length; i++) {
            boolean stable = "stable".equals(transverse.get(i));
            if (x0[i] == x1[i] && l0[i] == l1[i]) continue;
            String name = stable ? (namedStable ? "" : "minima, stable (ηλ < 2)") : (namedUnstable ? "" : "minima, unstable");
            if (stable) namedStable = true;
            else namedUnstable = true;
            out.add(new VectorFieldPlot.Curve(name, new double[] {x0[i], x1[i]}, new double[] {l0[i], l1[i]},
                    stable ? new Color(30, 140, 60) : new Color(200, 30, 30), false, false));
        }
        return out;
    }

    /** Q &lt; 0 or ηλ &lt; 0: states no weights can reach. */
    static BiPredicate<Double, Double> forbidden(double bigY) {
        return (x, l) -> !UvTheory.reachable(x, l, bigY);
    }
}
