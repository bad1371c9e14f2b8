package org.sharpscope.spectral;

/**
 * How an {@link EigenSolver} runs: which end of the spectrum, the residual tolerance, a product
 * budget, the seed of the random start, whether eigenvectors are returned, optional warm-start
 * vectors, the block and basis sizes, and whether the multiplicity check runs. Immutable; change
 * one field with the {@code with...} methods, starting from {@link #defaults()}.
 *
 * <p>A Ritz pair (θ, v) counts as converged when ‖A v − θ v‖ ≤ tol · ‖A‖, where ‖A‖ is estimated
 * by the largest |Ritz value| seen. The eigenvalue error is then at most tol·‖A‖ and, away from
 * clusters, about (tol·‖A‖)²/gap. ({@link Davidson}, the tracking solver, reads tol as the
 * relative accuracy of the eigenvalues themselves and stops on the quadratic bound.)
 *
 * <p>Repeated eigenvalues: every solver runs the <em>multiplicity check</em> by default (see
 * {@link EigenResult}): once its k pairs have converged, they are locked and a fresh Lanczos
 * search, orthogonal to everything locked, looks for an eigenvalue at or beyond the k-th one
 * (within tol·‖A‖); each one found is locked and the search restarts, until a search finds
 * nothing. So top-k is right for exactly and nearly repeated eigenvalues at any block size, and
 * {@link EigenResult#multiplicity()} says how many copies of each value there are.
 *
 * @param which             top-k (largest algebraic, descending) or bottom-k (smallest, ascending)
 * @param tol               relative residual tolerance, &gt; 0 (default 1e-8)
 * @param maxProducts       stop (unconverged) after this many operator products, the check's
 *                          included (default 100 000)
 * @param seed              seed of every random start vector (default 0)
 * @param wantVectors       return the eigenvectors in {@link EigenResult#vectors()} (default true)
 * @param warmStart         starting vectors (each of length n; need not be orthonormal), or null.
 *                          The first k start the solver; any further ones start the multiplicity
 *                          check (pass {@link EigenResult#warmStart()} of the previous result)
 * @param blockSize         vectors added per Lanczos step (default 1); a larger block can reach
 *                          repeated eigenvalues in fewer steps but is not needed for them
 * @param maxBasis          Lanczos basis size before a thick restart; 0 chooses max(3k, k + 30)
 * @param multiplicityCheck run the multiplicity check after convergence (default true); turn it
 *                          off only when the cost matters more than missing copies of a repeated
 *                          eigenvalue (then {@link EigenResult#multiplicityChecked()} is all false)
 */
public record SolverOptions(Which which, double tol, long maxProducts, long seed, boolean wantVectors,
                            double[][] warmStart, int blockSize, int maxBasis, boolean multiplicityCheck) {
    /** Which end of the spectrum is wanted (algebraic order, not magnitude). */
    public enum Which { TOP, BOTTOM }

    public SolverOptions {
        if (which == null) throw new IllegalArgumentException("which must not be null");
        if (!(tol > 0) || !Double.isFinite(tol)) throw new IllegalArgumentException("tol must be > 0, got " + tol);
        if (maxProducts < 1) throw new IllegalArgumentException("maxProducts must be >= 1, got " + maxProducts);
        if (blockSize < 1) throw new IllegalArgumentException("blockSize must be >= 1, got " + blockSize);
        if (maxBasis < 0) throw new IllegalArgumentException("maxBasis must be >= 0, got " + maxBasis);
    }

    /** Top end, tol 1e-8, 100 000 products, seed 0, vectors returned, cold start, block 1, check on. */
    public static SolverOptions defaults() {
        return new SolverOptions(Which.TOP, 1e-8, 100_000, 0L, true, null, 1, 0, true);
    }

    public SolverOptions withWhich(Which w) {
        return new SolverOptions(w, tol, maxProducts, seed, wantVectors, warmStart, blockSize, maxBasis, multiplicityCheck);
    }

    public SolverOptions withTol(double t) {
        return new SolverOptions(which, t, maxProducts, seed, wantVectors, warmStart, blockSize, maxBasis, multiplicityCheck);
    }

    public SolverOptions withMaxProducts(long m) {
        return new SolverOptions(which, tol, m, seed, wantVectors, warmStart, blockSize, maxBasis, multiplicityCheck);
    }

    public SolverOptions withSeed(long s) {
        return new SolverOptions(which, tol, maxProducts, s, wantVectors, warmStart, blockSize, maxBasis, multiplicityCheck);
    }

    public SolverOptions withWantVectors(boolean v) {
        return new SolverOptions(which, tol, maxProducts, seed, v, warmStart, blockSize, maxBasis, multiplicityCheck);
    }

    /**
     * Warm start from these vectors (for tracking: {@link EigenResult#warmStart()} of the previous
     * step, which carries the check's vectors too, so that the check stays cheap as well).
     */
    public SolverOptions withWarmStart(double[][] vectors) {
        return new SolverOptions(which, tol, maxProducts, seed, wantVectors, vectors, blockSize, maxBasis, multiplicityCheck);
    }

    public SolverOptions withBlockSize(int b) {
        return new SolverOptions(which, tol, maxProducts, seed, wantVectors, warmStart, b, maxBasis, multiplicityCheck);
    }

    public SolverOptions withMaxBasis(int m) {
        return new SolverOptions(which, tol, maxProducts, seed, wantVectors, warmStart, blockSize, m, multiplicityCheck);
    }

    /** Whether the multiplicity check runs after convergence (on by default). */
    public SolverOptions withMultiplicityCheck(boolean check) {
        return new SolverOptions(which, tol, maxProducts, seed, wantVectors, warmStart, blockSize, maxBasis, check);
    }
}
