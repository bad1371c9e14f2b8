package org.sharpscope.nn.train;

/**
 * What one probe measured at step {@code step} (weights θ_t, before the update to θ_{t+1}):
 * full-batch loss and accuracy (NaN for regression), the top-k Hessian eigenvalues λ₁^H ≥ … ≥
 * λ_k^H (NaN when the loss had diverged), the relative residual ‖Hv − λv‖/λ of λ₁^H, ‖θ‖, the
 * full-batch ‖∇L‖, ‖f(X)‖ (Frobenius norm of all outputs), the top NTK eigenvalue (NaN unless
 * asked for), the Hessian-vector products the probe used, and the loss and accuracy on the
 * held-out examples (NaN without them; accuracy NaN for regression).
 */
public record Probe(int step, double loss, double accuracy, double[] sharpness, double residual,
                   double weightNorm, double gradNorm, double outputNorm, double ntk, long hvps, double testLoss,
                   double testAccuracy) {
    /** λ₁^H, the sharpness. */
    public double top() {
        return sharpness[0];
    }
}
