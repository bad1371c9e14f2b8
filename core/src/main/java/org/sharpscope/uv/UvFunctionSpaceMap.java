package org.sharpscope.uv;

import org.sharpscope.dynamics.DiscreteMap;

/**
 * The dimensional UV function-space map on {Δf, λ} for coupling κ and target y, with the learning
 * rate η as its parameter; the step is {@link FunctionSpaceMap#nextResidual} and
 * {@link FunctionSpaceMap#nextNtk}.
 */
public record UvFunctionSpaceMap(double eta, double kappa, double y) implements DiscreteMap {
    private static final double ADMISSIBLE_TOL = 1e-12;

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double parameter() {
        return eta;
    }

    @Override
    public UvFunctionSpaceMap at(double p) {
        return new UvFunctionSpaceMap(p, kappa, y);
    }

    /** η_c = 1/(√κ|y|), the critical learning rate (docs/theory.md §4). */
    public double criticalEta() {
        return 1 / (Math.sqrt(kappa) * Math.abs(y));
    }

    /** The dimensionless map with Y = η√κ y. */
    public UvDimensionlessMap dimensionless() {
        return new UvDimensionlessMap(eta * Math.sqrt(kappa) * y);
    }

    @Override
    public void step(double[] s, double[] out) {
        double df = s[0];
        double l = s[1];
        out[0] = FunctionSpaceMap.nextResidual(df, l, eta, kappa, y);
        out[1] = FunctionSpaceMap.nextNtk(df, l, eta, kappa, y);
    }

    @Override
    public void jacobian(double[] s, double[] j) {
        double df = s[0];
        double l = s[1];
        double e2k = eta * eta * kappa;
        j[0] = 1 - eta * l + e2k * (3 * df * df + 2 * y * df);
        j[1] = -eta * df;
        j[2] = eta * kappa * (2 * eta * l * df - 8 * df - 4 * y);
        j[3] = 1 + e2k * df * df;
    }

    @Override
    public void parameterDerivative(double[] s, double[] out) {
        double df = s[0];
        double l = s[1];
        out[0] = -l * df + 2 * eta * kappa * (df * df * df + y * df * df);
        out[1] = kappa * (2 * eta * l * df * df - 4 * df * df - 4 * y * df);
    }

    @Override
    public boolean admissible(double[] s) {
        double q = FunctionSpaceMap.q(s[0] + y, s[1], kappa);
        return s[1] >= -ADMISSIBLE_TOL * Math.max(1, Math.abs(s[1])) && q >= -ADMISSIBLE_TOL * Math.max(1, s[1] * s[1]);
    }

    @Override
    public String name() {
        return "uv-function-space";
    }
}
