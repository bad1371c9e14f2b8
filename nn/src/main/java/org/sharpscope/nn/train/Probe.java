package org.sharpscope.nn.train;

/**
 * What one probe measured at step {@code step} (weights θ_t, before the update to θ_{t+1}):
 * full-batch loss and accuracy (NaN for regression), the top-k Hessian eigenvalues λ₁^H ≥ … ≥
 * λ_k^H (NaN when the loss had diverged), the relative residual ‖Hv − λv‖/λ of λ₁^H, ‖θ‖, the
 * full-batch ‖∇L‖, ‖f(X)‖ (Frobenius norm of all outputs), the top NTK eigenvalue (NaN unless
 * asked for), the Hessian-vector products the probe used, the loss and accuracy on the
 * held-out examples (NaN without them; accuracy NaN for regression), and, in a run measuring
 * Lyapunov exponents, their running estimates over the steps averaged so far (the K weight-space
 * exponents largest first, then the largest loss exponent; NaN before the first; null in other runs).
 */
public record Probe(int step, double loss, double accuracy, double[] sharpness, double residual,
                   double weightNorm, double gradNorm, double outputNorm, double ntk, long hvps, double testLoss,
                   double testAccuracy, double[] lyapunov) {
    /** A probe of a run without Lyapunov exponents. */
    public Probe(int step, double loss, double accuracy, double[] sharpness, double residual, double weightNorm,
                 double gradNorm, double outputNorm, double ntk, long hvps, double testLoss, double testAccuracy) {
        this(step, loss, accuracy, sharpness, residual, weightNorm, gradNorm, outputNorm, ntk, hvps, testLoss,
                testAccuracy, null);
    }

    /** λ₁^H, the sharpness. */
    public double top() {
        return sharpness[0];
    }
}
