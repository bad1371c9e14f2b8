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
 * eigenvalue, |λ_i − θ_i| ≤ tol·|θ_i|. Let θ₁ … θ_k be the wanted Ritz values, x_i their vectors,
 * r_i = A x_i − θ_i x_i, R² = Σ‖r_i‖², and (θ', r') the first unwanted Ritz pair of the basis.
 * <ul>
 *   <li>Residual rule: ‖r_i‖ ≤ tol·‖A‖ accepts pair i (an eigenvalue lies within ‖r_i‖ of θ_i).</li>
 *   <li>Quadratic rule: R² ≤ tol·min|θ_i|·gap, gap = θ_k − b &gt; 0 with b = θ' + ‖r'‖ (top-k;
 *       mirrored for bottom-k), accepts all k. Proof: if no unit vector orthogonal to x₁ … x_k has
 *       a Rayleigh quotient above b, the k largest eigenvalues satisfy |λ_i − θ_i| ≤ R²/(θ_k − b)
 *       (the quadratic residual bound of Rayleigh–Ritz: A in the basis [X, X⊥] is
 *       [[Θ, Eᵀ], [E, C]] with ‖E‖ ≤ R and C ≤ b, and Θ, C are gap apart; Mathias 1998, Li 2005; for k = 1 it is
 *       the Kato–Temple bound 0 ≤ λ₁ − θ₁ ≤ ‖r₁‖²/(θ₁ − b)), so the error is at most tol·|θ_i|. The
 *       premise is the one thing products cannot prove: b is the eigenvalue bound of the best
 *       direction beyond the wanted ones that the basis holds, and the multiplicity check that
 *       follows examines the rest of the space (with a random search when cold, along the carried
 *       directions when tracking; see {@link EigenResult}).</li>
 * </ul>
 * The quadratic rule accepts residuals near √(tol·λ·gap), where the residual rule needs tol·‖A‖:
 * several products fewer per solve, and with float32 products, whose rounding noise is near
 * 1e-6·‖A‖, dozens fewer at tol 1e-6. Since the rule needs the (k+1)-th eigenvalue resolved as well
 * as the wanted ones, the basis is also expanded by r' while ‖r'‖ exceeds θ_k − θ' (then b says
 * nothing), and while the (k+1)-th pair may be a copy of θ_k (b within tol·‖A‖ of it) until it
 * has converged, so that the check can count it from this basis.
 *
 * <p><b>Cold and tracking starts.</b> A <em>tracking</em> start has warm-start vectors beyond the k
 * wanted ones — the previous solve's {@link Tracked#basis()} or {@link EigenResult#warmStart()} —
 * that carry the best approximations to the next eigenvectors, so Rayleigh–Ritz separates an
 * eigenvalue that was near the wanted ones before; it stops on the rules above, and the
 * multiplicity check decides from this basis, at no product, when the basis holds every carried
 * vector. A cold start (or one of just k vectors) may have two eigenvalues closer than the residual
 * mixed in one Ritz vector, which no rule built from products can see; there the quadratic rule
 * also needs every ‖r_i‖ ≤ {@value #CERTIFIED}·tol·‖A‖, which caps the error such a mixture can
 * hide, and θ moved by at most tol·|θ| in the last step. Checked against dense eigendecompositions
 * in the tests.
 *
 * <p>‖A‖ is estimated by the largest |Ritz value| seen. Warm-start vectors (any number; the
 * first ones first) span the start block, padded with random vectors to k. Memory: 2·maxBasis
 * vectors of length n ({@link SolverOptions#maxBasis()}, 0 choosing max(20, 3·(k + guard))).
 */
public final class Davidson implements EigenSolver {
    /** A new direction whose norm drops below this fraction when orthogonalised is dropped. */
    private static final double KEEP = 1e-8;
    /** Cold starts: the residual of an accepted pair is at most this many times tol·‖A‖ (the worst-case eigenvalue error). */
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
        double s = o.which() == SolverOptions.Which.TOP ? 1 : -1;
        boolean tracking = o.warmStart() != null && o.warmStart().length > k;

        double[][] v = new double[maxBasis][];
        double[][] av = new double[maxBasis][];
        double[][] h = new double[maxBasis][maxBasis];
        int m = 0;
        long products = 0;

        // Start block: warm-start vectors (as many as fit in half the basis), padded to k.
        int startCap = Math.max(k, Math.min(maxBasis / 2, o.warmStart() == null ? 0 : o.warmStart().length));
        int used = 0; // warm-start vectors taken (or dropped as dependent)
        if (o.warmStart() != null) {
            for (double[] c0 : o.warmStart()) {
                if (m == startCap) break;
                used++;
                if (c0.length != n) throw new IllegalArgumentException("warm-start vector has length " + c0.length + ", expected " + n);
                double[] c = c0.clone();
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
        int startBlock = m;
        m = (int) Math.max(k, Math.min(m, o.maxProducts()));
        // The multiplicity check may decide from this basis only if it holds every carried vector.
        boolean basisHoldsCarried = tracking && used == o.warmStart().length && m == startBlock;
        products += expand(op, v, av, h, 0, m);

        double scale = 0;
        double[] previous = null; // Ritz values of the previous step
        double[] theta = new double[k];
        double[] res = new double[k];
        boolean[] accepted = new boolean[k];
        while (true) {
            SmallSymmetricEigen e = SmallSymmetricEigen.of(h, m);
            for (double t : e.values()) scale = Math.max(scale, Math.abs(t));
            int kk = Math.min(k, m);
            // The first unwanted Ritz pair: its value, moved towards the wanted end by its residual
            // norm (an eigenvalue lies within that distance of it), is b of the quadratic bound.
            // The residuals of the wanted pairs and of the first unwanted one, in one pass over the basis.
            int nr = m > k ? kk + 1 : kk;
            double[][] coefs = new double[nr][];
            double[] values = new double[nr];
            for (int i = 0; i < nr; i++) {
                int idx = e.wanted(i, o.which());
                coefs[i] = e.vectors()[idx];
                values[i] = e.values()[idx];
            }
            double[][] residuals = Vectors.residuals(av, v, m, coefs, values, n);
            double next = Double.NaN;
            double nextValue = Double.NaN;
            double[] nextResidual = null;
            if (m > k) {
                nextValue = values[kk];
                nextResidual = residuals[kk];
                next = nextValue + s * Vectors.norm(nextResidual);
            }
            double[][] r = new double[kk][];
            double blockRes2 = 0;
            double minAbs = Double.POSITIVE_INFINITY;
            boolean capped = true; // the cold-start conditions of the quadratic rule
            for (int i = 0; i < kk; i++) {
                theta[i] = values[i];
                r[i] = residuals[i];
                res[i] = Vectors.norm(r[i]);
                blockRes2 += res[i] * res[i];
                minAbs = Math.min(minAbs, Math.abs(theta[i]));
                capped &= previous != null && res[i] <= CERTIFIED * tol * scale && Math.abs(theta[i] - previous[i]) <= tol * Math.abs(theta[i]);
            }
            double gap = kk == k && Double.isFinite(next) ? s * (theta[k - 1] - next) : Double.NaN;
            // Each pair's share of the quadratic bound; the block is accepted when all are within it.
            double share = gap > 0 && (tracking || capped) ? tol * minAbs * gap : 0;
            boolean block = share > 0 && blockRes2 <= share;
            boolean[] active = new boolean[kk];
            int nActive = 0;
            int nOpen = 0;
            for (int i = 0; i < kk; i++) {
                accepted[i] = block || res[i] <= tol * scale;
                if (accepted[i]) continue;
                nOpen++;
                // Expand by the open pairs whose residual exceeds their share of the bound (all open ones if none does).
                active[i] = res[i] * res[i] * kk > share;
                if (active[i]) nActive++;
            }
            if (nActive == 0 && nOpen > 0) {
                for (int i = 0; i < kk; i++) active[i] = !accepted[i];
                nActive = nOpen;
            }
            long budget = o.maxProducts() - products;
            // A (k+1)-th pair that may be a copy of θ_k (within tol·‖A‖, by its value and residual) is
            // converged too before stopping, so that the multiplicity check can count it from this basis.
            double nextRes = nextResidual == null ? 0 : Vectors.norm(nextResidual);
            boolean copyOpen = nextResidual != null && s * next >= s * theta[kk - 1] - tol * scale && nextRes > tol * scale;
            if ((nActive == 0 && !copyOpen) || budget <= 0 || m == n) {
                return finish(op, e, v, av, m, n, k, want, theta, res, accepted, products, scale, o, basisHoldsCarried, rnd);
            }

            // New directions: the residuals of the unconverged pairs, orthogonalised against the basis,
            // and the (k+1)-th pair's when its residual, not the Ritz values, keeps the gap small: the
            // quadratic rule needs that eigenvalue resolved as much as the wanted ones.
            boolean widen = copyOpen || (nextResidual != null && nextRes > s * (theta[kk - 1] - nextValue));
            double[][] fresh = new double[nActive + (widen ? 1 : 0)][];
            int nf = 0;
            for (int i = 0; i <= kk && nf < budget; i++) {
                if (i == kk ? !widen : !active[i]) continue;
                double[] d = i == kk ? nextResidual : r[i];
                double before = Vectors.norm(d);
                double left = Vectors.orthogonalize(d, v, m);
                if (nf > 0) {
                    Vectors.orthogonalize(d, fresh, nf);
                    left = Vectors.orthogonalize(d, v, m); // once more: the second block may have reintroduced some
                }
                if (!(left > KEEP * before)) continue;
                Vectors.scale(1 / left, d);
                fresh[nf++] = d;
            }
            if (nf == 0) return finish(op, e, v, av, m, n, k, want, theta, res, accepted, products, scale, o, basisHoldsCarried, rnd); // stagnation
            nf = Math.min(nf, n - m);
            if (m + nf > maxBasis) {
                // Thick restart: keep the best Ritz vectors (wanted end first), as many as leave room.
                int keep = Math.max(Math.min(m, want), Math.min(m, maxBasis - nf));
                double[][] nv = new double[maxBasis][];
                double[][] nav = new double[maxBasis][];
                double[][] nh = new double[maxBasis][maxBasis];
                double[][] ys = new double[keep][];
                for (int i = 0; i < keep; i++) {
                    ys[i] = e.vectors()[e.wanted(i, o.which())];
                    nh[i][i] = e.values()[e.wanted(i, o.which())];
                }
                System.arraycopy(Vectors.combine(v, m, ys, n), 0, nv, 0, keep);
                System.arraycopy(Vectors.combine(av, m, ys, n), 0, nav, 0, keep);
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
            double[] left = Vectors.dots(v[a], av, a + 1);
            double[] right = Vectors.dots(av[a], v, a + 1);
            for (int b = 0; b <= a; b++) {
                double sym = 0.5 * (left[b] + right[b]);
                h[a][b] = sym;
                h[b][a] = sym;
            }
        }
        return count;
    }

    private static Tracked finish(LinearOperator op, SmallSymmetricEigen e, double[][] v, double[][] av, int m, int n, int k,
                                  int want, double[] theta, double[] res, boolean[] accepted, long products,
                                  double scale, SolverOptions o, boolean basisHoldsCarried, Random rnd) {
        int kk = Math.min(k, m);
        double[][] ritz = new double[Math.min(want, m)][];
        for (int i = 0; i < ritz.length; i++) ritz[i] = e.vectors()[e.wanted(i, o.which())];
        double[][] basis = Vectors.combine(v, m, ritz, n);
        double[][] x = Arrays.copyOf(basis, kk);
        // Tracking: the Ritz pairs beyond the k wanted ones, in the wanted order, for the check to
        // decide from (their residuals are orthogonal to the basis, so deflated by the wanted ones).
        MultiplicityCheck.Beyond beyond = null;
        if (basisHoldsCarried && kk == k && m > k) {
            // The check goes through them in order and stops at the first short of θ_k − tol·‖A‖.
            double s = o.which() == SolverOptions.Which.TOP ? 1 : -1;
            int count = 0;
            while (k + count < m && s * e.values()[e.wanted(k + count, o.which())] >= s * theta[k - 1] - o.tol() * scale) count++;
            count = Math.min(m - k, count + 1);
            double[] values = new double[count];
            double[][] ys = new double[count][];
            for (int j = 0; j < count; j++) {
                int idx = e.wanted(k + j, o.which());
                ys[j] = e.vectors()[idx];
                values[j] = e.values()[idx];
            }
            double[][] rs = Vectors.residuals(av, v, m, ys, values, n);
            int missing = Math.max(0, k + count - basis.length);
            double[][] extra = missing == 0 ? new double[0][] : Vectors.combine(v, m, Arrays.copyOfRange(ys, count - missing, count), n);
            double[][] vectors = new double[count][];
            double[] residuals = new double[count];
            for (int j = 0; j < count; j++) {
                vectors[j] = k + j < basis.length ? basis[k + j] : extra[j - (count - missing)];
                residuals[j] = Vectors.norm(rs[j]);
            }
            beyond = new MultiplicityCheck.Beyond(values, vectors, residuals);
        }
        // The multiplicity check of every solver: copies of the k-th value beyond the tracked ones. Its
        // random start comes from the same stream after the solver's own: a start equal to the
        // solver's would hold no component along copies the solver's Krylov space could not see.
        EigenResult r = MultiplicityCheck.finish(op, k, o, Arrays.copyOf(theta, kk), Arrays.copyOf(x, kk),
                Arrays.copyOf(res, kk), Arrays.copyOf(accepted, kk), products, scale, rnd, beyond, null, 0);
        return new Tracked(r, basis);
    }
}
