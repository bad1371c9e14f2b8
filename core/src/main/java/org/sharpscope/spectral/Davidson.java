package org.sharpscope.spectral;

import java.util.Arrays;
import java.util.Random;

/**
 * Block Davidson without preconditioner (Rayleigh–Ritz on every direction applied so far, expanded
 * by the residuals of the unconverged wanted pairs, with a thick restart when the basis is full),
 * for tracking top-k (or bottom-k) eigenvalues from a warm start to a stated accuracy of the
 * <em>eigenvalues</em>. With a single vector and exact arithmetic it spans the Krylov space of its
 * start vector, like Lanczos; unlike LOBPCG, whose three-vector basis cannot tell the second
 * eigenvalue apart when it is close, the whole basis also resolves the eigenvalues just beyond the
 * wanted ones, which the stopping rule needs.
 *
 * <p><b>Stopping.</b> {@link SolverOptions#tol()} is the relative accuracy asked of each wanted
 * eigenvalue, |λ − θ| ≤ tol·|θ|. A Ritz pair (θ, x) with residual r = A x − θ x is accepted when
 * <ul>
 *   <li>‖r‖ ≤ tol·‖A‖ (the residual rule: an eigenvalue lies within ‖r‖ of θ), or</li>
 *   <li>‖r‖ ≤ {@value #CERTIFIED}·tol·‖A‖, and ‖r‖² ≤ tol·|θ|·gap (the quadratic bound
 *       |λ − θ| ≤ ‖r‖²/gap), where gap = θ − (θ' + ‖r'‖) &gt; 0 for the first unwanted Ritz pair
 *       (θ', r') of the basis (top-k; mirrored for bottom-k), and θ moved by at most tol·|θ| in
 *       the last step.</li>
 * </ul>
 * An eigenvalue lies within ‖r'‖ of θ', so the gap counts once the basis has resolved the
 * eigenvalue next to the wanted ones; the rule then accepts residuals near √(tol·λ·gap), where
 * the residual rule needs tol·‖A‖ — several products more per solve, and with float32 products,
 * whose rounding noise is near 1e-6·‖A‖, dozens at tol 1e-6. What no rule built from products
 * can see is an eigenvalue still mixed into the wanted Ritz vector (two eigenvalues closer than
 * the residual, from a start block that does not separate them): the first condition caps the
 * error that can hide there at {@value #CERTIFIED}·tol·‖A‖ (with k ≥ 2, such an eigenvalue can
 * also be missed by the next pair, as under the residual rule at its smaller window). Tracking
 * warm starts that carry a Ritz vector beyond the wanted ones (see {@link #track}) keep the
 * nearest competitor resolved. Checked against dense eigendecompositions in the tests.
 *
 * <p>‖A‖ is estimated by the largest |Ritz value| seen. Warm-start vectors (any number; the
 * first ones first) span the start block, padded with random vectors to k. Memory: 2·maxBasis
 * vectors of length n ({@link SolverOptions#maxBasis()}, 0 choosing max(20, 3·(k + guard))).
 */
public final class Davidson implements EigenSolver {
    /** A new direction whose norm drops below this fraction when orthogonalised is dropped. */
    private static final double KEEP = 1e-8;
    /** The residual of an accepted pair is at most this many times tol·‖A‖ (the worst-case eigenvalue error). */
    static final double CERTIFIED = 10;

    /**
     * A solve's result and the Ritz vectors to start the next solve from: the k wanted ones
     * followed by {@code guard} more (the best approximations to the next eigenvectors, which the
     * basis has when the wanted ones converge), fewer when the basis was smaller.
     */
    public record Tracked(EigenResult result, double[][] basis) {}

    @Override
    public EigenResult solve(LinearOperator op, int k, SolverOptions o) {
        return track(op, k, 0, o).result();
    }

