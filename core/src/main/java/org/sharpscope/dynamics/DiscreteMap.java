package org.sharpscope.dynamics;

/**
 * A discrete-time dynamical system x' = F(x; p) in d dimensions with one scalar control parameter
 * p: the one abstraction the verbs of this package ({@link FixedPoints}, {@link DoublingCascade},
 * {@link Lyapunov}, {@link OrbitDiagram}) work over. Instances are immutable; a map at another
 * parameter value comes from {@link #at(double)}.
 */
public interface DiscreteMap {
    /** State dimension d. */
    int dimension();

    /** The control parameter p of this instance. */
    double parameter();

    /** The same map at control parameter {@code p}. */
    DiscreteMap at(double p);

    /** Writes F(state) into {@code out}; {@code out} may be {@code state}. */
    void step(double[] state, double[] out);

    /** Writes the Jacobian ∂F/∂x at {@code state} into {@code jac}, row-major d×d. */
    void jacobian(double[] state, double[] jac);

    /** Writes ∂F/∂p at {@code state} into {@code out} (used to continue orbits in p). */
    void parameterDerivative(double[] state, double[] out);

    /** Whether a state is physically admissible (for the UV map: Q ≥ 0); true by default. */
    default boolean admissible(double[] state) {
        return true;
    }

    /** A short name for reports, such as "logistic" or "uv-dimensionless". */
    String name();
}
