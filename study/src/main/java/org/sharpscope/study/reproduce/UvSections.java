package org.sharpscope.study.reproduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sharpscope.regime.LateState;
import static org.sharpscope.study.reproduce.Reproduction.settings;
import static org.sharpscope.study.reproduce.Reproduction.with;

/**
 * Sections 1–5 of the reproduction: the UV model, through the {@code uv} tasks (run,
 * vector-field, doublings, bifurcation, lyapunov, phase-diagram) with the settings a user would
 * give them.
 */
public final class UvSections {
    private UvSections() {}

    private static final String UV_RUN = "uv run";

    /** η/η_c of the persistent-EoS period-2 run and of the collapse runs (between 1 and √5 − 1). */
    public static final double PERIOD_TWO_Y = 1.2;
    /** η/η_c values whose Lyapunov exponent is measured two ways (1.2 is on the period-2 orbit). */
    public static final double[] LYAPUNOV_Y = {1.2, 1.4, 1.6, 1.9};
    /** Target of the η_c bisection: y ≠ 1 so that η_c = 1/(√κ|y|) is not 1. */
    public static final double BISECTION_TARGET = 0.7;

    static List<Step> steps(Reproduction r) {
        List<Step> t = new ArrayList<>();
        regimes(r, t);
        vectorField(r, t);
        collapse(r, t);
        routeToChaos(r, t);
        phaseDiagram(r, t);
        return t;
    }

