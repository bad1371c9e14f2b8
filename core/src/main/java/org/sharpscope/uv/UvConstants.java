package org.sharpscope.uv;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The derived constants of a UV trajectory (docs/theory.md §1–§5): κ, the flattest minimum
 * λ_min = 2√κ|y|, the critical learning rate η_c = 1/(√κ|y|) (infinite for y = 0), Y = η/η_c,
 * c = ηλ₀^H, Q₀ = λ₀² − 4κf₀² and the gradient-flow end point λ_∞ = sqrt(Q₀ + 4κy²).
 */
public record UvConstants(
        @JsonProperty("kappa") double kappa,
        @JsonProperty("target") double target,
        @JsonProperty("f0") double f0,
        @JsonProperty("lambda0") double lambda0,
        @JsonProperty("sharpness0") double sharpness0,
        @JsonProperty("q0") double q0,
        @JsonProperty("lambda_min") double lambdaMin,
        @JsonProperty("eta_c") double etaC,
        @JsonProperty("lambda_inf_gf") double lambdaInfinity,
        @JsonProperty("eta") double eta,
        @JsonProperty("eta_over_etac") double etaOverEtaC,
        @JsonProperty("c") double c) {

    /** η_c = 1/(√κ|y|); infinite when y = 0. */
    public static double criticalEta(double kappa, double target) {
        return 1 / (Math.sqrt(kappa) * Math.abs(target));
    }

    /** λ_∞ = sqrt(λ₀² − 4κf₀² + 4κy²), where gradient flow from (f₀, λ₀) ends (docs/theory.md §5). */
    public static double gradientFlowEndPoint(double f0, double lambda0, double kappa, double target) {
        return Math.sqrt(Math.max(0, FunctionSpaceMap.q(f0, lambda0, kappa) + 4 * kappa * target * target));
    }

    /** The constants for initial output f₀, NTK λ₀, coupling κ, target y and step η. */
    public static UvConstants of(double f0, double lambda0, double kappa, double target, double eta) {
        double etaC = criticalEta(kappa, target);
        double sharp0 = UvSharpness.sharpness(f0 - target, lambda0, kappa, target);
        return new UvConstants(kappa, target, f0, lambda0, sharp0,
                FunctionSpaceMap.q(f0, lambda0, kappa),
                2 * Math.sqrt(kappa) * Math.abs(target), etaC,
                gradientFlowEndPoint(f0, lambda0, kappa, target),
                eta, eta / etaC, eta * sharp0);
    }

    /** The constants for the current state of {@code engine} at step η. */
    public static UvConstants of(UvEngine engine, double eta) {
        return of(engine.output(), engine.ntk(), engine.kappa(), engine.target(), eta);
    }
}
