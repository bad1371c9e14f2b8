package org.sharpscope.report.uv;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.OrbitDiagramPlot;
import org.sharpscope.run.Npy;
import org.sharpscope.study.uv.MapKind;

/** The plots of {@code uv bifurcation}: density orbit diagrams of ηλ and ηλ^H with the Lyapunov exponent below. */
public final class BifurcationFigures {
    private BifurcationFigures() {}

    /**
     * Writes plots/bifurcation_eta_lambda.png from orbit_eta_lambda.npy, and
     * plots/bifurcation_eta_lambda_h.png from orbit_eta_lambda_h.npy where the run wrote it, with
     * bifurcation.csv's Lyapunov exponents below. The two are drawn at once.
     */
    public static void draw(Path run) {
        double[] ys = Npy.read(run.resolve("eta_over_etac.npy")).data();
        double[] lyapunov = RunFiles.csv(run, "bifurcation.csv").doubles("lyapunov");
        String what = mapDescription(RunFiles.config(run));
        List<Runnable> plots = new ArrayList<>();
        plots.add(() -> drawOne(run, "orbit_eta_lambda.npy", "Late-time ηλ, " + what, "ηλ", ys, lyapunov, "bifurcation_eta_lambda"));
        if (Files.exists(run.resolve("orbit_eta_lambda_h.npy"))) {
            plots.add(() -> drawOne(run, "orbit_eta_lambda_h.npy", "Late-time ηλ^H (Hessian sharpness), " + what, "ηλ^H", ys,
                    lyapunov, "bifurcation_eta_lambda_h"));
        }
        plots.parallelStream().forEach(Runnable::run);
    }

    private static void drawOne(Path run, String orbits, String title, String yLabel, double[] ys, double[] lyapunov, String name) {
        Npy.Array values = Npy.read(run.resolve(orbits));
        ChartFiles.saveImage(OrbitDiagramPlot.render(title, ys, values.data(), (int) values.shape()[1], "η/η_c", yLabel,
                lyapunov, "Lyapunov exponent"), RunFiles.plots(run), name);
    }

    /** Which map from where, as the titles say it. */
    private static String mapDescription(JsonNode config) {
        if (MapKind.valueOf(config.path("map").asText()) == MapKind.manifold) return "EoS manifold map";
        double x0 = config.path("x0").asDouble();
        JsonNode lambda0 = config.path("lambda0");
        return lambda0.isNumber() ? String.format(Locale.ROOT, "full map from (%.3g, %.3g)", x0, lambda0.asDouble())
                : String.format(Locale.ROOT, "full map from x0 = %.3g, ηλ₀ = 2|x0+Y| + %.3g", x0,
                        config.path("lambda0_offset").asDouble());
    }
}
