package org.sharpscope.dynamics;

/**
 * A one-dimensional {@link DiscreteMap} with scalar entry points that take the parameter
 * explicitly, so long orbits at many parameter values (orbit diagrams, Lyapunov curves) run as
 * tight loops over primitive arrays.
 */
public interface ScalarMap extends DiscreteMap {
    /** F(x; p). */
    double next(double x, double p);

    /** ∂F/∂x at (x; p). */
    double derivative(double x, double p);

    /** ∂F/∂p at (x; p). */
    double parameterDerivative(double x, double p);

    @Override
    ScalarMap at(double p);

    /**
     * Advances every x[j] by {@code steps} steps at its own parameter p[j], for j in [from, to).
     * Maps override this with a loop the JIT can vectorise; results must equal repeated
     * {@link #next(double, double)} bit for bit.
     */
    default void advance(double[] x, double[] p, int from, int to, int steps) {
        for (int t = 0; t < steps; t++) {
            for (int j = from; j < to; j++) x[j] = next(x[j], p[j]);
        }
    }

    /** F(x) at this instance's parameter. */
    default double next(double x) {
        return next(x, parameter());
    }

    /** F'(x) at this instance's parameter. */
    default double derivative(double x) {
        return derivative(x, parameter());
    }

    @Override
    default int dimension() {
        return 1;
    }

    @Override
    default void step(double[] state, double[] out) {
        out[0] = next(state[0], parameter());
    }

    @Override
    default void jacobian(double[] state, double[] jac) {
        jac[0] = derivative(state[0], parameter());
    }

    @Override
    default void parameterDerivative(double[] state, double[] out) {
        out[0] = parameterDerivative(state[0], parameter());
    }
}