    /** Solves for k pairs and also returns {@code guard} further Ritz vectors for the next warm start. */
    public Tracked track(LinearOperator op, int k, int guard, SolverOptions o) {
        int n = op.dimension();
        if (k < 1 || k > n) throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
        if (guard < 0) throw new IllegalArgumentException("guard must be >= 0, got " + guard);
        int want = Math.min(n, k + guard);
        int maxBasis = o.maxBasis() == 0 ? Math.max(20, 3 * want) : o.maxBasis();
        maxBasis = Math.min(n, Math.max(maxBasis, want + k));
        Random rnd = new Random(o.seed());
        double tol = o.tol();

        double[][] v = new double[maxBasis][];
        double[][] av = new double[maxBasis][];
        double[][] h = new double[maxBasis][maxBasis];
        int m = 0;
        long products = 0;

        // Start block: warm-start vectors (as many as fit in half the basis), padded to k.
        int startCap = Math.max(k, Math.min(maxBasis / 2, o.warmStart() == null ? 0 : o.warmStart().length));
        if (o.warmStart() != null) {
            for (double[] s : o.warmStart()) {
                if (m == startCap) break;
                if (s.length != n) throw new IllegalArgumentException("warm-start vector has length " + s.length + ", expected " + n);
                double[] c = s.clone();
                double before = Vectors.norm(c);
                if (!(before > 0)) continue;
                double after = Vectors.orthogonalize(c, v, m);
                if (after > 1e-8 * before) {
                    Vectors.scale(1 / after, c);
                    v[m++] = c;
                }
            }
        }
        while (m < k) {
            double[] c = Vectors.gaussian(n, rnd);
            if (!Vectors.orthonormalizeOrRandom(c, v, m, rnd)) throw new IllegalStateException("cannot build a start block");
            v[m++] = c;
        }
        m = (int) Math.max(k, Math.min(m, o.maxProducts()));
        products += expand(op, v, av, h, 0, m);

        double scale = 0;
        double[] previous = null; // Ritz values of the previous step
        double[] theta = new double[k];
        double[] res = new double[k];
        double[][] x = new double[k][];
        while (true) {
            SmallSymmetricEigen e = SmallSymmetricEigen.of(h, m);
            for (double t : e.values()) scale = Math.max(scale, Math.abs(t));
            int kk = Math.min(k, m);
            // The first unwanted Ritz pair: its value, moved towards the wanted end by its residual
            // norm (an eigenvalue lies within that distance of it), bounds the gap from below.
            double next = Double.NaN;
            if (m > k) {
                int idx = e.wanted(k, o.which());
                double[] y = e.vectors()[idx];
                double t = e.values()[idx];
                double[] rr = Vectors.combine(av, m, y, n);
                Vectors.axpy(-t, Vectors.combine(v, m, y, n), rr);
                next = t + (o.which() == SolverOptions.Which.TOP ? 1 : -1) * Vectors.norm(rr);
            }
            double[][] r = new double[kk][];
            boolean[] active = new boolean[kk];
            int nActive = 0;
            for (int i = 0; i < kk; i++) {
                double[] y = e.vectors()[e.wanted(i, o.which())];
                theta[i] = e.values()[e.wanted(i, o.which())];
                x[i] = Vectors.combine(v, m, y, n);
                r[i] = Vectors.combine(av, m, y, n);
                Vectors.axpy(-theta[i], x[i], r[i]);
                res[i] = Vectors.norm(r[i]);
                boolean ok = res[i] <= tol * scale;
                if (!ok && previous != null && Double.isFinite(next) && res[i] <= CERTIFIED * tol * scale) {
                    double target = tol * Math.abs(theta[i]);
                    double gap = o.which() == SolverOptions.Which.TOP ? theta[i] - next : next - theta[i];
                    ok = gap > 0 && res[i] * res[i] <= target * gap && Math.abs(theta[i] - previous[i]) <= target;
                }
                if (!ok) {
                    active[i] = true;
                    nActive++;
                }
            }
            long budget = o.maxProducts() - products;
            if (nActive == 0 || budget <= 0 || m == n) return finish(op, e, v, m, n, k, want, theta, res, x, products, o, rnd);

            // New directions: the residuals of the unconverged pairs, orthogonalised against the basis.
            double[][] fresh = new double[nActive][];
            int nf = 0;
            for (int i = 0; i < kk && nf < budget; i++) {
                if (!active[i]) continue;
                double[] d = r[i];
                double before = res[i];
                Vectors.orthogonalize(d, v, m);
                Vectors.orthogonalize(d, fresh, nf);
                double left = Vectors.orthogonalize(d, v, m); // once more: the second block may have reintroduced some
                if (!(left > KEEP * before)) continue;
                Vectors.scale(1 / left, d);
                fresh[nf++] = d;
            }
            if (nf == 0) return finish(op, e, v, m, n, k, want, theta, res, x, products, o, rnd); // stagnation
            nf = Math.min(nf, n - m);
            if (m + nf > maxBasis) {
                // Thick restart: keep the best Ritz vectors (wanted end first), as many as leave room.
                int keep = Math.max(Math.min(m, want), Math.min(m, maxBasis - nf));
                double[][] nv = new double[maxBasis][];
                double[][] nav = new double[maxBasis][];
                double[][] nh = new double[maxBasis][maxBasis];
                for (int i = 0; i < keep; i++) {
                    double[] y = e.vectors()[e.wanted(i, o.which())];
                    nv[i] = Vectors.combine(v, m, y, n);
                    nav[i] = Vectors.combine(av, m, y, n);
                    nh[i][i] = e.values()[e.wanted(i, o.which())];
                }
                v = nv;
                av = nav;
                h = nh;
                m = keep;
                nf = Math.min(nf, maxBasis - m);
                for (int j = 0; j < nf; j++) { // the residuals are orthogonal to the old basis; keep them so to the new one
                    Vectors.orthogonalize(fresh[j], v, m);
                    Vectors.scale(1 / Vectors.norm(fresh[j]), fresh[j]);
                }
            }
            System.arraycopy(fresh, 0, v, m, nf);
            products += expand(op, v, av, h, m, nf);
            m += nf;
            previous = theta.clone();
        }
    }

