package org.sharpscope.uv;

/**
 * GD on the UV model through its exact function-space map (THEORY.md §2, {@link FunctionSpaceMap})
 * on (Δf, λ); O(1) per step. It does not hold weights, so the norms are NaN.
 */
public final class FunctionEngine implements UvEngine {
    private final double kappa;
    private final double y;
    private double df;
    private double lambda;

    /** Starts from output f₀, NTK λ₀, coupling κ and target y (see {@link FunctionStart}). */
    public FunctionEngine(FunctionStart start, double target) {
        this.kappa = start.kappa();
        this.y = target;
        this.df = start.f0() - target;
        this.lambda = start.lambda0();
    }

    /** Starts from the current state of any engine (for example freshly drawn weights). */
    public static FunctionEngine from(UvEngine engine) {
        return new FunctionEngine(new FunctionStart(engine.output(), engine.ntk(), engine.kappa()), engine.target());
    }

    @Override
    public void step(double eta) {
        double nextDf = FunctionSpaceMap.nextResidual(df, lambda, eta, kappa, y);
        lambda = FunctionSpaceMap.nextNtk(df, lambda, eta, kappa, y);
        df = nextDf;
    }

    @Override
    public double output() {
        return df + y;
    }

    @Override
    public double residual() {
        return df;
    }

    @Override
    public double ntk() {
        return lambda;
    }

    @Override
    public double kappa() {
        return kappa;
    }

    @Override
    public double target() {
        return y;
    }

    @Override
    public double normU() {
        return Double.NaN;
    }

    @Override
    public double normV() {
        return Double.NaN;
    }
}
