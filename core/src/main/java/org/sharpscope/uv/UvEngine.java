package org.sharpscope.uv;

/**
 * One way of running GD on the UV model: it holds the current state and advances it by one step.
 * Both engines ({@link WeightsEngine} on U and v, {@link FunctionEngine} on (Δf, λ)) follow the
 * same trajectory to rounding error.
 */
public interface UvEngine {
    /** Network output f = c_s vᵀUx. */
    double output();

    /** NTK λ = ‖∇_θ f‖². */
    double ntk();

    /** κ = c_s²‖x‖². */
    double kappa();

    /** Target y. */
    double target();

    /** Frobenius norm ‖U‖, or NaN when the engine does not hold weights. */
    double normU();

    /** ‖v‖, or NaN when the engine does not hold weights. */
    double normV();

    /** One GD step with step size {@code eta} on L = ½(f − y)². */
    void step(double eta);

    /** Residual Δf = f − y. */
    default double residual() {
        return output() - target();
    }
}
