package org.sharpscope.cli.uv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.sharpscope.UserInputException;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.LinePlot;
import org.sharpscope.dynamics.Attractor;
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.dynamics.Lyapunov;
import org.sharpscope.dynamics.OrbitDiagram;
import org.sharpscope.uv.UvDimensionlessMap;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sharpscope uv lyapunov}: Lyapunov exponents of the EoS attractor at one η/η_c or over a range. */
@Command(name = "lyapunov", mixinStandardHelpOptions = true,
        description = {"Lyapunov exponents and period of the EoS attractor at one η/η_c or over a range.",
                "The largest exponent (on the EoS manifold map), the "
                + "transverse exponent of the manifold Q = 0, and the full spectrum of the 2-D map (QR method) "
                + "from a start slightly off the manifold; with the attractor's period (0 when chaotic).",
                "Give --eta-over-etac Y for one value, or --from/--to/--points for a range."})
public final class UvLyapunovCommand extends DynamicsCommand {
    @Option(names = "--eta-over-etac", paramLabel = "Y", description = "One value of η/η_c.")
    Double bigY;

    @Option(names = "--from", paramLabel = "Y", description = "Range start (with --to, --points).")
    Double from;

    @Option(names = "--to", paramLabel = "Y", description = "Range end.")
    Double to;

    @Option(names = "--points", defaultValue = "200", paramLabel = "N", description = "Values in the range (default ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--transient", defaultValue = "10000", paramLabel = "T", description = "Steps discarded first (default ${DEFAULT-VALUE}).")
    int transientSteps;

    @Option(names = "--steps", defaultValue = "100000", paramLabel = "N", description = "Steps averaged (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--x0", defaultValue = "0.1", paramLabel = "X", description = "Initial x = η√κΔf on the manifold (default ${DEFAULT-VALUE}).")
    double x0;

    private static final int MAX_PERIOD = 64;

    @Override
    String commandName() {
        return "lyapunov";
    }

    @Override
    void validate() {
        boolean range = from != null || to != null;
        if (bigY != null && range) throw new UserInputException("give either --eta-over-etac or --from/--to, not both");
        if (bigY == null && !range) throw new UserInputException("give --eta-over-etac Y, or a range with --from A --to B [--points N]");
        if (bigY != null) UserInputException.requirePositive("--eta-over-etac", bigY);
        if (range) {
            if (from == null || to == null) throw new UserInputException("a range needs both --from and --to");
            UserInputException.requirePositive("--from", from);
            UserInputException.requirePositive("--to", to);
            if (!(from < to)) throw new UserInputException("empty range --from " + from + " --to " + to + "; give --from < --to");
            if (points < 2 || points > 1_000_000) throw new UserInputException("--points must be in 2..1000000, got " + points);
        }
        if (transientSteps < 0) throw new UserInputException("--transient must be >= 0, got " + transientSteps);
        if (steps < 1) throw new UserInputException("--steps must be >= 1, got " + steps);
        UserInputException.requireFinite("--x0", x0);
    }

    @Override
    Map<String, Object> config() {
        return map("command", "uv lyapunov", "eta_over_etac", bigY, "from", from, "to", to,
                "points", bigY != null ? 1 : points, "transient", transientSteps, "steps", steps, "x0", x0);
    }

    /** One row: Y, largest, period, transverse, full spectrum (2). */
    private double[] row(double y) {
        EosManifoldMap g = new EosManifoldMap(y);
        double largest = Lyapunov.largest(g, x0, transientSteps, steps);
        double transverse = g.transverseLyapunov(x0, transientSteps, steps);
        double[] rec = Attractor.record(g, new double[] {x0}, transientSteps, 4 * MAX_PERIOD, (s, p) -> EosManifoldMap.etaLambda(s[0], p));
        int period = Attractor.period(rec, MAX_PERIOD);
        boolean diverged = Arrays.stream(rec).anyMatch(Double::isNaN);
        double[] start = g.lift(x0);
        start[1] += 0.05;
        double[] full = Lyapunov.spectrum(new UvDimensionlessMap(y), start, transientSteps, steps);
        return new double[] {y, largest, diverged ? -1 : period, transverse, full[0], full[1]};
    }

    @Override
    Map<String, Object> compute(RunDirectory dir) {
        double[] ys = bigY != null ? new double[] {bigY} : OrbitDiagram.linspace(from, to, points);
        double[][] rows = new double[ys.length][];
        IntStream.range(0, ys.length).parallel().forEach(i -> rows[i] = row(ys[i]));
        CsvTable t = new CsvTable(List.of("eta_over_etac", "lyapunov", "period", "transverse", "full_map_1", "full_map_2"));
        for (double[] r : rows) t.add(r[0], r[1], (int) r[2], r[3], r[4], r[5]);
        dir.writeMetrics(t);
        if (bigY != null) {
            double[] r = rows[0];
            return map("eta_over_etac", r[0], "lyapunov", finite(r[1]), "period", (int) r[2], "transverse", finite(r[3]),
                    "full_map_spectrum", Arrays.asList(finite(r[4]), finite(r[5])), "diverged", r[2] < 0);
        }
        LinePlot p = new LinePlot("Lyapunov exponents of the EoS attractor", "η/η_c", "exponent (per step)");
        p.line("largest (manifold)", column(rows, 0), column(rows, 1));
        p.line("transverse to Q = 0", column(rows, 0), column(rows, 3));
        p.horizontal("0", 0, ys[0], ys[ys.length - 1]);
        ChartFiles.save(p.chart(), dir.plots(), "lyapunov");
        return map("eta_over_etac", Arrays.stream(ys).boxed().toList(),
                "lyapunov", Arrays.stream(rows).map(r -> finite(r[1])).toList(),
                "period", Arrays.stream(rows).map(r -> (int) r[2]).toList(),
                "transverse", Arrays.stream(rows).map(r -> finite(r[3])).toList(),
                "full_map_spectrum", Arrays.stream(rows).map(r -> Arrays.asList(finite(r[4]), finite(r[5]))).toList());
    }

    private static double[] column(double[][] rows, int k) {
        return Arrays.stream(rows).mapToDouble(r -> r[k]).toArray();
    }

    @Override
    List<String> report(Map<String, Object> s) {
        List<String> out = new ArrayList<>();
        if (bigY != null) {
            out.add(String.format(Locale.ROOT, "η/η_c = %s: largest exponent %s, period %s (0: chaotic, -1: diverged), transverse %s, full 2-D spectrum %s",
                    s.get("eta_over_etac"), s.get("lyapunov"), s.get("period"), s.get("transverse"), s.get("full_map_spectrum")));
        } else {
            out.add(points + " values of η/η_c in [" + from + ", " + to + "] (metrics.csv, plots/lyapunov.png)");
        }
        return out;
    }
}