    private static Map<String, Object> expect(String early, boolean catapult, String late, int period) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (early != null) m.put("early_trend", early);
        m.put("catapult", catapult);
        m.put("late_state", late);
        if (period > 0) m.put("period", period);
        return m;
    }

    /** Section 1: the regime examples of examples/uv, then NTP and μP from small and large initial output. */
    private static void regimes(Reproduction r, List<Step> t) {
        String s = Layout.REGIMES;
        Map<String, Object> base = settings("width", 1000, "param-s", 1, "sigma-w", 0.5, "target", 1, "seed", 0);
        t.add(new Step(s, "sharpness reduction", () -> r.run(s, "sharpness-reduction",
                expect("sharpness_reduction", false, "converged", 0), UV_RUN,
                settings("width", 4, "param-s", 1, "sigma-w", 1, "target", -0.3, "seed", 1, "c", 0.3, "steps", 2000))));
        t.add(new Step(s, "progressive sharpening", () -> r.run(s, "progressive-sharpening",
                expect("progressive_sharpening", false, "converged", 0), UV_RUN, with(base, "c", 0.2, "steps", 1000))));
        t.add(new Step(s, "catapult", () -> r.run(s, "catapult", expect("sharpness_reduction", true, "converged", 0),
                UV_RUN, settings("width", 1000, "param-s", 0, "sigma-w", 1, "target", 1, "seed", 0, "c", 3, "steps", 1000))));
        t.add(new Step(s, "transient EoS", () -> r.run(s, "transient-eos",
                expect("progressive_sharpening", false, "converged", 0), UV_RUN,
                with(base, "eta-over-etac", 0.99, "steps", 3000))));
        t.add(new Step(s, "persistent EoS", () -> r.run(s, Layout.PERSISTENT_EOS,
                expect("progressive_sharpening", false, "eos", 2), UV_RUN,
                with(base, "eta-over-etac", PERIOD_TWO_Y, "steps", 2000))));
        t.add(new Step(s, "chaos", () -> r.run(s, "chaos", expect(null, false, "chaotic", 0), UV_RUN,
                with(base, "eta-over-etac", 1.5, "steps", 4000))));
        t.add(new Step(s, "divergence", () -> r.run(s, "divergence", expect(null, false, "diverged", 0), UV_RUN,
                with(base, "eta-over-etac", 2.5, "steps", 200))));
        int width = r.mode.uvWidth;
        // σ_w for a large initial output: f₀ ~ σ_w² in NTP, ~ σ_w²/√n in μP.
        double muLarge = Double.parseDouble(String.format(Locale.ROOT, "%.4g", 2 * Math.pow(width, 0.25)));
        Object[][] inits = {{"ntp-small-output", 0, 0.3}, {"ntp-large-output", 0, 2.0},
                {"mup-small-output", 1, 0.5}, {"mup-large-output", 1, muLarge}};
        for (Object[] init : inits) {
            String name = (String) init[0];
            t.add(new Step(s, name, () -> r.run(s, name, Map.of("gradient_flow_trend", true), UV_RUN,
                    settings("width", width, "param-s", init[1], "sigma-w", init[2], "target", 1, "seed", 0, "c", 1,
                            "steps", 2000))));
        }
    }

    /** Section 2: the update field below and above η_c with trajectories overlaid. */
    private static void vectorField(Reproduction r, List<Step> t) {
        String s = Layout.VECTOR_FIELD;
        t.add(new Step(s, "vector field η/η_c = 0.8", () -> r.run(s, "below-eta-c", null, "uv vector-field",
                settings("eta-over-etac", 0.8, "trajectory", List.of("-0.75,0.2", "-0.4,3.0", "0.6,3.6"), "steps", 60))));
        t.add(new Step(s, "vector field η/η_c = 1.2", () -> r.run(s, "above-eta-c", null, "uv vector-field",
                settings("eta-over-etac", PERIOD_TWO_Y, "trajectory", List.of("-1.1,0.5", "-0.6,1.8", "0.6,4.6"),
                        "steps", 60))));
    }

    /** Starts (f₀, λ₀) of the collapse runs (κ = 1, y = 1): all bounded at η/η_c = 1.2. */
    public static final double[][] COLLAPSE_STARTS = {{0.0, 0.5}, {0.5, 1.5}, {0.9, 2.5}, {1.5, 3.2}};

    /** Section 3: exact trajectories from several starts at η/η_c = 1.2, Q → 0. */
    private static void collapse(Reproduction r, List<Step> t) {
        String s = Layout.COLLAPSE;
        t.add(new Step(s, "collapse onto Q = 0", () -> {
            for (double[] st : COLLAPSE_STARTS) {
                r.run(s, String.format(Locale.ROOT, "start-f0-%s-lambda0-%s", st[0], st[1]), null, UV_RUN,
                        settings("engine", "function", "f0", st[0], "lambda0", st[1], "kappa", 1, "target", 1,
                                "eta-over-etac", PERIOD_TWO_Y, "steps", 150));
            }
        }));
    }

    /** Section 4: doublings, bifurcation diagrams, Lyapunov exponents and the η_c bisection. */
    private static void routeToChaos(Reproduction r, List<Step> t) {
        String s = Layout.CHAOS;
        ReproduceMode m = r.mode;
        t.add(new Step(s, "doublings", () -> r.run(s, Layout.DOUBLINGS, null, "uv doublings",
                settings("max-period", m.maxPeriod))));
        t.add(new Step(s, "bifurcation (manifold map)", () -> r.run(s, Layout.BIFURCATION, null, "uv bifurcation",
                settings("from", 0.9, "to", 2.0, "points", m.bifurcationPoints, "record", m.bifurcationRecord,
                        "sharpness-orbits", true))));
        t.add(new Step(s, "bifurcation (full 2-D map)", () -> r.run(s, Layout.BIFURCATION_FULL, null, "uv bifurcation",
                settings("map", "full", "from", 0.9, "to", 2.0, "points", m.bifurcationPoints / 2,
                        "record", m.bifurcationRecord))));
        for (double y : LYAPUNOV_Y) {
            t.add(new Step(s, "Lyapunov at " + y, () -> r.run(s, Layout.LYAPUNOV_PREFIX + y, null, "uv lyapunov",
                    settings("eta-over-etac", y, "steps", m.lyapunovSteps))));
        }
        t.add(new Step(s, "η_c by bisection", () -> bisectEtaC(r)));
    }

    /**
     * Finds the largest learning rate at which GD on the weights still converges, by bisection on
     * the absolute η (no use of the formula for η_c): each trial is an ordinary {@code uv run}.
     */
    private static void bisectEtaC(Reproduction r) {
        Map<String, Object> base = settings("width", 1000, "param-s", 1, "sigma-w", 0.5, "target", BISECTION_TARGET,
                "seed", 0, "steps", r.mode.bisectionSteps);
        double lo = 0.25;
        double hi = 0.5;
        if (!converges(r, base, lo)) throw new IllegalStateException("GD at η = " + lo + " did not converge");
        while (converges(r, base, hi)) {
            lo = hi;
            hi *= 2;
            if (hi > 64) throw new IllegalStateException("GD converged up to η = 64; no critical learning rate found");
        }
        for (int i = 0; i < r.mode.bisections; i++) {
            double mid = 0.5 * (lo + hi);
            if (converges(r, base, mid)) lo = mid;
            else hi = mid;
        }
    }

    private static boolean converges(Reproduction r, Map<String, Object> base, double eta) {
        String name = Layout.ETA_C_PREFIX + "eta-" + eta;
        Path dir = r.run(Layout.CHAOS, name, null, UV_RUN, with(base, "eta", eta));
        return RunFiles.regime(dir).lateState() == LateState.CONVERGED;
    }

    /** Section 5: regimes over (c, f₀/y) below η_c and over (η/η_c, f₀/y) at c = 3. */
    private static void phaseDiagram(Reproduction r, List<Step> t) {
        String s = Layout.PHASE;
        List<Integer> grid = List.of(r.mode.phaseGrid[0], r.mode.phaseGrid[1]);
        int steps = r.mode.phaseSteps;
        t.add(new Step(s, "phase diagram c vs f0/y", () -> r.run(s, "c-vs-f0", null, "uv phase-diagram",
                settings("x-axis", "c", "eta-over-etac", 0.8, "grid", grid, "steps", steps))));
        t.add(new Step(s, "phase diagram η/η_c vs f0/y", () -> r.run(s, "eta-vs-f0", null, "uv phase-diagram",
                settings("x-axis", "eta_over_etac", "c", 3, "grid", grid, "steps", steps))));
    }
}
