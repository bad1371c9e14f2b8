package org.sharpscope.report.reproduce;

import org.sharpscope.study.reproduce.*;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sharpscope.report.HtmlReport;
import org.sharpscope.study.reproduce.Prediction;
import org.sharpscope.regime.RegimeAnalysis;
import org.sharpscope.run.AtomicFiles;

/**
 * Builds {@code report.html} of a reproduction from its directory alone: the index
 * ({@code reproduce.json}) names the runs, and every number and figure comes from their files.
 */
public final class ReproduceReport {
    public static final String FILE = "report.html";
    /** Figures the report derives from several runs (section 3) live here. */
    static final String FIGURES = "report-figures";

    private ReproduceReport() {}

    /** How many rows of the predictions table agree, disagree and could not be tested. */
    public record Verdicts(int agree, int disagree, int untested) {
    }

    public static Verdicts verdicts(Path dir) {
        List<Prediction> ps = PaperPredictions.compute(dir, ReproduceIndex.read(dir));
        return new Verdicts(count(ps, Prediction.Verdict.AGREE), count(ps, Prediction.Verdict.DISAGREE),
                count(ps, Prediction.Verdict.UNTESTED));
    }

    private static int count(List<Prediction> ps, Prediction.Verdict v) {
        return (int) ps.stream().filter(p -> p.verdict() == v).count();
    }

    /** Writes DIR/report.html and returns its path. */
    public static Path write(Path dir) {
        ReproduceIndex index = ReproduceIndex.read(dir);
        HtmlReport html = new HtmlReport("Sharpscope: reproduction of Kalra, He & Barkeshli (ICLR 2025)");
        html.paragraph(String.format(Locale.ROOT,
                "Mode %s, %d run directories, %.0f s of computation (started %s%s), sharpscope %s (commit %s). "
                        + "Every figure and number below is read from the run directories under %s; "
                        + "'sharpscope report %s' rebuilds this page from them.",
                index.mode(), index.runs().size(), index.seconds(), index.startedAt(),
                index.finishedAt() == null ? ", not finished" : "", index.version(), index.gitCommit(), dir, dir));
        for (String note : index.notes()) html.note("warning", note);
        for (ReproduceIndex.Section s : index.sections()) {
            if ("failed".equals(s.status())) html.note("warning", "Section " + s.title() + " failed: " + s.error());
        }

        List<Prediction> predictions = PaperPredictions.compute(dir, index);
        html.section("predictions", "Predictions against measurements");
        html.paragraph("Each row sets a value of docs/theory.md against its measurement in this reproduction, with the "
                + "tolerance used to call them in agreement (relative: |m − p| ≤ tol·|p|; absolute: |m − p| ≤ tol).");
        html.table(Prediction.header(), predictions.stream().map(Prediction::row).toList());

        regimes(html, dir, index);
        vectorField(html, dir, index);
        collapse(html, dir, index);
        routeToChaos(html, dir, index);
        phase(html, dir, index);
        NetworkReport.sections(html, dir, index);

        Path out = dir.resolve(FILE);
        AtomicFiles.writeString(out, html.render());
        return out;
    }

    private static void header(HtmlReport html, ReproduceIndex index, String section) {
        ReproduceIndex.Section s = index.section(section);
        html.section(section, Layout.title(section));
        if (s != null) {
            html.paragraph(String.format(Locale.ROOT, "Status %s, %.1f s. Run directories under %s/.", s.status(),
                    s.seconds(), section));
        }
    }

    private static List<ReproduceIndex.Run> existing(Path dir, ReproduceIndex index, String section) {
        return index.runs(section).stream().filter(r -> Files.isRegularFile(dir.resolve(r.path()).resolve("summary.json")))
                .toList();
    }

