package org.sharpscope.report.uv;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.OrbitDiagramPlot;
import org.sharpscope.run.Npy;
import org.sharpscope.study.uv.MapKind;

/** The plots of {@code uv bifurcation}: density orbit diagrams of ηλ and ηλ^H with the Lyapunov exponent below. */
public final class BifurcationFigures {
    private BifurcationFigures() {}

    /** Writes plots/bifurcation_eta_lambda.png and plots/bifurcation_eta_lambda_h.png from the .npy files and bifurcation.csv. */
    public static void draw(Path run) {
        double[] ys = Npy.read(run.resolve("eta_over_etac.npy")).data();
        Npy.Array etaLambda = Npy.read(run.resolve("orbit_eta_lambda.npy"));
        Npy.Array etaLambdaH = Npy.read(run.resolve("orbit_eta_lambda_h.npy"));
        int record = (int) etaLambda.shape()[1];
        double[] lyapunov = RunFiles.csv(run, "bifurcation.csv").doubles("lyapunov");
        String what = mapDescription(RunFiles.config(run));
        ChartFiles.saveImage(OrbitDiagramPlot.render("Late-time ηλ, " + what, ys, etaLambda.data(), record,
                "η/η_c", "ηλ", lyapunov, "Lyapunov exponent"), RunFiles.plots(run), "bifurcation_eta_lambda");
        ChartFiles.saveImage(OrbitDiagramPlot.render("Late-time ηλ^H (Hessian sharpness), " + what, ys, etaLambdaH.data(), record,
                "η/η_c", "ηλ^H", lyapunov, "Lyapunov exponent"), RunFiles.plots(run), "bifurcation_eta_lambda_h");
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
