package org.sharpscope.uv;

import org.sharpscope.dynamics.Lyapunov;

import org.sharpscope.dynamics.Escape;
import org.sharpscope.dynamics.ScalarMap;

/**
 * The UV dynamics restricted to the EoS manifold Q = 0, branch f/y &gt; 0 (docs/theory.md §7): with
 * Λ = 2(X + Y) the dimensionless map is exactly the cubic g(X) = X³ + (Y − 2)X² + (1 − 2Y)X.
 * The parameter is Y = η/η_c.
 */
public record EosManifoldMap(double bigY) implements ScalarMap {
    @Override
    public double parameter() {
        return bigY;
    }

    @Override
    public EosManifoldMap at(double p) {
        return new EosManifoldMap(p);
    }

    @Override
    public double next(double x, double y) {
        return x * (x * (x + (y - 2)) + (1 - 2 * y));
    }

    /** The same arithmetic as {@link #next(double, double)} in a loop without calls, which C2 vectorises. */
    @Override
    public void advance(double[] x, double[] p, int from, int to, int steps) {
        for (int t = 0; t < steps; t++) {
            for (int j = from; j < to; j++) {
                double xj = x[j];
                double y = p[j];
                x[j] = xj * (xj * (xj + (y - 2)) + (1 - 2 * y));
            }
        }
    }

    @Override
    public double derivative(double x, double y) {
        return 3 * x * x + 2 * (y - 2) * x + 1 - 2 * y;
    }

    @Override
    public double parameterDerivative(double x, double y) {
        return x * x - 2 * x;
    }

    /** ηλ on the manifold, Λ = 2(X + Y). */
    public static double etaLambda(double x, double y) {
        return 2 * (x + y);
    }

    /** The lift of a manifold point to the 2-D state {X, Λ} of {@link UvDimensionlessMap}. */
    public double[] lift(double x) {
        return new double[] {x, etaLambda(x, bigY)};
    }

    /**
     * The transverse Lyapunov exponent of the manifold Q = 0 along the manifold orbit from
     * {@code x0}: since Q_{t+1} = (1 − X_t²)² Q_t exactly, and Q is linear in the distance from the
     * manifold, the exponent is (1/n) Σ ln (1 − X_t²)² over n steps after {@code transientSteps}.
     * Negative means the manifold attracts; NaN when the orbit {@link Escape escapes}.
     */
    public double transverseLyapunov(double x0, int transientSteps, int n) {
        return transverseLyapunovEstimate(x0, transientSteps, n).exponent();
    }

    /**
     * {@link #transverseLyapunov} with its trap report: the orbit is the same guarded one as
     * {@link Lyapunov#largestEstimate}'s from the same start.
     */
    public Lyapunov.Estimate transverseLyapunovEstimate(double x0, int transientSteps, int n) {
        return Lyapunov.orbitMean(this, x0, transientSteps, n, x -> 2 * Math.log(Math.abs(1 - x * x)));
    }

    @Override
    public String name() {
        return "uv-eos-manifold";
    }
}
