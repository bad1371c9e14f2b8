package org.sharpscope.cli.uv;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sharpscope.UserInputException;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.VectorFieldPlot;
import org.sharpscope.dynamics.Box;
import org.sharpscope.dynamics.FixedPointSet;
import org.sharpscope.dynamics.FixedPoints;
import org.sharpscope.dynamics.PeriodicOrbit;
import org.sharpscope.uv.UvDimensionlessMap;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sharpscope uv vector-field}: the field of function updates in the (Δf, λ) plane. */
@Command(name = "vector-field", mixinStandardHelpOptions = true,
        description = {"Vector field of GD function updates in the (Δf, λ) plane, with fixed points and trajectories.",
                "The field of one GD step in the (Δf, λ) plane (dimensionless: x = η√κΔf, ηλ) at one "
                + "η/η_c: arrows, the line of minima, the 2/η line, both nullclines, gradient-flow hyperbolas, "
                + "the balanced curve Q = 0, fixed points with their stability, and trajectories overlaid.",
                "The grey region (Q < 0) is unreachable by any weights."})
public final class UvVectorFieldCommand extends DynamicsCommand {
    @Option(names = "--eta-over-etac", required = true, paramLabel = "Y", description = "η/η_c (> 0).")
    double bigY;

    @Option(names = "--x-range", split = ",", paramLabel = "LO,HI", description = "Range of x = η√κΔf (default -1.5,1.5).")
    double[] xRange;

    @Option(names = "--lambda-range", split = ",", paramLabel = "LO,HI", description = "Range of ηλ (default 0,4+2Y).")
    double[] lRange;

    @Option(names = "--grid", defaultValue = "25", paramLabel = "N", description = "Arrows per axis (default ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--trajectory", paramLabel = "X,L", split = ";",
            description = "Start (x, ηλ) of a trajectory to overlay; repeat for more. Default: two starts on either side of ηλ = 2.")
    List<String> trajectories;

    @Option(names = "--steps", defaultValue = "40", paramLabel = "N", description = "Steps per trajectory (default ${DEFAULT-VALUE}).")
    int steps;

    private double[][] starts;

    @Override
    String commandName() {
        return "vector-field";
    }

    @Override
    void validate() {
        UserInputException.requirePositive("--eta-over-etac", bigY);
        checkRange("--x-range", xRange);
        checkRange("--lambda-range", lRange);
        if (grid < 2 || grid > 200) throw new UserInputException("--grid must be in 2..200, got " + grid);
        if (steps < 1 || steps > 100_000) throw new UserInputException("--steps must be in 1..100000, got " + steps);
        List<double[]> s = new ArrayList<>();
        if (trajectories == null) {
            s.add(new double[] {-0.6 * Math.min(1, bigY), 2 * Math.abs(bigY * 0.4) + 0.3});
            s.add(new double[] {0.3, 2 * (0.3 + bigY) + 0.4});
        } else {
            for (String t : trajectories) {
                String[] p = t.split(",");
                if (p.length != 2) throw new UserInputException("--trajectory wants X,L (two numbers), got '" + t + "'");
                try {
                    double x = UserInputException.requireFinite("--trajectory x", Double.parseDouble(p[0].trim()));
                    double l = UserInputException.requireFinite("--trajectory ηλ", Double.parseDouble(p[1].trim()));
                    s.add(new double[] {x, l});
                } catch (NumberFormatException e) {
                    throw new UserInputException("--trajectory wants numbers X,L, got '" + t + "'");
                }
            }
        }
        starts = s.toArray(new double[0][]);
    }

    static void checkRange(String name, double[] r) {
        if (r == null) return;
        if (r.length != 2) throw new UserInputException(name + " wants LO,HI (two numbers), got " + r.length);
        UserInputException.requireFinite(name, r[0]);
        UserInputException.requireFinite(name, r[1]);
        if (!(r[0] < r[1])) throw new UserInputException(name + ": empty range " + r[0] + ".." + r[1] + "; give LO < HI");
    }

    private double[] xr() {
        return xRange != null ? xRange : new double[] {-1.5, 1.5};
    }

    private double[] lr() {
        return lRange != null ? lRange : new double[] {0, 4 + 2 * bigY};
    }

