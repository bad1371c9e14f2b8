package org.sharpscope.spectral;

import java.util.Arrays;

/**
 * Eigenpairs found by a solver: {@code values[i]} with unit eigenvector {@code vectors[i]} (null
 * when not requested), residual norms ‖A v − λ v‖, and the number of operator products used
 * (the multiplicity check's included). Values are sorted in the order the solver was asked for
 * (descending for top-k, ascending for bottom-k).
 *
 * <p><b>Convergence.</b> {@code converged[i]} is true when the pair met the solver's stopping
 * rule (‖A v − θ v‖ ≤ tol·‖A‖ for Lanczos and LOBPCG; the deflated residual for power
 * iteration; the eigenvalue-accuracy rule for {@link Davidson}). A result cut short by the
 * product budget has some false.
 *
 * <p><b>Multiplicity check</b> ({@link SolverOptions#multiplicityCheck()}, on by default). A
 * single Krylov sequence sees an exactly repeated eigenvalue once, and eigenvalues closer than the
 * tolerance as one, so "top-k" could silently skip copies. After the solver's k pairs have
 * converged they are locked, and a fresh Lanczos search from a random vector, kept orthogonal to
 * every locked vector, looks for an eigenvalue at or beyond the k-th value minus
 * {@code multiplicityTolerance} (= tol·‖A‖). Whatever it finds is converged, locked and merged into
 * the result (so the top-k values are the right ones) and the search restarts; the check ends when
 * a search finds nothing there. A search finds nothing either when its extreme Ritz pair has
 * converged short of the threshold (the usual Lanczos standard), or earlier when a probabilistic
 * bound clears it: for a start vector uniform on the sphere, the characteristic polynomial φ_m of
 * the m-step Lanczos matrix satisfies |c|·φ_m(λ) ≤ β₁⋯β_m for the extreme eigenvalue λ and its
 * component c in the start, and |c| is below c_min only with probability 10⁻⁶, which bounds λ
 * whatever the spectrum. Cost: about one top-1 Lanczos run in the non-degenerate case, one more
 * per copy found.
 *
 * <ul>
 *   <li>{@code multiplicity[i]}: how many eigenvalues found (returned or found by the check)
 *       lie within {@code multiplicityTolerance} of {@code values[i]}, itself included; exact when
 *       {@code multiplicityChecked[i]}, otherwise a lower bound.</li>
 *   <li>{@code multiplicityChecked[i]}: the check established that no eigenvalue within
 *       tolerance of {@code values[i]}, or beyond it, was missed. False when the check is off, when
 *       the solver did not converge, when the budget ran out during the check (values the searches
 *       had already cleared stay true), or for a cluster that would need more than 32 pairs locked
 *       beyond the k-th (counting stops there).</li>
 *   <li>{@code multiplicityTolerance}: tol·‖A‖, the distance within which values count as copies.</li>
 *   <li>{@code checkProducts}: the products the check used (included in {@code products}).</li>
 *   <li>{@code checkVectors}: found pairs not returned (copies beyond the k-th) followed by the
 *       last search's extreme Ritz vector; null when vectors were not requested or there are
 *       none. Passed back as extra warm-start vectors (see {@link #warmStart()}), they start the
 *       next check: one Rayleigh–Ritz step on them (one product per vector) locks the copies that
 *       are still converged and, when the best direction left is still short of the threshold
 *       by more than its residual, ends the check. So a warm-started check follows the carried
 *       directions, as tracking does, instead of searching afresh; it searches (from the carried
 *       direction, then from a random vector) only when they do not settle it. Without them (a
 *       warm start of just k vectors) the check searches from a random vector, as when cold.
 *       {@link Davidson} puts the carried vectors in its own basis, so its check takes that step
 *       on the Ritz pairs of the basis beyond the k-th (the best directions the whole basis has,
 *       not just the carried ones) at no product.</li>
 * </ul>
 */
public record EigenResult(double[] values, double[][] vectors, double[] residuals, long products,
                          boolean[] converged, int[] multiplicity, boolean[] multiplicityChecked,
                          double multiplicityTolerance, long checkProducts, double[][] checkVectors) {

    /** True when every returned pair converged. */
    public boolean allConverged() {
        for (boolean c : converged) if (!c) return false;
        return true;
    }

    /** True when the multiplicity check covered every returned value. */
    public boolean allMultiplicityChecked() {
        for (boolean c : multiplicityChecked) if (!c) return false;
        return true;
    }

    /**
     * The vectors to warm-start the next solve of a slowly changing operator with: the eigenvectors
     * followed by {@link #checkVectors()}; null when vectors were not requested.
     */
    public double[][] warmStart() {
        if (vectors == null) return null;
        if (checkVectors == null || checkVectors.length == 0) return vectors;
        double[][] all = Arrays.copyOf(vectors, vectors.length + checkVectors.length);
        System.arraycopy(checkVectors, 0, all, vectors.length, checkVectors.length);
        return all;
    }
}
