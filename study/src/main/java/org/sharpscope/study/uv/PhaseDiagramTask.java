package org.sharpscope.study.uv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.sharpscope.dynamics.OrbitDiagram;
import org.sharpscope.regime.Regime;
import org.sharpscope.regime.RegimeAnalysis;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Task;
import org.sharpscope.uv.FunctionEngine;
import org.sharpscope.uv.UvSimulation;
import org.sharpscope.uv.UvTheory;

/**
 * {@code uv phase-diagram}: each cell of the grid is a GD trajectory of the exact function-space
 * map in dimensionless units (η = κ = 1), run by {@link UvSimulation} and classified by
 * {@link RegimeAnalysis}. Writes phase_diagram.csv, one row per cell.
 */
public final class PhaseDiagramTask implements Task<PhaseDiagramSpec, PhaseDiagramSummary> {
    private static final String CLASSIFIER = RegimeAnalysis.class.getName();
    private static final List<String> FILES = List.of("phase_diagram.csv", "plots/phase_late_state.png", "plots/phase_early_trend.png");
    /** The late-state label of cells whose start no weights reach. */
    public static final String UNREACHABLE = "unreachable";

    @Override
    public String name() {
        return "uv phase-diagram";
    }

    @Override
    public Class<PhaseDiagramSpec> specType() {
        return PhaseDiagramSpec.class;
    }

    @Override
    public PhaseDiagramSummary run(PhaseDiagramSpec spec, RunContext context) {
        boolean cAxis = spec.xAxis() == PhaseDiagramSpec.XAxis.c;
        return DynamicsRun.record(name(), DynamicsRun.config("command", name(), "x_axis", spec.xAxis().name(),
                "x_range", spec.xRange(), "f0_over_y_range", spec.f0Range(), "eta_over_etac", cAxis ? spec.etaOverEtac() : null,
                "c", cAxis ? null : spec.c(), "grid", spec.grid(), "steps", spec.steps(),
                "classifier", CLASSIFIER + " (loss ½x², sharpness ηλ^H, η = 1 in dimensionless units)"),
                context, dir -> compute(spec, dir));
    }

    /**
     * The regime of the cell at Y = η/η_c, c = ηλ₀ and f₀/y over {@code steps} GD steps, or null
     * when no weights reach its start (Q₀ &lt; 0).
     */
    static Regime classify(double bigY, double c0, double f0OverY, int steps) {
        double x0 = bigY * (f0OverY - 1);
        if (!UvTheory.reachable(x0, c0, bigY)) return null;
        return UvSimulation.run(FunctionEngine.dimensionless(x0, c0, bigY), 1, steps - 1).regime();
    }

    private static PhaseDiagramSummary compute(PhaseDiagramSpec spec, RunDirectory dir) {
        boolean cAxis = spec.xAxis() == PhaseDiagramSpec.XAxis.c;
        int nx = spec.grid().get(0);
        int ny = spec.grid().get(1);
        double[] xs = OrbitDiagram.linspace(spec.xRange().get(0), spec.xRange().get(1), nx);
        double[] fs = OrbitDiagram.linspace(spec.f0Range().get(0), spec.f0Range().get(1), ny);
        Regime[] regimes = new Regime[nx * ny];
        IntStream.range(0, nx * ny).parallel().forEach(k -> {
            double x = xs[k / ny];
            regimes[k] = classify(cAxis ? spec.etaOverEtac() : x, cAxis ? x : spec.c(), fs[k % ny], spec.steps());
        });
        CsvTable t = new CsvTable(List.of(cAxis ? "c" : "eta_over_etac", "f0_over_y", "reachable", "late_state",
                "early_trend", "catapult", "period"));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int k = 0; k < nx * ny; k++) {
            Regime r = regimes[k];
            counts.merge(r == null ? UNREACHABLE : r.lateState().label(), 1, Integer::sum);
            t.add(xs[k / ny], fs[k % ny], r != null, r == null ? null : r.lateState().label(),
                    r == null ? null : r.earlyTrend().label(), r == null ? null : r.catapult(), r == null ? null : r.period());
        }
        AtomicFiles.writeString(dir.file("phase_diagram.csv"), t.toCsv());
        return new PhaseDiagramSummary(spec.xAxis(), spec.xRange(), spec.f0Range(), spec.grid(),
                cAxis ? spec.etaOverEtac() : null, cAxis ? null : spec.c(), counts, CLASSIFIER, FILES);
    }
}
