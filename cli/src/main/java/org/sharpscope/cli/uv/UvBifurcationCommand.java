package org.sharpscope.cli.uv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sharpscope.UserInputException;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.OrbitDiagramPlot;
import org.sharpscope.dynamics.DiscreteMap;
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.dynamics.Observable;
import org.sharpscope.dynamics.OrbitDiagram;
import org.sharpscope.dynamics.PeriodicWindow;
import org.sharpscope.uv.UvDimensionlessMap;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.Npy;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.uv.UvSharpness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sharpscope uv bifurcation}: the orbit diagram of late-time sharpness against η/η_c. */
@Command(name = "bifurcation", mixinStandardHelpOptions = true,
        description = {"Orbit (bifurcation) diagram of late-time ηλ and ηλ^H against η/η_c, with Lyapunov exponents and windows.",
                "For each η/η_c, iterate a transient, then record ηλ and ηλ^H. "
                + "Writes eta_over_etac.npy, orbit_eta_lambda.npy and orbit_eta_lambda_h.npy (points × record, "
                + "float64, numpy.load reads them), bifurcation.csv (period, Lyapunov exponent, range per value), "
                + "density plots with the Lyapunov exponent below, and the periodic windows inside chaos.",
                "--map manifold (default) iterates the exact 1-D map on Q = 0; --map full the 2-D map from (--x0, --lambda0)."})
public final class UvBifurcationCommand extends DynamicsCommand {
    @Option(names = "--from", defaultValue = "0.9", paramLabel = "Y", description = "First η/η_c (default ${DEFAULT-VALUE}).")
    double from;

    @Option(names = "--to", defaultValue = "2.0", paramLabel = "Y", description = "Last η/η_c (default ${DEFAULT-VALUE}).")
    double to;

    @Option(names = "--points", defaultValue = "2000", paramLabel = "N", description = "Values of η/η_c (default ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--transient", defaultValue = "10000", paramLabel = "T", description = "Steps discarded per value (default ${DEFAULT-VALUE}).")
    int transientSteps;

    @Option(names = "--record", defaultValue = "1000", paramLabel = "R", description = "Steps recorded per value (default ${DEFAULT-VALUE}).")
    int record;

    @Option(names = "--map", defaultValue = "manifold", paramLabel = "MAP", description = "manifold or full (default ${DEFAULT-VALUE}).")
    UvFixedPointsCommand.MapKind map;

    @Option(names = "--x0", defaultValue = "0.1", paramLabel = "X", description = "Initial x = η√κΔf (default ${DEFAULT-VALUE}).")
    double x0;

    @Option(names = "--lambda0", paramLabel = "L",
            description = "Initial ηλ for --map full, the same for every η/η_c (must satisfy ηλ ≥ 2|x0 + Y| over the range). "
                    + "Default: 2|x0 + Y| + --lambda0-offset, a start just off the balanced curve.")
    Double lambda0;

    @Option(names = "--lambda0-offset", defaultValue = "0.1", paramLabel = "D",
            description = "For --map full without --lambda0: ηλ₀ = 2|x0 + Y| + D (default ${DEFAULT-VALUE}, ≥ 0).")
    double lambda0Offset;

    @Option(names = "--max-period", defaultValue = "64", paramLabel = "P", description = "Longest period detected (default ${DEFAULT-VALUE}).")
    int maxPeriod;

    private static final long MAX_VALUES = 150_000_000L;

    @Override
    String commandName() {
        return "bifurcation";
    }

    @Override
    void validate() {
        UserInputException.requireFinite("--from", from);
        UserInputException.requireFinite("--to", to);
        if (!(from < to)) throw new UserInputException("empty range --from " + from + " --to " + to + "; give --from < --to");
        if (points < 2) throw new UserInputException("--points must be >= 2, got " + points);
        if (transientSteps < 0) throw new UserInputException("--transient must be >= 0, got " + transientSteps);
        if (record < 2) throw new UserInputException("--record must be >= 2, got " + record);
        if ((long) points * record > MAX_VALUES) {
            throw new UserInputException("--points × --record = " + (long) points * record + " values exceeds " + MAX_VALUES + "; record fewer steps or values");
        }
        UserInputException.requireFinite("--x0", x0);
        UserInputException.requireFinite("--lambda0-offset", lambda0Offset);
        if (lambda0Offset < 0) throw new UserInputException("--lambda0-offset must be >= 0 (ηλ₀ below 2|x0 + Y| is unreachable), got " + lambda0Offset);
        if (maxPeriod < 1) throw new UserInputException("--max-period must be >= 1, got " + maxPeriod);
        if (lambda0 != null) UserInputException.requireFinite("--lambda0", lambda0);
        if (map == UvFixedPointsCommand.MapKind.full && lambda0 != null) {
            double worst = 2 * Math.max(Math.abs(x0 + from), Math.abs(x0 + to));
            if (lambda0 < worst) {
                throw new UserInputException("--lambda0 " + lambda0 + " is below 2|x0 + Y| = " + worst
                        + " somewhere in the range (no weights reach it); raise --lambda0");
            }
        }
    }

