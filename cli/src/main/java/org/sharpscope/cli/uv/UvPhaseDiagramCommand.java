package org.sharpscope.cli.uv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.sharpscope.UserInputException;
import org.sharpscope.report.plot.CategoryMapPlot;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.dynamics.OrbitDiagram;
import org.sharpscope.uv.UvDimensionlessMap;
import org.sharpscope.regime.EarlyTrend;
import org.sharpscope.regime.LateState;
import org.sharpscope.regime.Regime;
import org.sharpscope.regime.RegimeAnalysis;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.uv.UvSharpness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sharpscope uv phase-diagram}: the regime of every cell of a 2-D grid of starts and learning rates. */
@Command(name = "phase-diagram", mixinStandardHelpOptions = true,
        description = {"Phase diagram: the regime of each cell of a grid of (c = ηλ₀ or η/η_c) × f₀/y.",
                "Each cell is a GD trajectory of the exact function-space map, "
                + "classified by org.sharpscope.regime.RegimeAnalysis (late state: converged / eos / chaotic / "
                + "diverged; early trend: sharpness reduction / progressive sharpening / flat).",
                "Axes: x is c = ηλ₀ (--x-axis c, at fixed --eta-over-etac) or η/η_c (--x-axis eta-over-etac, at fixed --c); "
                        + "y is the initial output over the target, f₀/y. Cells with c < 2(η/η_c)|f₀/y| are unreachable (Q₀ < 0)."})
public final class UvPhaseDiagramCommand extends DynamicsCommand {
    enum XAxis { c, eta_over_etac }

    @Option(names = "--x-axis", defaultValue = "c", paramLabel = "AXIS", description = "c or eta_over_etac (default ${DEFAULT-VALUE}).",
            converter = XAxisConverter.class)
    XAxis xAxis;

    @Option(names = "--x-range", split = ",", paramLabel = "LO,HI", description = "Range of the x axis (default 0.2,6 for c; 0.1,2.2 for η/η_c).")
    double[] xRange;

    @Option(names = "--f0-range", split = ",", paramLabel = "LO,HI", description = "Range of f₀/y (default -1,2).")
    double[] f0Range;

    @Option(names = "--eta-over-etac", defaultValue = "0.8", paramLabel = "Y", description = "Fixed η/η_c when the x axis is c (default ${DEFAULT-VALUE}).")
    double bigY;

    @Option(names = "--c", defaultValue = "3", paramLabel = "C", description = "Fixed c = ηλ₀ when the x axis is η/η_c (default ${DEFAULT-VALUE}).")
    double c;

    @Option(names = "--grid", split = ",", paramLabel = "NX,NY", description = "Cells per axis (default 120,90).")
    int[] gridSize;

    @Option(names = "--steps", defaultValue = "3000", paramLabel = "N", description = "GD steps per cell (default ${DEFAULT-VALUE}).")
    int steps;

    static final class XAxisConverter implements picocli.CommandLine.ITypeConverter<XAxis> {
        @Override
        public XAxis convert(String s) {
            return switch (s.toLowerCase(Locale.ROOT).replace('-', '_')) {
                case "c" -> XAxis.c;
                case "eta_over_etac" -> XAxis.eta_over_etac;
                default -> throw new picocli.CommandLine.TypeConversionException("expected c or eta-over-etac, got '" + s + "'");
            };
        }
    }

    @Override
    String commandName() {
        return "phase-diagram";
    }

    @Override
    void validate() {
        UvVectorFieldCommand.checkRange("--x-range", xRange);
        UvVectorFieldCommand.checkRange("--f0-range", f0Range);
        UserInputException.requirePositive("--eta-over-etac", bigY);
        UserInputException.requirePositive("--c", c);
        if (xr()[0] <= 0) throw new UserInputException("--x-range must be positive (c and η/η_c are > 0), got " + xr()[0]);
        int[] g = grid();
        if (g.length != 2 || g[0] < 2 || g[1] < 2 || (long) g[0] * g[1] > 2_000_000) {
            throw new UserInputException("--grid wants NX,NY with 2 ≤ N and NX·NY ≤ 2000000");
        }
        if (steps < 16 || steps > 1_000_000) throw new UserInputException("--steps must be in 16..1000000, got " + steps);
    }

    private double[] xr() {
        return xRange != null ? xRange : xAxis == XAxis.c ? new double[] {0.2, 6} : new double[] {0.1, 2.2};
    }

    private double[] fr() {
        return f0Range != null ? f0Range : new double[] {-1, 2};
    }

    private int[] grid() {
        return gridSize != null ? gridSize : new int[] {120, 90};
    }

