package org.sharpscope.uv;

/**
 * The exact top Hessian eigenvalue of the UV loss (docs/theory.md §3):
 * λ^H = max{ ½[λ + sqrt(λ² + 4κΔf(3Δf + 2y))], √κ|Δf| }.
 */
public final class UvSharpness {
    private UvSharpness() {}

    public static double sharpness(double df, double lambda, double kappa, double y) {
        double disc = lambda * lambda + 4 * kappa * df * (3 * df + 2 * y);
        double branch = 0.5 * (lambda + Math.sqrt(Math.max(disc, 0)));
        return Math.max(branch, Math.sqrt(kappa) * Math.abs(df));
    }
}
