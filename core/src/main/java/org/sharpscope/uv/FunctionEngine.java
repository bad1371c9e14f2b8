package org.sharpscope.uv;

/**
 * GD on the UV model through its exact function-space map (docs/theory.md §2, {@link FunctionSpaceMap})
 * on (Δf, λ); O(1) per step. It does not hold weights, so the norms are NaN.
 */
public final class FunctionEngine implements UvEngine {
    private final double kappa;
    private final double y;
    private double df;
    private double lambda;

    /** Starts from output f₀, NTK λ₀, coupling κ and target y (see {@link FunctionStart}). */
    public FunctionEngine(FunctionStart start, double target) {
        this(start.kappa(), target, start.f0() - target, start.lambda0());
    }

    private FunctionEngine(double kappa, double target, double residual, double lambda) {
        this.kappa = kappa;
        this.y = target;
        this.df = residual;
        this.lambda = lambda;
    }

    /**
     * The dimensionless state (X, Λ) = (η√κΔf, ηλ) at Y as an engine with κ = 1 and target Y, to
     * be stepped with η = 1: each step is then bit for bit a step of {@link UvDimensionlessMap},
     * its loss ½X² and its sharpness ηλ^H. The caller checks that the state is reachable.
     */
    public static FunctionEngine dimensionless(double x, double etaLambda, double bigY) {
        return new FunctionEngine(1, bigY, x, etaLambda);
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
