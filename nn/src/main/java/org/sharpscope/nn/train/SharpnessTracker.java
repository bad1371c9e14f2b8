package org.sharpscope.nn.train;

import org.sharpscope.spectral.EigenResult;
import org.sharpscope.spectral.LinearOperator;
import org.sharpscope.spectral.Lobpcg;
import org.sharpscope.spectral.SolverOptions;

/**
 * Tracks the top-k eigenpairs of an operator that changes slowly along training: each call runs
 * LOBPCG warm-started from the eigenvectors of the previous call, so a probe costs a handful of
 * products. The warm-start vectors are part of a run's state (they are checkpointed) because the
 * result depends on them at the level of the solver tolerance: the k eigenvectors followed by the
 * multiplicity check's vectors ({@link EigenResult#warmStart()}), with which the check costs about
 * one product per call.
 */
public final class SharpnessTracker {
    private final int k;
    private final SolverOptions options;
    private double[][] warm;

    /** Top-{@code k} tracking at relative residual {@code tol}, at most {@code maxProducts} per call. */
    public SharpnessTracker(int k, double tol, long maxProducts, double[][] warmStart) {
        this.k = k;
        this.options = SolverOptions.defaults().withTol(tol).withMaxProducts(maxProducts);
        this.warm = warmStart;
    }

    /** The top-k eigenpairs of {@code op}; remembers the vectors for the next call. */
    public EigenResult measure(LinearOperator op) {
        EigenResult r = new Lobpcg().solve(op, k, options.withWarmStart(warm));
        warm = r.warmStart(); // the eigenvectors and the multiplicity check's vectors (keeps the check cheap)
        return r;
    }

    /** The current warm-start vectors (null before the first call). */
    public double[][] warmStart() {
        return warm;
    }

    public int k() {
        return k;
    }
}
