package org.sharpscope.study.reproduce;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sharpscope.dynamics.DoublingCascade;
import org.sharpscope.study.reproduce.Prediction;
import org.sharpscope.uv.UvTheory;

/**
 * The predictions table of the report: every theoretical value of docs/theory.md set against what the
 * run directories of a reproduction hold. Nothing here runs an engine; it only reads files.
 */
public final class PaperPredictions {
    private PaperPredictions() {}

    /** η_c from the bisection: bracket ~1e-3 of η_c plus slow convergence just below η_c. */
    static final double ETA_C_TOLERANCE = 5e-3;
    /** Newton + bisection locate doublings to machine precision. */
    static final double DOUBLING_TOLERANCE = 1e-9;
    /** After the collapse the run sits on the period-2 orbit to round-off. */
    static final double ORBIT_TOLERANCE = 1e-6;
    /** The exponent of a period-2 orbit is its multiplier's log over 2, reached to round-off. */
    static final double PERIODIC_LYAPUNOV_TOLERANCE = 1e-6;
    /** Finite-time averages of ln|F'| over ≥ 10⁵ steps fluctuate by ~3e-3 between the 1-D and 2-D maps. */
    static final double CHAOTIC_LYAPUNOV_TOLERANCE = 0.02;
    /** The last δ_k of a cascade followed to period ≥ 64 is within 0.1% of δ; 0.5% as in the logistic test. */
    static final double FEIGENBAUM_TOLERANCE = 5e-3;
    /** Scan steps allowed between the extrapolated accumulation point and the first positive exponent. */
    static final int ACCUMULATION_SCAN_STEPS = 2;

    public static List<Prediction> compute(Path dir, ReproduceIndex index) {
        List<Prediction> out = new ArrayList<>();
        etaC(dir, index, out);
        doublings(dir, index, out);
        periodTwo(dir, index, out);
        lyapunov(dir, index, out);
        out.addAll(NetworkSections.predictions(dir, index));
        out.addAll(NetworkChaosSection.predictions(dir, index));
        return out;
    }

    private static Path run(Path dir, ReproduceIndex index, String section, String name) {
        ReproduceIndex.Run r = index.run(section, name);
        if (r == null) return null;
        Path p = dir.resolve(r.path());
        return Files.isRegularFile(p.resolve("summary.json")) ? p : null;
    }

    private static void etaC(Path dir, ReproduceIndex index, List<Prediction> out) {
        double converged = Double.NEGATIVE_INFINITY;
        double notConverged = Double.POSITIVE_INFINITY;
        double formula = Double.NaN;
        int n = 0;
        for (ReproduceIndex.Run r : index.runs(Layout.CHAOS)) {
            if (!r.name().startsWith(Layout.ETA_C_PREFIX)) continue;
            Path p = dir.resolve(r.path());
            if (!Files.isRegularFile(p.resolve("summary.json"))) continue;
            Map<String, Object> s = RunFiles.summary(p);
            double eta = RunFiles.number(s, "eta");
            formula = RunFiles.number(s, "eta_c");
            if ("converged".equals(s.get("late_state"))) converged = Math.max(converged, eta);
            else notConverged = Math.min(notConverged, eta);
            n++;
        }
        if (n == 0) return;
        double measured = Double.isFinite(converged) && Double.isFinite(notConverged)
                ? 0.5 * (converged + notConverged) : Double.NaN;
        out.add(new Prediction("η_c = 1/(√κ|y|): largest η at which GD on the weights converges", formula, measured,
                ETA_C_TOLERANCE, true, String.format(Locale.ROOT,
                "%s/eta-c: bisection on η over %d uv runs (GD on U, v; y = %s)", Layout.CHAOS, n,
                UvSections.BISECTION_TARGET)));
    }

    private static void doublings(Path dir, ReproduceIndex index, List<Prediction> out) {
        Path d = run(dir, index, Layout.CHAOS, Layout.DOUBLINGS);
        if (d == null) return;
        Map<String, Object> s = RunFiles.summary(d);
        List<Map<?, ?>> list = RunFiles.maps(s, "doublings");
        String src = Layout.CHAOS + "/" + Layout.DOUBLINGS + " (Newton + bisection on the manifold map)";
        if (list.size() >= 1) {
            out.add(new Prediction("EoS born (minimum flips, period 1 → 2) at η/η_c", UvTheory.EOS_ONSET,
                    doubling(list.get(0)), DOUBLING_TOLERANCE, false, src));
        }
        if (list.size() >= 2) {
            out.add(new Prediction("period-4 onset η/η_c = √5 − 1", UvTheory.PERIOD_FOUR_ONSET, doubling(list.get(1)),
                    DOUBLING_TOLERANCE, false, src));
        }
        List<?> ratios = RunFiles.list(s, "feigenbaum_ratios");
        if (!ratios.isEmpty()) {
            double last = ratios.get(ratios.size() - 1) instanceof Number n ? n.doubleValue() : Double.NaN;
            out.add(new Prediction("Feigenbaum δ (last ratio δ_" + ratios.size() + " of the UV cascade)",
                    DoublingCascade.FEIGENBAUM_DELTA, last, FEIGENBAUM_TOLERANCE, true, src + ", up to period "
                    + s.get("max_period")));
        }
        Path b = run(dir, index, Layout.CHAOS, Layout.BIFURCATION);
        Object acc = s.get("accumulation");
        if (b != null && acc instanceof Number a) {
            double[] y = RunFiles.column(b.resolve("bifurcation.csv"), "eta_over_etac");
            double[] lyap = RunFiles.column(b.resolve("bifurcation.csv"), "lyapunov");
            double first = Double.NaN;
            for (int i = 0; i < y.length; i++) {
                if (y[i] > 1 && lyap[i] > 0) {
                    first = y[i];
                    break;
                }
            }
            double step = y.length > 1 ? (y[y.length - 1] - y[0]) / (y.length - 1) : Double.NaN;
            out.add(Prediction.consistency("accumulation point η/η_c (extrapolated doublings) vs first positive Lyapunov exponent",
                    a.doubleValue(), first, ACCUMULATION_SCAN_STEPS * step, false,
                    Layout.CHAOS + "/" + Layout.BIFURCATION + "/bifurcation.csv (" + y.length
                            + "-point scan; tolerance " + ACCUMULATION_SCAN_STEPS + " scan steps)"));
        }
    }