    @Override
    Map<String, Object> config() {
        return map("command", "uv bifurcation", "map", map.name(), "from", from, "to", to, "points", points,
                "transient", transientSteps, "record", record, "x0", x0,
                "lambda0", map == UvFixedPointsCommand.MapKind.full ? lambda0 : null,
                "lambda0_offset", map == UvFixedPointsCommand.MapKind.full && lambda0 == null ? lambda0Offset : null,
                "max_period", maxPeriod);
    }

    @Override
    Map<String, Object> compute(RunDirectory dir) {
        double[] ys = OrbitDiagram.linspace(from, to, points);
        DiscreteMap family;
        java.util.function.DoubleFunction<double[]> start;
        List<Observable> obs;
        if (map == UvFixedPointsCommand.MapKind.manifold) {
            family = new EosManifoldMap(from);
            start = y -> new double[] {x0};
            obs = List.of(Observable.scalar(EosManifoldMap::etaLambda),
                    Observable.scalar((x, y) -> UvSharpness.sharpness(x, EosManifoldMap.etaLambda(x, y), 1, y)));
        } else {
            family = new UvDimensionlessMap(from);
            start = lambda0 != null ? y -> new double[] {x0, lambda0} : y -> new double[] {x0, 2 * Math.abs(x0 + y) + lambda0Offset};
            obs = List.of((s, y) -> s[1], (s, y) -> UvSharpness.sharpness(s[0], s[1], 1, y));
        }
        long t0 = System.nanoTime();
        OrbitDiagram od = OrbitDiagram.compute(family, ys, start,
                new OrbitDiagram.Spec(transientSteps, record, List.of("eta_lambda", "eta_lambda_h"), obs, true, maxPeriod));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Npy.write(dir.file("eta_over_etac.npy"), ys, ys.length);
        Npy.write(dir.file("orbit_eta_lambda.npy"), od.values()[0], points, record);
        Npy.write(dir.file("orbit_eta_lambda_h.npy"), od.values()[1], points, record);
        CsvTable t = new CsvTable(List.of("eta_over_etac", "period", "lyapunov", "eta_lambda_min", "eta_lambda_max", "eta_lambda_h_min", "eta_lambda_h_max"));
        Double divergedFrom = null;
        int chaotic = 0;
        for (int i = 0; i < points; i++) {
            double[] r0 = minMax(od.values()[0], i, record);
            double[] r1 = minMax(od.values()[1], i, record);
            t.add(ys[i], od.periods()[i], od.lyapunov()[i], r0[0], r0[1], r1[0], r1[1]);
            if (od.periods()[i] == -1 && divergedFrom == null) divergedFrom = ys[i];
            if (od.periods()[i] == 0) chaotic++;
        }
        AtomicFiles.writeString(dir.file("bifurcation.csv"), t.toCsv());
        List<PeriodicWindow> windows = PeriodicWindow.find(ys, od.periods(), od.lyapunov(), 2);
        String what = map == UvFixedPointsCommand.MapKind.manifold ? "EoS manifold map" : (lambda0 != null ? String.format(Locale.ROOT, "full map from (%.3g, %.3g)", x0, lambda0)
                : String.format(Locale.ROOT, "full map from x0 = %.3g, ηλ₀ = 2|x0+Y| + %.3g", x0, lambda0Offset));
        ChartFiles.saveImage(OrbitDiagramPlot.render("Late-time ηλ, " + what, ys, od.values()[0], record,
                "η/η_c", "ηλ", od.lyapunov(), "Lyapunov exponent"), dir.plots(), "bifurcation_eta_lambda");
        ChartFiles.saveImage(OrbitDiagramPlot.render("Late-time ηλ^H (Hessian sharpness), " + what, ys, od.values()[1], record,
                "η/η_c", "ηλ^H", od.lyapunov(), "Lyapunov exponent"), dir.plots(), "bifurcation_eta_lambda_h");
        dir.putManifest("orbit_seconds", seconds);
        List<Map<String, Object>> w = new ArrayList<>();
        for (PeriodicWindow pw : windows) w.add(map("period", pw.period(), "from", pw.from(), "to", pw.to(), "points", pw.points()));
        return map("map", map.name(), "from", from, "to", to, "points", points, "transient", transientSteps, "record", record,
                "windows", w, "chaotic_fraction", chaotic / (double) points, "diverged_from", divergedFrom,
                "orbit_seconds", seconds,
                "files", List.of("eta_over_etac.npy", "orbit_eta_lambda.npy", "orbit_eta_lambda_h.npy", "bifurcation.csv",
                        "plots/bifurcation_eta_lambda.png", "plots/bifurcation_eta_lambda_h.png"));
    }

    private static double[] minMax(double[] v, int i, int r) {
        double[] range = org.sharpscope.report.plot.FiniteRange.of(v, i * r, i * r + r);
        return range != null ? range : new double[] {Double.NaN, Double.NaN};
    }

    @Override
    List<String> report(Map<String, Object> s) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%d values × %d recorded (after %d transient) in %.2f s; chaotic fraction %.3f; diverged from %s",
                points, record, transientSteps, (double) s.get("orbit_seconds"), (double) s.get("chaotic_fraction"), s.get("diverged_from")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> w = (List<Map<String, Object>>) s.get("windows");
        for (Map<String, Object> m : w) {
            out.add(String.format(Locale.ROOT, "  periodic window: period %s for η/η_c in [%.6f, %.6f]", m.get("period"), m.get("from"), m.get("to")));
        }
        return out;
    }
}