    private static void regimes(HtmlReport html, Path dir, ReproduceIndex index) {
        header(html, index, Layout.REGIMES);
        html.paragraph("GD on the weights of the UV model, one run per regime of docs/theory.md §6, each classified by the "
                + "shared regime analysis and set against the regime it was configured to show.");
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> inits = new ArrayList<>();
        List<ReproduceIndex.Run> runs = existing(dir, index, Layout.REGIMES);
        for (ReproduceIndex.Run r : runs) {
            Map<String, Object> s = RunFiles.summary(dir.resolve(r.path()));
            if (r.expected().containsKey("gradient_flow_trend")) {
                inits.add(initRow(r, s));
                continue;
            }
            boolean ok = true;
            StringBuilder expected = new StringBuilder();
            for (Map.Entry<String, Object> e : r.expected().entrySet()) {
                Object got = s.get(e.getKey());
                ok &= String.valueOf(e.getValue()).equals(String.valueOf(got));
                expected.append(e.getKey()).append('=').append(e.getValue()).append(' ');
            }
            rows.add(List.of(r.name(), g(RunFiles.number(s, "eta_over_etac")), g(RunFiles.number(s, "c")),
                    String.valueOf(s.get("early_trend")), String.valueOf(s.get("catapult")),
                    String.valueOf(s.get("late_state")), String.valueOf(s.get("period")),
                    expected.toString().strip(), ok ? "agree" : "disagree"));
        }
        html.table(List.of("run", "η/η_c", "c = ηλ₀^H", "early trend", "catapult", "late state", "period",
                "expected", "verdict"), rows);
        if (!inits.isEmpty()) {
            html.paragraph("Parameterization and initial output (docs/theory.md §4–§5): NTP (s = 0) and μP (s = 1) nets, each "
                    + "from a small and a large initial output, at c = 1. The gradient-flow end point "
                    + "λ_∞ = √(λ₀² − 4κf₀² + 4κy²) predicts the early trend: sharpening when λ_∞ exceeds λ₀^H by more than "
                    + "the flat threshold, reduction when it falls short by more, flat otherwise. NTP is lazy "
                    + "(κ = 1/n: the sharpness hardly moves, Y ≪ 1); μP from a small output sharpens toward 2√κ|y|.");
            html.table(List.of("run", "s", "width", "f₀/y", "η/η_c", "λ₀^H", "λ_∞ (gradient flow)", "predicted trend",
                    "measured trend", "verdict"), inits);
        }
        for (ReproduceIndex.Run r : runs) {
            html.figure(dir.resolve(r.path()).resolve("plots/sharpness.png"), r.name() + ": sharpness λ^H and NTK λ against step, with 2/η");
        }
    }

    private static List<String> initRow(ReproduceIndex.Run r, Map<String, Object> s) {
        double lambdaInf = RunFiles.number(s, "lambda_inf_gf");
        double sharp0 = RunFiles.number(s, "sharpness0");
        double change = lambdaInf / sharp0 - 1;
        String predicted = change > RegimeAnalysis.FLAT_CHANGE ? "progressive_sharpening"
                : change < -RegimeAnalysis.FLAT_CHANGE ? "sharpness_reduction" : "flat";
        String measured = String.valueOf(s.get("early_trend"));
        return List.of(r.name(), g(RunFiles.number(s, "param_s")), String.valueOf(s.get("width")),
                g(RunFiles.number(s, "f0") / RunFiles.number(s, "target")), g(RunFiles.number(s, "eta_over_etac")),
                g(sharp0), g(lambdaInf), predicted, measured, predicted.equals(measured) ? "agree" : "disagree");
    }

    private static void vectorField(HtmlReport html, Path dir, ReproduceIndex index) {
        header(html, index, Layout.VECTOR_FIELD);
        html.paragraph("One GD step as an arrow at each point of the dimensionless plane (x = η√κΔf, ηλ), with the line "
                + "of minima (stable where ηλ < 2), the 2/η line, the nullclines, gradient-flow hyperbolas, the balanced "
                + "curve Q = 0, the fixed points by stability, and trajectories. Below η_c a stable stretch of minima is "
                + "reachable; above it none is, and trajectories settle on the EoS orbit on Q = 0.");
        for (ReproduceIndex.Run r : existing(dir, index, Layout.VECTOR_FIELD)) {
            Map<String, Object> s = RunFiles.summary(dir.resolve(r.path()));
            StringBuilder fixed = new StringBuilder();
            for (Map<?, ?> fp : RunFiles.maps(s, "fixed_points")) {
                fixed.append(String.format(Locale.ROOT, " %s at (x, ηλ) = (%s, %s);", fp.get("stability"),
                        g(RunFiles.number(fp, "x")), g(RunFiles.number(fp, "eta_lambda"))));
            }
            html.figure(dir.resolve(r.path()).resolve("plots/vector_field.png"), r.name() + ": update field at η/η_c = "
                    + s.get("eta_over_etac") + "; isolated fixed points:" + fixed + " the line of minima x = 0.");
        }
    }

