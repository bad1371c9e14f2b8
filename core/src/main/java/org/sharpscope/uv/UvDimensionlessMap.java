package org.sharpscope.uv;

import org.sharpscope.dynamics.DiscreteMap;

/**
 * The dimensionless UV function-space map on {X, Λ} = {η√κΔf, ηλ} with parameter Y = η√κ y
 * (= η/η_c for y &gt; 0); the step is {@link FunctionSpaceMap#dimensionless}.
 */
public record UvDimensionlessMap(double bigY) implements DiscreteMap {
    private static final double ADMISSIBLE_TOL = 1e-12;

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double parameter() {
        return bigY;
    }

    @Override
    public UvDimensionlessMap at(double p) {
        return new UvDimensionlessMap(p);
    }

    @Override
    public void step(double[] state, double[] out) {
        FunctionSpaceMap.dimensionless(state, bigY, out);
    }

    @Override
    public void jacobian(double[] s, double[] j) {
        double x = s[0];
        double l = s[1];
        j[0] = 1 - l + 3 * x * x + 2 * x * bigY;
        j[1] = -x;
        j[2] = 2 * l * x - 8 * x - 4 * bigY;
        j[3] = 1 + x * x;
    }

    @Override
    public void parameterDerivative(double[] s, double[] out) {
        double x = s[0];
        out[0] = x * x;
        out[1] = -4 * x;
    }

    /** Q in dimensionless units, Λ² − 4(X + Y)² (η²Q); zero on the EoS manifold. */
    public double q(double[] s) {
        return FunctionSpaceMap.q(s[0] + bigY, s[1], 1);
    }

    /** ηλ^H, the dimensionless Hessian sharpness (docs/theory.md §3 with η = κ = 1, y = Y). */
    public double etaLambdaH(double x, double etaLambda) {
        return UvSharpness.sharpness(x, etaLambda, 1, bigY);
    }

    /** Admissible: Λ ≥ 0 and Q ≥ 0 (Cauchy–Schwarz, Λ ≥ 2|X + Y|), up to rounding. */
    @Override
    public boolean admissible(double[] s) {
        return s[1] >= -ADMISSIBLE_TOL * Math.max(1, Math.abs(s[1])) && q(s) >= -ADMISSIBLE_TOL * Math.max(1, s[1] * s[1]);
    }

    @Override
    public String name() {
        return "uv-dimensionless";
    }
}