    private static double doubling(Map<?, ?> entry) {
        return RunFiles.number(entry, "eta_over_etac");
    }

    private static void periodTwo(Path dir, ReproduceIndex index, List<Prediction> out) {
        Path p = run(dir, index, Layout.REGIMES, Layout.PERSISTENT_EOS);
        if (p == null) return;
        Map<String, Object> s = RunFiles.summary(p);
        double bigY = RunFiles.number(s, "eta_over_etac");
        double[][] orbit = UvTheory.periodTwoOrbit(bigY, RunFiles.number(s, "eta"), RunFiles.number(s, "kappa"),
                RunFiles.number(s, "target"));
        double[] ntk = last2Sorted(RunFiles.metrics(p, "eta_ntk"));
        double[] sharp = last2Sorted(RunFiles.metrics(p, "eta_sharpness"));
        String src = Layout.REGIMES + "/" + Layout.PERSISTENT_EOS + "/metrics.csv, last two steps (GD on the weights, "
                + String.format(Locale.ROOT, "η/η_c = %s)", bigY);
        out.add(new Prediction("period-2 orbit, low ηλ = 1 + Y − √((Y−1)(Y+3))", orbit[0][0], ntk[0], ORBIT_TOLERANCE,
                true, src));
        out.add(new Prediction("period-2 orbit, high ηλ = 1 + Y + √((Y−1)(Y+3))", orbit[1][0], ntk[1], ORBIT_TOLERANCE,
                true, src));
        double[] hs = {orbit[0][1], orbit[1][1]};
        Arrays.sort(hs);
        out.add(new Prediction("period-2 orbit, low sharpness ηλ^H (exact λ^H on the closed-form orbit)", hs[0], sharp[0],
                ORBIT_TOLERANCE, true, src));
        out.add(new Prediction("period-2 orbit, high sharpness ηλ^H (exact λ^H on the closed-form orbit)", hs[1], sharp[1],
                ORBIT_TOLERANCE, true, src));
    }

    private static double[] last2Sorted(double[] v) {
        if (v.length < 2) return new double[] {Double.NaN, Double.NaN};
        double[] a = {v[v.length - 2], v[v.length - 1]};
        Arrays.sort(a);
        return a;
    }

    private static void lyapunov(Path dir, ReproduceIndex index, List<Prediction> out) {
        for (double y : UvSections.LYAPUNOV_Y) {
            Path p = run(dir, index, Layout.CHAOS, Layout.LYAPUNOV_PREFIX + y);
            if (p == null) continue;
            Map<String, Object> s = RunFiles.summary(p);
            double manifold = RunFiles.number(s, "lyapunov");
            List<?> spectrum = RunFiles.list(s, "full_map_spectrum");
            double full = spectrum == null || spectrum.isEmpty() || !(spectrum.get(0) instanceof Number n)
                    ? Double.NaN : n.doubleValue();
            String src = Layout.CHAOS + "/" + Layout.LYAPUNOV_PREFIX + y;
            if (y < UvTheory.PERIOD_FOUR_ONSET) {
                double closed = UvTheory.periodTwoLyapunov(y);
                out.add(new Prediction(String.format(Locale.ROOT,
                        "Lyapunov exponent at η/η_c = %s: ½ ln|7 − 4Y − 2Y²| (period 2) vs 1-D manifold map", y),
                        closed, manifold, PERIODIC_LYAPUNOV_TOLERANCE, false, src));
            }
            out.add(Prediction.consistency(String.format(Locale.ROOT,
                    "Lyapunov exponent at η/η_c = %s: 1-D manifold map vs largest of the full 2-D map", y),
                    manifold, full, CHAOTIC_LYAPUNOV_TOLERANCE, false, src + " (QR method on the 2-D map)"));
        }
    }
}