    private static void collapse(HtmlReport html, Path dir, ReproduceIndex index) {
        header(html, index, Layout.COLLAPSE);
        html.paragraph("Exact trajectories at η/η_c = " + UvSections.PERIOD_TWO_Y + " from several starts. Q = λ² − 4κf² "
                + "shrinks by exactly (1 − η²κΔf²)² each step, so every bounded trajectory collapses onto the balanced "
                + "curve Q = 0 and then follows the 1-D cubic map there (docs/theory.md §7), here onto its period-2 orbit.");
        List<ReproduceIndex.Run> runs = existing(dir, index, Layout.COLLAPSE);
        if (runs.isEmpty()) return;
        List<List<String>> rows = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (ReproduceIndex.Run r : runs) {
            Path p = dir.resolve(r.path());
            paths.add(p);
            Map<String, Object> s = RunFiles.summary(p);
            rows.add(List.of(r.name(), g(RunFiles.number(s, "f0")), g(RunFiles.number(s, "lambda0")),
                    g(RunFiles.number(s, "q0")), g(RunFiles.number(s, "q_final")), String.valueOf(s.get("late_state")),
                    String.valueOf(s.get("period"))));
        }
        html.table(List.of("run", "f₀", "λ₀", "Q₀", "Q final", "late state", "period"), rows);
        List<Path> figs = CollapseFigures.draw(paths, dir.resolve(FIGURES));
        html.figure(figs.get(0), "Q against step (log scale): geometric collapse onto Q = 0");
        html.figure(figs.get(1), "the trajectories in the (x, ηλ) plane end on the balanced curve, alternating about ηλ = 1 + Y");
    }

