package org.sharpscope.report.reproduce;

import org.sharpscope.study.reproduce.*;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sharpscope.report.HtmlReport;

/** Report sections 6–7 (real networks), read from their run and sweep directories. */
final class NetworkReport {
    private NetworkReport() {}

    static void sections(HtmlReport html, Path dir, ReproduceIndex index) {
        networks(html, dir, index);
        sweeps(html, dir, index);
        chaos(html, dir, index);
    }

    private static boolean skipped(HtmlReport html, ReproduceIndex index, String section) {
        ReproduceIndex.Section s = index.section(section);
        html.section(section, Layout.title(section));
        if (index.runs(section).isEmpty()) {
            html.note("warning", "Not run in this reproduction (see the notes at the top): no run directories under "
                    + section + "/.");
            return true;
        }
        if (s != null) {
            html.paragraph(String.format(java.util.Locale.ROOT, "Status %s, %.1f s. Run directories under %s/.",
                    s.status(), s.seconds(), section));
        }
        return false;
    }

    private static void networks(HtmlReport html, Path dir, ReproduceIndex index) {
        if (skipped(html, index, Layout.NETWORKS)) return;
        html.paragraph("Full-batch GD with sharpness tracking (warm-started LOBPCG) on a tanh FCN, MSE on one-hot targets, "
                + "learning rate η = c/λ₀^H. Standard parameterization (large initial output) shows sharpness reduction; "
                + "a zero last layer (zero initial output) shows progressive sharpening; μP's sharpness starts tiny. With "
                + "a small output multiplier (α = 0.1) sharpness rises until it meets 2/η and stays there (EoS).");
        List<List<String>> rows = new ArrayList<>();
        List<ReproduceIndex.Run> runs = new ArrayList<>();
        for (ReproduceIndex.Run r : index.runs(Layout.NETWORKS)) {
            Path p = dir.resolve(r.path());
            if (!Files.isRegularFile(p.resolve("summary.json"))) continue;
            runs.add(r);
            Map<String, Object> s = RunFiles.summary(p);
            rows.add(List.of(r.name(), ReproduceReport.g(RunFiles.number(s, "c")), ReproduceReport.g(RunFiles.number(s, "lambda0")),
                    ReproduceReport.g(RunFiles.number(s, "final_sharpness")), ReproduceReport.g(RunFiles.number(s, "stability_threshold")),
                    String.valueOf(s.get("early_trend")), String.valueOf(s.get("late_state")),
                    String.valueOf(s.get("eos_entered_at")), ReproduceReport.g(RunFiles.number(s, "final_accuracy"))));
        }
        html.table(List.of("run", "c", "λ₀^H", "final λ^H", "2/η", "early trend", "late state", "EoS entered at",
                "train accuracy"), rows);
        for (ReproduceIndex.Run r : runs) {
            Path p = dir.resolve(r.path());
            html.figure(p.resolve("plots/sharpness.png"), r.name() + ": sharpness against step, with 2/η");
        }
        for (ReproduceIndex.Run r : runs) {
            if (!"eos".equals(r.expected().get("late_state"))) continue;
            html.figure(dir.resolve(r.path()).resolve("plots/weight-norm-vs-sharpness.png"),
                    r.name() + ": weight norm against sharpness");
        }
    }

