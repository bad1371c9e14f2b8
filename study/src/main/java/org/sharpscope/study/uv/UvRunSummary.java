package org.sharpscope.study.uv;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sharpscope.regime.EarlyTrend;
import org.sharpscope.regime.LateState;
import org.sharpscope.regime.Regime;

/**
 * What {@code uv run} found, written as summary.json: the constants of the start (docs/theory.md
 * §1–§5), the last finite step, and the regime. Values that are not finite are null.
 *
 * @param width              n, or null when started from (f₀, λ₀, κ)
 * @param paramS             s, or null when started from (f₀, λ₀, κ)
 * @param etaC               η_c = 1/(√κ|y|), null when y = 0
 * @param lambdaInfGf        the gradient-flow end point λ_∞
 * @param stepsRun           the last step run (the diverged step when the run diverged)
 * @param finalStep          the last step with finite values before divergence
 * @param lateSharpnessOrbit the last {@code period} values of λ^H
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UvRunSummary(UvRunSpec.Engine engine, Integer width, Double paramS, double target, double eta,
                           Double etaC, double etaOverEtac, double c, double kappa, double f0, double lambda0,
                           double sharpness0, double q0, double lambdaMin, double lambdaInfGf, double twoOverEta,
                           long stepsRun, long finalStep, Double sharpnessFinal, Double ntkFinal, Double lossFinal,
                           Double qFinal, EarlyTrend earlyTrend, boolean catapult, Long catapultAt,
                           LateState lateState, int period, Long divergedAt, List<Double> lateSharpnessOrbit) {

    /** The regime of the trajectory. */
    public Regime regime() {
        return new Regime(earlyTrend, catapult, catapultAt, lateState, period, divergedAt);
    }

    /** One paragraph for people: the model, the learning rate, how the sharpness went and the regime. */
    public String describe(UvRunSpec spec, Path dir) {
        String model = spec.functionStart() != null
                ? String.format(Locale.ROOT, "UV model from f0=%s, λ0=%s, κ=%s, y=%s (function engine)",
                        g(f0), g(lambda0), g(kappa), g(target))
                : String.format(Locale.ROOT, "UV model n=%d, d=%d, s=%s, σ_w=%s, y=%s, seed=%d (%s engine)",
                        spec.width(), spec.inputDim(), g(spec.paramS()), g(spec.sigmaW()), g(spec.target()),
                        spec.seed(), engine);
        return String.format(Locale.ROOT,
                "%s: η = %s (η/η_c = %s, c = ηλ₀^H = %s; κ = %s, 2/η = %s). Over %d steps the sharpness λ^H went "
                        + "%s → %s (NTK λ %s → %s; gradient-flow end point λ_∞ = %s): %s. Wrote %s "
                        + "(metrics.csv, summary.json, plots/loss.png, plots/sharpness.png).",
                model, g(eta), g(etaOverEtac), g(c), g(kappa), g(twoOverEta), stepsRun, g(sharpness0),
                g(sharpnessFinal), g(lambda0), g(ntkFinal), g(lambdaInfGf), regime().describe(), dir);
    }

    private static String g(Double v) {
        return String.format(Locale.ROOT, "%.4g", v == null ? Double.NaN : v);
    }
}