    private static void routeToChaos(HtmlReport html, Path dir, ReproduceIndex index) {
        header(html, index, Layout.CHAOS);
        ReproduceIndex.Run b = index.run(Layout.CHAOS, Layout.BIFURCATION);
        if (b != null) {
            Map<String, Object> s = RunFiles.summary(dir.resolve(b.path()));
            html.paragraph("Late-time sharpness against η/η_c on the EoS manifold map (" + s.get("points") + " values, "
                    + s.get("transient") + " transient + " + s.get("record") + " recorded steps each), with the Lyapunov "
                    + "exponent below on the same axis. Raw orbits: " + b.path() + "/orbit_eta_lambda.npy.");
            html.figure(dir.resolve(b.path()).resolve("plots/bifurcation_eta_lambda.png"), "bifurcation diagram: ηλ (NTK) against η/η_c, Lyapunov exponent below");
            html.figure(dir.resolve(b.path()).resolve("plots/bifurcation_eta_lambda_h.png"), "bifurcation diagram: ηλ^H (sharpness) against η/η_c");
            List<List<String>> windows = new ArrayList<>();
            for (Map<?, ?> w : RunFiles.maps(s, "windows")) {
                windows.add(List.of(String.valueOf(w.get("period")), g(RunFiles.number(w, "from")),
                        g(RunFiles.number(w, "to")), String.valueOf(w.get("points"))));
            }
            html.paragraph("Periodic windows found in the chaotic band:");
            html.table(List.of("period", "from η/η_c", "to η/η_c", "scan points"), windows);
        }
        ReproduceIndex.Run full = index.run(Layout.CHAOS, Layout.BIFURCATION_FULL);
        if (full != null) {
            html.figure(dir.resolve(full.path()).resolve("plots/bifurcation_eta_lambda.png"),
                    "the same diagram on the full 2-D map from a start just off the balanced curve");
        }
        ReproduceIndex.Run d = index.run(Layout.CHAOS, Layout.DOUBLINGS);
        if (d != null && Files.isRegularFile(dir.resolve(d.path()).resolve("summary.json"))) {
            Map<String, Object> s = RunFiles.summary(dir.resolve(d.path()));
            List<List<String>> rows = new ArrayList<>();
            List<Map<?, ?>> list = RunFiles.maps(s, "doublings");
            List<?> ratios = RunFiles.list(s, "feigenbaum_ratios");
            for (int i = 0; i < list.size(); i++) {
                Map<?, ?> m = list.get(i);
                String ratio = i >= 1 && i - 1 < ratios.size() && ratios.get(i - 1) instanceof Number n ? g(n.doubleValue()) : "";
                rows.add(List.of(m.get("period_before") + " → " + m.get("period_after"),
                        String.format(Locale.ROOT, "%.15g", RunFiles.number(m, "eta_over_etac")), ratio));
            }
            html.paragraph("Period doublings located by Newton and bisection on the manifold map; δ_k = (r_k − r_{k−1})/(r_{k+1} − r_k) "
                    + "is listed on the row of r_k. Accumulation (geometric extrapolation): η/η_c = " + s.get("accumulation") + ".");
            html.table(List.of("doubling", "η/η_c", "δ_k"), rows);
        }
        List<List<String>> lyap = new ArrayList<>();
        for (double y : UvSections.LYAPUNOV_Y) {
            ReproduceIndex.Run r = index.run(Layout.CHAOS, Layout.LYAPUNOV_PREFIX + y);
            if (r == null || !Files.isRegularFile(dir.resolve(r.path()).resolve("summary.json"))) continue;
            Map<String, Object> s = RunFiles.summary(dir.resolve(r.path()));
            lyap.add(List.of(g(y), g(RunFiles.number(s, "lyapunov")), String.valueOf(s.get("full_map_spectrum")),
                    g(RunFiles.number(s, "transverse")), String.valueOf(s.get("period"))));
        }
        html.paragraph("Lyapunov exponents: on the manifold map, the transverse exponent of Q = 0 (negative: the manifold "
                + "attracts), and both exponents of the full 2-D map by the QR method.");
        html.table(List.of("η/η_c", "manifold map", "full 2-D map", "transverse", "period"), lyap);
        List<List<String>> bis = new ArrayList<>();
        for (ReproduceIndex.Run r : index.runs(Layout.CHAOS)) {
            if (!r.name().startsWith(Layout.ETA_C_PREFIX)) continue;
            Path p = dir.resolve(r.path());
            if (!Files.isRegularFile(p.resolve("summary.json"))) continue;
            Map<String, Object> s = RunFiles.summary(p);
            bis.add(List.of(String.format(Locale.ROOT, "%.6f", RunFiles.number(s, "eta")), String.valueOf(s.get("late_state")),
                    String.valueOf(s.get("period")), r.path()));
        }
        html.paragraph("The critical learning rate measured without its formula: GD on the weights (μP, y = "
                + UvSections.BISECTION_TARGET + ") at absolute η, bisecting between the last η that converges and the first "
                + "that does not.");
        html.table(List.of("η", "late state", "period", "run"), bis);
    }

    private static void phase(HtmlReport html, Path dir, ReproduceIndex index) {
        header(html, index, Layout.PHASE);
        html.paragraph("The regime of each cell of a grid of initial conditions, from exact trajectories classified by the "
                + "shared regime analysis: c = ηλ₀ against the initial output f₀/y below η_c, and η/η_c against f₀/y at c = 3. "
                + "Cells with c < 2Y|f₀/y| are unreachable (Q₀ < 0).");
        for (ReproduceIndex.Run r : existing(dir, index, Layout.PHASE)) {
            Path p = dir.resolve(r.path());
            Map<String, Object> s = RunFiles.summary(p);
            html.figure(p.resolve("plots/phase_late_state.png"), r.name() + ": late state; counts " + s.get("late_state_counts"));
            html.figure(p.resolve("plots/phase_early_trend.png"), r.name() + ": early trend");
        }
    }

    static String g(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : String.valueOf(v);
    }
}
