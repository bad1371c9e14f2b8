package org.sharpscope.nn.train;

import org.sharpscope.spectral.Davidson;
import org.sharpscope.spectral.EigenResult;
import org.sharpscope.spectral.LinearOperator;
import org.sharpscope.spectral.SolverOptions;

/**
 * Tracks the top-k eigenpairs of an operator that changes along training. Each call runs
 * {@link Davidson} warm-started from the Ritz vectors the previous call ended with: the k
 * eigenvectors and {@value #GUARD} more (the best approximation to the next eigenvector). At the
 * edge of stability the top eigenvalues form a cluster whose eigenvectors rotate into each other
 * from step to step, and the extra vector keeps the start block close to the new top eigenvector.
 *
 * <p>{@code tol} is the relative accuracy asked of the eigenvalues: a call stops once
 * |λ − θ| ≤ tol·|θ| follows from the residuals and the gap to the next Ritz value (the quadratic
 * residual bound, see {@link Davidson}), instead of driving the residual itself down to tol·‖A‖,
 * which costs several times more products and, with float32 products, reaches their rounding
 * noise.
 *
 * <p>Every call ends with the multiplicity check of {@link EigenResult} (copies of the k-th value
 * beyond the tracked ones). The first call's check searches the rest of the space from a random
 * vector; later ones decide from the Davidson basis, which holds the carried vectors, at no
 * product, and search only when a carried direction comes within tol·‖A‖ of the k-th value
 * without having converged. Copies found are carried too. The warm-start vectors are part of a
 * run's state (they are checkpointed) because the result depends on them at the level of the
 * tolerance.
 */
public final class SharpnessTracker {
    /** Ritz vectors carried to the next call beyond the k tracked ones. */
    static final int GUARD = 1;

    private final int k;
    private final SolverOptions options;
    private double[][] warm;

    /** Top-{@code k} tracking to relative eigenvalue accuracy {@code tol}, at most {@code maxProducts} products per call. */
    public SharpnessTracker(int k, double tol, long maxProducts, double[][] warmStart) {
        this.k = k;
        this.options = SolverOptions.defaults().withTol(tol).withMaxProducts(maxProducts);
        this.warm = warmStart;
    }

    /** The top-k eigenpairs of {@code op}; remembers the vectors for the next call. */
    public EigenResult measure(LinearOperator op) {
        Davidson.Tracked t = new Davidson().track(op, k, GUARD, options.withWarmStart(warm));
        EigenResult r = t.result();
        // The tracked Ritz vectors and the multiplicity check's vectors (keeps the check cheap).
        warm = r.checkVectors() == null || r.checkVectors().length == 0 ? t.basis() : r.warmStart();
        return r;
    }

    /** The current warm-start vectors (null before the first call): k tracked plus up to {@value #GUARD} more. */
    public double[][] warmStart() {
        return warm;
    }

    public int k() {
        return k;
    }
}