    private static void sweeps(HtmlReport html, Path dir, ReproduceIndex index) {
        if (skipped(html, index, Layout.NETWORK_SWEEPS)) return;
        ReproduceIndex.Run sp = index.run(Layout.NETWORK_SWEEPS, "phase-sp");
        if (sp != null) {
            Path p = dir.resolve(sp.path());
            html.paragraph("Early training over c = ηλ₀^H = 2^x and width (SP, every step probed): the early trend of each "
                    + "cell, and the critical constants c_loss, c_sharp, c_max of docs/theory.md §8 against width. Cells: "
                    + sp.path() + "/cells/, table: results.csv.");
            html.figure(p.resolve("plots/phase-diagram.png"), "SP: early trend over (c, width)");
            html.figure(p.resolve("plots/critical-constants.png"), "SP: critical constants against width");
        }
        ReproduceIndex.Run z = index.run(Layout.NETWORK_SWEEPS, NetworkSections.ZERO_LAST_LAYER_SWEEP);
        if (z != null && Files.isRegularFile(dir.resolve(z.path()).resolve("critical-constants.csv"))) {
            Path p = dir.resolve(z.path());
            Path csv = p.resolve("critical-constants.csv");
            double[] width = RunFiles.column(csv, "width");
            double[] cLoss = RunFiles.column(csv, "c_loss");
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < width.length; i++) {
                rows.add(List.of(Integer.toString((int) width[i]), ReproduceReport.g(cLoss[i])));
            }
            html.paragraph("The same sweep with a zero-initialized last layer. The predecessor paper finds c_loss = 2 at "
                    + "every width and depth; that is a large-width statement. Here c = ηλ₀^H uses the Hessian, and with "
                    + "a zero last layer the Hessian at initialization is [[G, B], [Bᵀ, 0]] (G: last-layer Gauss-Newton "
                    + "block, B: the residual's mixed second derivatives), whose top eigenvalue exceeds the NTK's at small "
                    + "width, so the loss first rises at c = 2·λ₀^H/λ₀^NTK > 2 there; the grid resolves c only to a "
                    + "factor √2. This is an observation, not a row of the predictions table.");
            html.table(List.of("width", "c_loss (zero last layer)"), rows);
            html.figure(p.resolve("plots/critical-constants.png"), "zero last layer: critical constants against width");
        }
        ReproduceIndex.Run b = index.run(Layout.NETWORK_SWEEPS, "bifurcation");
        if (b != null) {
            html.paragraph("Late-time bifurcation diagram of a small net (FCN 2×16, 64 examples, float64): the last 64 "
                    + "probed sharpness values of each run against c, with the period detected per run ("
                    + b.path() + "/bifurcation-periods.csv).");
            html.figure(dir.resolve(b.path()).resolve("plots/bifurcation.png"), "real-network bifurcation diagram: late sharpness against c");
        }
    }

    private static void chaos(HtmlReport html, Path dir, ReproduceIndex index) {
        if (skipped(html, index, Layout.NETWORK_CHAOS)) return;
        html.paragraph("The route to chaos in real networks (tanh FCNs and a Myrtle CNN with a zero last layer, Fashion-MNIST, "
                + "MSE, full-batch GD). For each network, its own critical learning rate η_c is found by bisection "
                + "(critical-eta: the rate at which late training stops converging within the run's steps), then a sweep over "
                + "η/η_c records every step of the late tail and the Lyapunov exponents of GD: the largest in weight space "
                + "(never below 0: the Hessian's flat directions) and the one seen by the loss (tangent map restricted to the "
                + "top two Gauss-Newton directions), which is the one to set beside the UV map's. Where the top Gauss-Newton "
                + "directions swap from step to step, the turning of that subspace lowers the loss's estimate by up to the "
                + "turning, so the diagram also draws estimate + turning (the exponent lies between the two). The diagram marks "
                + "the UV model's doublings at η/η_c = √5 − 1 and 1.288; periods per cell by the clusters rule "
                + "(bifurcation-periods.csv).");
        List<List<String>> rows = new ArrayList<>();
        for (ReproduceIndex.Run r : index.runs(Layout.NETWORK_CHAOS)) {
            if (!r.name().endsWith("/" + NetworkChaosSection.CRITICAL_ETA_RUN)) continue;
            Path p = dir.resolve(r.path());
            if (!Files.isRegularFile(p.resolve("summary.json"))) continue;
            Map<String, Object> s = RunFiles.summary(p);
            rows.add(List.of(r.name().substring(0, r.name().indexOf('/')), ReproduceReport.g(RunFiles.number(s, "eta_c")),
                    ReproduceReport.g(RunFiles.number(s, "c_c")), ReproduceReport.g(RunFiles.number(s, "lambda0")),
                    String.valueOf((int) RunFiles.number(s, "runs"))));
        }
        html.table(List.of("network", "η_c", "c_c = η_c·λ₀", "λ₀^H", "training runs"), rows);
        for (ReproduceIndex.Run r : index.runs(Layout.NETWORK_CHAOS)) {
            Path p = dir.resolve(r.path());
            if (r.name().endsWith("/" + NetworkChaosSection.CRITICAL_ETA_RUN)) {
                html.figure(p.resolve("plots/critical-eta.png"), r.name() + ": η·(late λ^H)/2 against η, crossing 1 at η_c");
            } else {
                html.figure(p.resolve("plots/bifurcation.png"), r.name() + ": late η·λ^H against η/η_c, Lyapunov exponents beneath");
            }
        }
    }
}