    @Override
    Map<String, Object> config() {
        return map("command", "uv phase-diagram", "x_axis", xAxis.name(), "x_range", xr(), "f0_over_y_range", fr(),
                "eta_over_etac", xAxis == XAxis.c ? bigY : null, "c", xAxis == XAxis.c ? null : c, "grid", grid(), "steps", steps,
                "classifier", "org.sharpscope.regime.RegimeAnalysis (loss ½x², sharpness ηλ^H, η = 1 in dimensionless units)");
    }

    /** Regime of one cell, or null when the start is unreachable (Q₀ &lt; 0). */
    Regime classify(double y, double c0, double f0OverY) {
        double x0 = y * (f0OverY - 1);
        if (c0 * c0 < 4 * (x0 + y) * (x0 + y)) return null;
        UvDimensionlessMap m = new UvDimensionlessMap(y);
        long[] step = new long[steps];
        double[] loss = new double[steps];
        double[] sharp = new double[steps];
        double[] s = {x0, c0};
        boolean gone = false;
        for (int t = 0; t < steps; t++) {
            step[t] = t;
            if (!gone && !(Math.abs(s[0]) < 1e15 && Math.abs(s[1]) < 1e30)) gone = true;
            loss[t] = gone ? Double.POSITIVE_INFINITY : 0.5 * s[0] * s[0];
            sharp[t] = gone ? Double.NaN : UvSharpness.sharpness(s[0], s[1], 1, y);
            if (!gone) m.step(s, s);
        }
        return RegimeAnalysis.analyze(step, loss, sharp, 1.0);
    }

    @Override
    Map<String, Object> compute(RunDirectory dir) {
        int nx = grid()[0];
        int ny = grid()[1];
        double[] xs = OrbitDiagram.linspace(xr()[0], xr()[1], nx);
        double[] fs = OrbitDiagram.linspace(fr()[0], fr()[1], ny);
        Regime[] regimes = new Regime[nx * ny];
        IntStream.range(0, nx * ny).parallel().forEach(k -> {
            int i = k / ny;
            int j = k % ny;
            double y = xAxis == XAxis.c ? bigY : xs[i];
            double c0 = xAxis == XAxis.c ? xs[i] : c;
            regimes[k] = classify(y, c0, fs[j]);
        });
        List<String> lateLabels = new ArrayList<>();
        for (LateState s : LateState.values()) lateLabels.add(s.label());
        lateLabels.add("unreachable (Q₀ < 0)");
        List<String> trendLabels = new ArrayList<>();
        for (EarlyTrend t : EarlyTrend.values()) trendLabels.add(t.label());
        trendLabels.add("unreachable (Q₀ < 0)");
        int[] late = new int[nx * ny];
        int[] trend = new int[nx * ny];
        CsvTable t = new CsvTable(List.of(xAxis == XAxis.c ? "c" : "eta_over_etac", "f0_over_y", "reachable", "late_state",
                "early_trend", "catapult", "period"));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int k = 0; k < nx * ny; k++) {
            Regime r = regimes[k];
            late[k] = r == null ? LateState.values().length : r.lateState().ordinal();
            trend[k] = r == null ? EarlyTrend.values().length : r.earlyTrend().ordinal();
            String label = r == null ? "unreachable" : r.lateState().label();
            counts.merge(label, 1, Integer::sum);
            t.add(xs[k / ny], fs[k % ny], r != null, r == null ? null : r.lateState().label(),
                    r == null ? null : r.earlyTrend().label(), r == null ? null : r.catapult(), r == null ? null : r.period());
        }
        AtomicFiles.writeString(dir.file("phase_diagram.csv"), t.toCsv());
        String xLabel = xAxis == XAxis.c ? "c = ηλ₀" : "η/η_c";
        String fixed = xAxis == XAxis.c ? String.format(Locale.ROOT, "η/η_c = %.3g", bigY) : String.format(Locale.ROOT, "c = %.3g", c);
        ChartFiles.saveImage(CategoryMapPlot.render("Late state, " + fixed, xs, fs, late, lateLabels, xLabel, "f₀ / y"),
                dir.plots(), "phase_late_state");
        ChartFiles.saveImage(CategoryMapPlot.render("Early sharpness trend, " + fixed, xs, fs, trend, trendLabels, xLabel, "f₀ / y"),
                dir.plots(), "phase_early_trend");
        return map("x_axis", xAxis.name(), "x_range", xr(), "f0_over_y_range", fr(), "grid", grid(),
                "eta_over_etac", xAxis == XAxis.c ? bigY : null, "c", xAxis == XAxis.c ? null : c,
                "late_state_counts", counts, "classifier", "org.sharpscope.regime.RegimeAnalysis",
                "files", List.of("phase_diagram.csv", "plots/phase_late_state.png", "plots/phase_early_trend.png"));
    }

    @Override
    List<String> report(Map<String, Object> s) {
        return List.of("late states: " + s.get("late_state_counts"));
    }
}
