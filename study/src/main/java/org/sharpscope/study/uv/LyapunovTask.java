package org.sharpscope.study.uv;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.sharpscope.dynamics.Attractor;
import org.sharpscope.dynamics.Lyapunov;
import org.sharpscope.dynamics.OrbitDiagram;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Task;
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.uv.UvDimensionlessMap;

/**
 * {@code uv lyapunov}: at each η/η_c, the largest Lyapunov exponent of the EoS attractor (on the
 * manifold map), its exponent transverse to Q = 0, the full spectrum of the 2-D map from a start
 * slightly off the manifold, and the attractor's period. Writes metrics.csv, one row per value.
 */
public final class LyapunovTask implements Task<LyapunovSpec, LyapunovSummary> {
    private static final int MAX_PERIOD = 64;
    /** How far above the manifold (in ηλ) the 2-D map starts, so that its transverse exponent shows. */
    private static final double OFF_MANIFOLD = 0.05;

    @Override
    public String name() {
        return "uv lyapunov";
    }

    @Override
    public Class<LyapunovSpec> specType() {
        return LyapunovSpec.class;
    }

    @Override
    public LyapunovSummary run(LyapunovSpec spec, RunContext context) {
        boolean one = !spec.overRange();
        return DynamicsRun.record(name(), DynamicsRun.config("command", name(), "eta_over_etac", spec.etaOverEtac(),
                "from", spec.from(), "to", spec.to(), "points", one ? 1 : spec.points(), "transient", spec.transientSteps(),
                "steps", spec.steps(), "x0", spec.x0()), context, dir -> compute(spec, dir));
    }

    /** One row: Y, largest, period (-1: diverged), transverse, full spectrum (2). */
    private static double[] row(LyapunovSpec spec, double y) {
        EosManifoldMap g = new EosManifoldMap(y);
        double x0 = spec.x0();
        int transientSteps = spec.transientSteps();
        int steps = spec.steps();
        double largest = Lyapunov.largest(g, x0, transientSteps, steps);
        double transverse = g.transverseLyapunov(x0, transientSteps, steps);
        double[] rec = Attractor.record(g, new double[] {x0}, transientSteps, 4 * MAX_PERIOD,
                (s, p) -> EosManifoldMap.etaLambda(s[0], p));
        int period = Attractor.period(rec, MAX_PERIOD);
        boolean diverged = Arrays.stream(rec).anyMatch(Double::isNaN);
        double[] start = g.lift(x0);
        start[1] += OFF_MANIFOLD;
        double[] full = Lyapunov.spectrum(new UvDimensionlessMap(y), start, transientSteps, steps);
        return new double[] {y, largest, diverged ? -1 : period, transverse, full[0], full[1]};
    }

    private static LyapunovSummary compute(LyapunovSpec spec, RunDirectory dir) {
        double[] ys = spec.overRange() ? OrbitDiagram.linspace(spec.from(), spec.to(), spec.points())
                : new double[] {spec.etaOverEtac()};
        double[][] rows = new double[ys.length][];
        IntStream.range(0, ys.length).parallel().forEach(i -> rows[i] = row(spec, ys[i]));
        CsvTable t = new CsvTable(List.of("eta_over_etac", "lyapunov", "period", "transverse", "full_map_1", "full_map_2"));
        for (double[] r : rows) t.add(r[0], r[1], (int) r[2], r[3], r[4], r[5]);
        dir.writeMetrics(t);
        if (!spec.overRange()) {
            double[] r = rows[0];
            return new LyapunovSummary(new LyapunovSummary.AtOneValue(r[0], DynamicsRun.finite(r[1]), (int) r[2],
                    DynamicsRun.finite(r[3]), Arrays.asList(DynamicsRun.finite(r[4]), DynamicsRun.finite(r[5])), r[2] < 0),
                    null);
        }
        return new LyapunovSummary(null, new LyapunovSummary.OverRange(
                Arrays.stream(ys).boxed().toList(),
                Arrays.stream(rows).map(r -> DynamicsRun.finite(r[1])).toList(),
                Arrays.stream(rows).map(r -> (int) r[2]).toList(),
                Arrays.stream(rows).map(r -> DynamicsRun.finite(r[3])).toList(),
                Arrays.stream(rows).map(r -> Arrays.asList(DynamicsRun.finite(r[4]), DynamicsRun.finite(r[5]))).toList()));
    }
}