    @Override
    Map<String, Object> config() {
        return map("command", "uv vector-field", "eta_over_etac", bigY, "x_range", xr(), "lambda_range", lr(), "grid", grid,
                "trajectories", List.of(starts), "steps", steps);
    }

    @Override
    Map<String, Object> compute(RunDirectory dir) {
        UvDimensionlessMap m = new UvDimensionlessMap(bigY);
        double[] xr = xr();
        double[] lr = lr();
        List<VectorFieldPlot.Arrow> arrows = new ArrayList<>();
        CsvTable field = new CsvTable(List.of("x", "eta_lambda", "dx", "d_eta_lambda"));
        double[] out = new double[2];
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                double x = xr[0] + (i + 0.5) * (xr[1] - xr[0]) / grid;
                double l = lr[0] + (j + 0.5) * (lr[1] - lr[0]) / grid;
                m.step(new double[] {x, l}, out);
                field.add(x, l, out[0] - x, out[1] - l);
                arrows.add(new VectorFieldPlot.Arrow(x, l, out[0] - x, out[1] - l));
            }
        }
        AtomicFiles.writeString(dir.file("vector_field.csv"), field.toCsv());
        List<VectorFieldPlot.Curve> curves = new ArrayList<>(UvPhasePlane.referenceCurves(bigY, xr[0], xr[1], true));
        FixedPointSet fps = FixedPoints.find(m, new Box(new double[] {xr[0], lr[0] - 1e-9}, new double[] {xr[1], lr[1]}), 1, 30);
        curves.addAll(UvPhasePlane.lineCurves(fps.lines()));
        CsvTable traj = new CsvTable(List.of("trajectory", "step", "x", "eta_lambda", "q"));
        Color[] colors = {new Color(20, 20, 20), new Color(0, 120, 160), new Color(170, 0, 90), new Color(90, 90, 0)};
        List<Map<String, Object>> trajSummary = new ArrayList<>();
        for (int k = 0; k < starts.length; k++) {
            double[] s = starts[k].clone();
            double[] tx = new double[steps + 1];
            double[] tl = new double[steps + 1];
            for (int t = 0; t <= steps; t++) {
                tx[t] = s[0];
                tl[t] = s[1];
                traj.add(k, t, s[0], s[1], m.q(s));
                m.step(s, s);
            }
            curves.add(new VectorFieldPlot.Curve(String.format(Locale.ROOT, "trajectory from (%.3g, %.3g)", starts[k][0], starts[k][1]),
                    tx, tl, colors[k % colors.length], false, true));
            trajSummary.add(map("start", starts[k], "end", new double[] {tx[steps], tl[steps]}));
        }
        AtomicFiles.writeString(dir.file("trajectories.csv"), traj.toCsv());
        List<VectorFieldPlot.Marker> markers = new ArrayList<>();
        List<Map<String, Object>> fixed = new ArrayList<>();
        for (PeriodicOrbit o : fps.orbits()) {
            markers.add(new VectorFieldPlot.Marker(o.points()[0][0], o.points()[0][1], o.stability().json()));
            fixed.add(map("x", o.points()[0][0], "eta_lambda", o.points()[0][1], "stability", o.stability().json(), "admissible", o.admissible()));
        }
        ChartFiles.saveImage(VectorFieldPlot.render(String.format(Locale.ROOT, "GD update field in (Δf, λ), η/η_c = %.4g", bigY),
                xr[0], xr[1], lr[0], lr[1], arrows, curves, markers, UvPhasePlane.forbidden(bigY),
                UvPhasePlane.X_LABEL, UvPhasePlane.Y_LABEL), dir.plots(), "vector_field");
        return map("eta_over_etac", bigY, "x_range", xr, "lambda_range", lr, "fixed_points", fixed,
                "minima_line", map("x", 0.0, "stable_reachable_eta_lambda", bigY < 1 ? List.of(2 * bigY, 2.0) : null,
                        "note", "minima x = 0 are stable for ηλ < 2 and reachable for ηλ ≥ 2Y"),
                "trajectories", trajSummary,
                "files", List.of("vector_field.csv", "trajectories.csv", "plots/vector_field.png"));
    }

    @Override
    List<String> report(Map<String, Object> s) {
        return List.of("fixed points " + s.get("fixed_points"));
    }
}
