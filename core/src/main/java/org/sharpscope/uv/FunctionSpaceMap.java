package org.sharpscope.uv;

/**
 * The exact GD map of the UV model in function space (docs/theory.md §2): with residual Δf, NTK λ,
 * coupling κ, target y and step η,
 * <pre>
 *   Δf' = Δf (1 − ηλ + η²κ Δf (Δf + y))
 *   λ'  = λ + ηκ Δf (ηλΔf − 4(Δf + y))
 * </pre>
 * This is the single implementation of the map; the dimensionless form (X = η√κΔf, Λ = ηλ,
 * Y = η√κ y) is {@link #dimensionless}.
 */
public final class FunctionSpaceMap {
    private FunctionSpaceMap() {}

    /** Next residual Δf. */
    public static double nextResidual(double df, double lambda, double eta, double kappa, double y) {
        return df * (1 - eta * lambda + eta * eta * kappa * df * (df + y));
    }

    /** Next NTK λ. */
    public static double nextNtk(double df, double lambda, double eta, double kappa, double y) {
        return lambda + eta * kappa * df * (eta * lambda * df - 4 * (df + y));
    }

    /**
     * One step of the dimensionless map on {@code state = {X, Λ}} with control parameter Y,
     * written into {@code out} (which may be {@code state}).
     */
    public static void dimensionless(double[] state, double bigY, double[] out) {
        double x = state[0];
        double l = state[1];
        double nx = x * (1 - l + x * (x + bigY));
        double nl = l + x * (l * x - 4 * (x + bigY));
        out[0] = nx;
        out[1] = nl;
    }

    /** Q = λ² − 4κf², the quantity GD shrinks by (1 − η²κΔf²)² each step. */
    public static double q(double f, double lambda, double kappa) {
        return lambda * lambda - 4 * kappa * f * f;
    }
}
