package org.sharpscope.cli.reproduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sections 1–5 of the reproduction: the UV model, through the {@code uv} commands (run,
 * vector-field, doublings, bifurcation, lyapunov, phase-diagram) exactly as a user calls them.
 */
final class UvSections {
    private UvSections() {}

    /** η/η_c of the persistent-EoS period-2 run and of the collapse runs (between 1 and √5 − 1). */
    static final double PERIOD_TWO_Y = 1.2;
    /** η/η_c values whose Lyapunov exponent is measured two ways (1.2 is on the period-2 orbit). */
    static final double[] LYAPUNOV_Y = {1.2, 1.4, 1.6, 1.9};
    /** Target of the η_c bisection: y ≠ 1 so that η_c = 1/(√κ|y|) is not 1. */
    static final double BISECTION_TARGET = 0.7;

    static List<Task> tasks(Reproduction r) {
        List<Task> t = new ArrayList<>();
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
    private static void regimes(Reproduction r, List<Task> t) {
        String s = Layout.REGIMES;
        String[] base = {"uv", "run", "--width", "1000", "--param-s", "1", "--sigma-w", "0.5", "--target", "1", "--seed", "0"};
        t.add(new Task(s, "sharpness reduction", () -> r.command(s, "sharpness-reduction",
                expect("sharpness_reduction", false, "converged", 0),
                "uv", "run", "--width", "4", "--param-s", "1", "--sigma-w", "1", "--target", "-0.3", "--seed", "1",
                "--c", "0.3", "--steps", "2000")));
        t.add(new Task(s, "progressive sharpening", () -> r.command(s, "progressive-sharpening",
                expect("progressive_sharpening", false, "converged", 0), concat(base, "--c", "0.2", "--steps", "1000"))));
        t.add(new Task(s, "catapult", () -> r.command(s, "catapult", expect("sharpness_reduction", true, "converged", 0),
                "uv", "run", "--width", "1000", "--param-s", "0", "--sigma-w", "1", "--target", "1", "--seed", "0",
                "--c", "3", "--steps", "1000")));
        t.add(new Task(s, "transient EoS", () -> r.command(s, "transient-eos",
                expect("progressive_sharpening", false, "converged", 0),
                concat(base, "--eta-over-etac", "0.99", "--steps", "3000"))));
        t.add(new Task(s, "persistent EoS", () -> r.command(s, Layout.PERSISTENT_EOS,
                expect("progressive_sharpening", false, "eos", 2),
                concat(base, "--eta-over-etac", Double.toString(PERIOD_TWO_Y), "--steps", "2000"))));
        t.add(new Task(s, "chaos", () -> r.command(s, "chaos", expect(null, false, "chaotic", 0),
                concat(base, "--eta-over-etac", "1.5", "--steps", "4000"))));
        t.add(new Task(s, "divergence", () -> r.command(s, "divergence", expect(null, false, "diverged", 0),
                concat(base, "--eta-over-etac", "2.5", "--steps", "200"))));
        String width = Integer.toString(r.mode.uvWidth);
        // σ_w for a large initial output: f₀ ~ σ_w² in NTP, ~ σ_w²/√n in μP.
        String muLarge = String.format(Locale.ROOT, "%.4g", 2 * Math.pow(r.mode.uvWidth, 0.25));
        String[][] inits = {{"ntp-small-output", "0", "0.3"}, {"ntp-large-output", "0", "2"},
                {"mup-small-output", "1", "0.5"}, {"mup-large-output", "1", muLarge}};
        for (String[] init : inits) {
            t.add(new Task(s, init[0], () -> r.command(s, init[0], Map.of("gradient_flow_trend", true),
                    "uv", "run", "--width", width, "--param-s", init[1], "--sigma-w", init[2], "--target", "1",
                    "--seed", "0", "--c", "1", "--steps", "2000")));
        }
    }

    /** Section 2: the update field below and above η_c with trajectories overlaid. */
    private static void vectorField(Reproduction r, List<Task> t) {
        String s = Layout.VECTOR_FIELD;
        t.add(new Task(s, "vector field η/η_c = 0.8", () -> r.command(s, "below-eta-c", null,
                "uv", "vector-field", "--eta-over-etac", "0.8", "--trajectory", "-0.75,0.2;-0.4,3.0;0.6,3.6",
                "--steps", "60")));
        t.add(new Task(s, "vector field η/η_c = 1.2", () -> r.command(s, "above-eta-c", null,
                "uv", "vector-field", "--eta-over-etac", Double.toString(PERIOD_TWO_Y),
                "--trajectory", "-1.1,0.5;-0.6,1.8;0.6,4.6", "--steps", "60")));
    }

    /** Starts (f₀, λ₀) of the collapse runs (κ = 1, y = 1): all bounded at η/η_c = 1.2. */
    static final double[][] COLLAPSE_STARTS = {{0.0, 0.5}, {0.5, 1.5}, {0.9, 2.5}, {1.5, 3.2}};

    /** Section 3: exact trajectories from several starts at η/η_c = 1.2, Q → 0. */
    private static void collapse(Reproduction r, List<Task> t) {
        String s = Layout.COLLAPSE;
        t.add(new Task(s, "collapse onto Q = 0", () -> {
            for (double[] st : COLLAPSE_STARTS) {
                r.command(s, String.format(Locale.ROOT, "start-f0-%s-lambda0-%s", st[0], st[1]), null,
                        "uv", "run", "--engine", "function", "--f0", Double.toString(st[0]),
                        "--lambda0", Double.toString(st[1]), "--kappa", "1", "--target", "1",
                        "--eta-over-etac", Double.toString(PERIOD_TWO_Y), "--steps", "150");
            }
        }));
    }

    /** Section 4: doublings, bifurcation diagrams, Lyapunov exponents and the η_c bisection. */
    private static void routeToChaos(Reproduction r, List<Task> t) {
        String s = Layout.CHAOS;
        ReproduceMode m = r.mode;
        t.add(new Task(s, "doublings", () -> r.command(s, Layout.DOUBLINGS, null,
                "uv", "doublings", "--max-period", Integer.toString(m.maxPeriod))));
        t.add(new Task(s, "bifurcation (manifold map)", () -> r.command(s, Layout.BIFURCATION, null,
                "uv", "bifurcation", "--from", "0.9", "--to", "2.0", "--points", Integer.toString(m.bifurcationPoints),
                "--record", Integer.toString(m.bifurcationRecord))));
        t.add(new Task(s, "bifurcation (full 2-D map)", () -> r.command(s, Layout.BIFURCATION_FULL, null,
                "uv", "bifurcation", "--map", "full", "--from", "0.9", "--to", "2.0",
                "--points", Integer.toString(m.bifurcationPoints / 2), "--record", Integer.toString(m.bifurcationRecord))));
        for (double y : LYAPUNOV_Y) {
            t.add(new Task(s, "Lyapunov at " + y, () -> r.command(s, Layout.LYAPUNOV_PREFIX + y, null,
                    "uv", "lyapunov", "--eta-over-etac", Double.toString(y), "--steps", Integer.toString(m.lyapunovSteps))));
        }
        t.add(new Task(s, "η_c by bisection", () -> bisectEtaC(r)));
    }

    /**
     * Finds the largest learning rate at which GD on the weights still converges, by bisection on
     * the absolute η (no use of the formula for η_c): each trial is an ordinary {@code uv run}.
     */
    private static void bisectEtaC(Reproduction r) {
        String[] base = {"uv", "run", "--width", "1000", "--param-s", "1", "--sigma-w", "0.5",
                "--target", Double.toString(BISECTION_TARGET), "--seed", "0",
                "--steps", Integer.toString(r.mode.bisectionSteps)};
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

    private static boolean converges(Reproduction r, String[] base, double eta) {
        String name = Layout.ETA_C_PREFIX + "eta-" + eta;
        Path dir = r.command(Layout.CHAOS, name, null, concat(base, "--eta", Double.toString(eta)));
        Map<String, Object> summary = RunFiles.summary(dir);
        return "converged".equals(summary.get("late_state"));
    }

    /** Section 5: regimes over (c, f₀/y) below η_c and over (η/η_c, f₀/y) at c = 3. */
    private static void phaseDiagram(Reproduction r, List<Task> t) {
        String s = Layout.PHASE;
        String grid = r.mode.phaseGrid[0] + "," + r.mode.phaseGrid[1];
        String steps = Integer.toString(r.mode.phaseSteps);
        t.add(new Task(s, "phase diagram c vs f0/y", () -> r.command(s, "c-vs-f0", null,
                "uv", "phase-diagram", "--x-axis", "c", "--eta-over-etac", "0.8", "--grid", grid, "--steps", steps)));
        t.add(new Task(s, "phase diagram η/η_c vs f0/y", () -> r.command(s, "eta-vs-f0", null,
                "uv", "phase-diagram", "--x-axis", "eta_over_etac", "--c", "3", "--grid", grid, "--steps", steps)));
    }

    static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