    /** Applies A to v[from … from+count−1] as one block and fills the new rows of H = VᵀAV. */
    private static long expand(LinearOperator op, double[][] v, double[][] av, double[][] h, int from, int count) {
        if (count == 0) return 0;
        int n = v[from].length;
        double[][] xs = Arrays.copyOfRange(v, from, from + count);
        double[][] ys = new double[count][];
        for (int j = 0; j < count; j++) ys[j] = new double[n];
        op.applyBlock(xs, ys);
        for (int j = 0; j < count; j++) av[from + j] = ys[j];
        for (int a = from; a < from + count; a++) {
            for (int b = 0; b <= a; b++) {
                double s = 0.5 * (Vectors.dot(v[a], av[b]) + Vectors.dot(v[b], av[a]));
                h[a][b] = s;
                h[b][a] = s;
            }
        }
        return count;
    }

    private static Tracked finish(LinearOperator op, SmallSymmetricEigen e, double[][] v, int m, int n, int k, int want, double[] theta,
                                  double[] res, double[][] x, long products, SolverOptions o, Random rnd) {
        int kk = Math.min(k, m);
        double[][] basis = new double[Math.min(want, m)][];
        for (int i = 0; i < basis.length; i++) {
            basis[i] = i < kk ? x[i] : Vectors.combine(v, m, e.vectors()[e.wanted(i, o.which())], n);
        }
        double scale = 0;
        for (double t : e.values()) scale = Math.max(scale, Math.abs(t));
        boolean[] converged = new boolean[kk];
        for (int i = 0; i < kk; i++) converged[i] = res[i] <= CERTIFIED * o.tol() * scale;
        // The multiplicity check of every solver: copies of the k-th value beyond the tracked ones. Its
        // random start comes from the same stream after the solver's own: a start equal to the
        // solver's would hold no component along copies the solver's Krylov space could not see.
        EigenResult r = MultiplicityCheck.finish(op, k, o, Arrays.copyOf(theta, kk), Arrays.copyOf(x, kk),
                Arrays.copyOf(res, kk), converged, products, scale, rnd);
        return new Tracked(r, basis);
    }
}
