package org.sharpscope.spectral;

/**
 * Finds k eigenpairs at one end of the spectrum of a symmetric operator from products alone.
 * Implemented by {@link Lanczos}, {@link Lobpcg} and {@link PowerIteration}.
 */
public interface EigenSolver {
    /**
     * Returns the k wanted eigenpairs (1 ≤ k ≤ n), sorted descending for top-k and ascending for
     * bottom-k, with residual norms and the number of products used. When the product budget
     * runs out first, the best current estimates are returned; their residuals say so.
     */
    EigenResult solve(LinearOperator op, int k, SolverOptions options);

    /** {@link #solve(LinearOperator, int, SolverOptions)} with {@link SolverOptions#defaults()}. */
    default EigenResult solve(LinearOperator op, int k) {
        return solve(op, k, SolverOptions.defaults());
    }

    /** The solver for a lower-case name: lanczos, lobpcg or power. */
    static EigenSolver named(String name) {
        return switch (name) {
            case "lanczos" -> new Lanczos();
            case "lobpcg" -> new Lobpcg();
            case "power" -> new PowerIteration();
            default -> throw new IllegalArgumentException("unknown eigensolver '" + name + "' (lanczos, lobpcg, power)");
        };
    }
}
