package org.sharpscope.study.uv;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.sharpscope.dynamics.DiscreteMap;
import org.sharpscope.dynamics.Observable;
import org.sharpscope.dynamics.OrbitDiagram;
import org.sharpscope.dynamics.PeriodicWindow;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.Npy;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Task;
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.uv.UvDimensionlessMap;
import org.sharpscope.uv.UvSharpness;

/**
 * {@code uv bifurcation}: for each η/η_c, iterate a transient, then record ηλ and ηλ^H. Writes
 * eta_over_etac.npy, orbit_eta_lambda.npy (points × record, float64), orbit_eta_lambda_h.npy
 * (the same for ηλ^H) when {@link BifurcationSpec#sharpnessOrbits() asked for}, and
 * bifurcation.csv (period, Lyapunov exponent and the recorded ranges of both per value).
 */
public final class BifurcationTask implements Task<BifurcationSpec, BifurcationSummary> {
    /** The data files, then the plots the report draws from them. */
    private static final List<String> FILES = List.of("eta_over_etac.npy", "orbit_eta_lambda.npy", "bifurcation.csv",
            "plots/bifurcation_eta_lambda.png");
    /** With {@link BifurcationSpec#sharpnessOrbits()}. */
    private static final List<String> FILES_WITH_SHARPNESS = List.of("eta_over_etac.npy", "orbit_eta_lambda.npy",
            "orbit_eta_lambda_h.npy", "bifurcation.csv", "plots/bifurcation_eta_lambda.png", "plots/bifurcation_eta_lambda_h.png");

    @Override
    public String name() {
        return "uv bifurcation";
    }

    @Override
    public Class<BifurcationSpec> specType() {
        return BifurcationSpec.class;
    }

    @Override
    public BifurcationSummary run(BifurcationSpec spec, RunContext context) {
        boolean full = spec.map() == MapKind.full;
        return DynamicsRun.record(name(), DynamicsRun.config("command", name(), "map", spec.map().name(), "from", spec.from(),
                "to", spec.to(), "points", spec.points(), "transient", spec.transientSteps(), "record", spec.record(),
                "x0", spec.x0(), "lambda0", full ? spec.lambda0() : null,
                "lambda0_offset", full && spec.lambda0() == null ? spec.lambda0Offset() : null,
                "max_period", spec.maxPeriod(), "sharpness_orbits", spec.sharpnessOrbits()), context, dir -> compute(spec, dir));
    }

    private static BifurcationSummary compute(BifurcationSpec spec, RunDirectory dir) {
        int points = spec.points();
        int record = spec.record();
        double x0 = spec.x0();
        double[] ys = OrbitDiagram.linspace(spec.from(), spec.to(), points);
        DiscreteMap family;
        DoubleFunction<double[]> start;
        List<Observable> obs;
        if (spec.map() == MapKind.manifold) {
            family = new EosManifoldMap(spec.from());
            start = y -> new double[] {x0};
            obs = List.of(Observable.scalar(EosManifoldMap::etaLambda),
                    Observable.scalar((x, y) -> UvSharpness.sharpness(x, EosManifoldMap.etaLambda(x, y), 1, y)));
        } else {
            family = new UvDimensionlessMap(spec.from());
            Double lambda0 = spec.lambda0();
            double offset = spec.lambda0Offset();
            start = lambda0 != null ? y -> new double[] {x0, lambda0} : y -> new double[] {x0, 2 * Math.abs(x0 + y) + offset};
            obs = List.of((s, y) -> s[1], (s, y) -> UvSharpness.sharpness(s[0], s[1], 1, y));
        }
        long t0 = System.nanoTime();
        OrbitDiagram od = OrbitDiagram.compute(family, ys, start, new OrbitDiagram.Spec(spec.transientSteps(), record,
                List.of("eta_lambda", "eta_lambda_h"), obs, true, spec.maxPeriod()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        // The files are independent: written at once, the orbits' bytes go out while the table is formatted.
        List<Runnable> writes = new ArrayList<>();
        writes.add(() -> {
            Npy.write(dir.file("eta_over_etac.npy"), ys, ys.length);
            Npy.write(dir.file("orbit_eta_lambda.npy"), od.values()[0], points, record);
        });
        if (spec.sharpnessOrbits()) writes.add(() -> Npy.write(dir.file("orbit_eta_lambda_h.npy"), od.values()[1], points, record));
        writes.add(() -> AtomicFiles.writeString(dir.file("bifurcation.csv"), table(ys, od).toCsv()));
        writes.parallelStream().forEach(Runnable::run);
        Double divergedFrom = null;
        int chaotic = 0;
        for (int i = 0; i < points; i++) {
            if (od.periods()[i] == -1 && divergedFrom == null) divergedFrom = ys[i];
            if (od.periods()[i] == 0) chaotic++;
        }
        List<PeriodicWindow> windows = PeriodicWindow.find(ys, od.periods(), od.lyapunov(), 2);
        dir.putManifest("orbit_seconds", seconds);
        return new BifurcationSummary(spec.map(), spec.from(), spec.to(), points, spec.transientSteps(), record, windows,
                chaotic / (double) points, divergedFrom, seconds,
                spec.sharpnessOrbits() ? FILES_WITH_SHARPNESS : FILES);
    }

    /** bifurcation.csv: per value of η/η_c its period, Lyapunov exponent and the recorded ranges of ηλ and ηλ^H. */
    private static CsvTable table(double[] ys, OrbitDiagram od) {
        int record = od.recorded();
        CsvTable t = new CsvTable(List.of("eta_over_etac", "period", "lyapunov", "eta_lambda_min", "eta_lambda_max",
                "eta_lambda_h_min", "eta_lambda_h_max"));
        for (int i = 0; i < ys.length; i++) {
            double[] r0 = finiteRange(od.values()[0], i * record, (i + 1) * record);
            double[] r1 = finiteRange(od.values()[1], i * record, (i + 1) * record);
            t.add(ys[i], od.periods()[i], od.lyapunov()[i], r0[0], r0[1], r1[0], r1[1]);
        }
        return t;
    }

    /** {lo, hi} of the finite values of {@code v[from, to)}; NaN, NaN when there is none. */
    private static double[] finiteRange(double[] v, int from, int to) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(v[i])) {
                lo = Math.min(lo, v[i]);
                hi = Math.max(hi, v[i]);
            }
        }
        return Double.isFinite(lo) ? new double[] {lo, hi} : new double[] {Double.NaN, Double.NaN};
    }
}
