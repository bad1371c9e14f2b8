package org.sharpscope.spectral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The multiplicity check every solver runs after convergence (see {@link EigenResult} for what it
 * establishes): lock the converged pairs, search their orthogonal complement with a fresh Lanczos
 * run for an eigenvalue at or beyond the k-th value minus tol·‖A‖, lock what is found and search
 * again, until a search finds nothing there. Carried directions (tracking) are settled first by a
 * Rayleigh–Ritz step, or, from {@link Davidson}, by the Ritz pairs of its basis beyond the k-th
 * ({@link Beyond}). Package-private; the solvers call {@link #finish}.
 *
 * <p>All values below are oriented by s = +1 (top) or −1 (bottom), so that "beyond" is "larger".
 */
final class MultiplicityCheck {
    private MultiplicityCheck() {}

    /**
     * Probability (over the random start vector, whatever the spectrum) that a fresh search stopped
     * by the polynomial bound has missed an eigenvalue beyond the bound.
     */
    static final double FAIL_PROBABILITY = 1e-6;

    /**
     * At most this many pairs are locked beyond the k returned ones; a cluster larger than that is
     * reported with its multiplicity as a lower bound (not checked) rather than counted at the
     * price of one Lanczos run per copy.
     */
    static final int MAX_EXTRA = 32;

    /** The locked pairs (the solver's, then those the check found) and an orthonormal basis of their span. */
    private static final class Locked {
        final List<Double> values = new ArrayList<>();
        final List<double[]> vectors = new ArrayList<>();
        final List<Double> residuals = new ArrayList<>();
        final List<Boolean> converged = new ArrayList<>();
        final double[][] q;
        int nq;

        Locked(int capacity) {
            q = new double[capacity][];
        }

        void add(double value, double[] vector, double residual, boolean conv) {
            values.add(value);
            vectors.add(vector);
            residuals.add(residual);
            converged.add(conv);
        }

        /** Adds x to the orthonormal basis; false when it is (nearly) in the span already. */
        boolean span(double[] x) {
            double[] c = x.clone();
            double left = Vectors.orthogonalize(c, q, nq);
            if (!(left > 0.5)) return false;
            Vectors.scale(1 / left, c);
            q[nq++] = c;
            return true;
        }

        /** The k-th best value, oriented. */
        double kthBest(int k, double s) {
            double[] o = new double[values.size()];
            for (int i = 0; i < o.length; i++) o[i] = s * values.get(i);
            Arrays.sort(o);
            return o[o.length - k];
        }
    }

    /**
     * Ritz pairs a tracking solver's basis holds beyond its k wanted ones, in the wanted order
     * (unit vectors orthogonal to the wanted ones, residuals orthogonal to the basis), when that
     * basis was started from every carried vector: the check decides from them first.
     */
    record Beyond(double[] values, double[][] vectors, double[] residuals) {}

    static EigenResult finish(LinearOperator op, int k, SolverOptions o, double[] values, double[][] vectors,
                              double[] residuals, boolean[] converged, long products, double scale, Random rnd) {
        return finish(op, k, o, values, vectors, residuals, converged, products, scale, rnd, null, null, 0);
    }

    /**
     * Runs the check (when on, and when all k pairs converged) and assembles the result.
     *
     * @param values    the solver's k values in the wanted order
     * @param vectors   their unit vectors (always formed; returned only when wanted)
     * @param converged per pair, whether the solver's stopping rule was met
     * @param scale     the solver's estimate of ‖A‖ (largest |Ritz value| seen)
     * @param rnd       the solver's random stream (the check draws its start vectors from it)
     * @param beyond    the solver's Ritz pairs beyond the k (tracking), or null: then the carried
     *                  vectors get a Rayleigh–Ritz step of their own
     * @param krylov    the solver's basis when it lies in the Krylov space of one start vector, or
     *                  null ({@code krylovSize} vectors). Fresh searches start orthogonal to it: such
     *                  a basis holds one direction of each eigenspace (the start's component there),
     *                  so every copy of a found eigenvalue is orthogonal to it and keeps its whole
     *                  share of the random start, while the directions the solver already resolved
     *                  (the next eigenvalues, which the search would otherwise have to resolve again
     *                  before its bound drops below the threshold) are gone from the start.
     */
    static EigenResult finish(LinearOperator op, int k, SolverOptions o, double[] values, double[][] vectors,
                              double[] residuals, boolean[] converged, long products, double scale, Random rnd,
                              Beyond beyond, double[][] krylov, int krylovSize) {
        int n = op.dimension();
        double s = o.which() == SolverOptions.Which.TOP ? 1 : -1;
        Locked locked = new Locked(Math.min(n, k + MAX_EXTRA));
        for (int i = 0; i < values.length; i++) {
            locked.add(values[i], vectors == null ? null : vectors[i], residuals[i], converged[i]);
        }
        double[][] extras = o.warmStart() == null || o.warmStart().length <= k ? new double[0][]
                : Arrays.copyOfRange(o.warmStart(), k, o.warmStart().length);
        for (double[] x : extras) {
            if (x.length != n) throw new IllegalArgumentException("warm-start vector has length " + x.length + ", expected " + n);
        }
        boolean run = o.multiplicityCheck() && values.length == k && vectors != null;
        for (int i = 0; run && i < values.length; i++) run = converged[i] && vectors[i] != null;
        // The solvers' vectors are orthonormal to rounding; the basis makes the projector exact.
        for (int i = 0; run && i < values.length; i++) run = locked.span(vectors[i]);

        long checkProducts = 0;
        double bound = Double.POSITIVE_INFINITY; // nothing beyond this (oriented) was missed
        double[] guard = null;                   // the last search's extreme vector, carried to the next solve
        double[] warmSearch = null;              // a carried direction to search from (tracking)
        boolean done = false;

        // Warm start: Rayleigh–Ritz on the carried vectors (one product each), or the pairs of the
        // solver's basis that already holds them (no product). Copies that are still converged are
        // locked; if the best direction left is still short of the threshold by more than its
        // residual the check is done, otherwise a search starts from it.
        if (run && beyond != null) {
            Settled st = settle(locked, k, s, o.tol() * scale, beyond.values(), beyond.vectors(), beyond.residuals(),
                    beyond.residuals(), n);
            bound = st.bound;
            guard = st.guard;
            warmSearch = st.warmSearch;
            done = st.done;
        } else if (run && extras.length > 0 && locked.nq < n) {
            List<double[]> start = new ArrayList<>();
            double[][] basis = new double[extras.length][];
            for (double[] x : extras) {
                double[] c = x.clone();
                double before = Vectors.norm(c);
                double after = Vectors.orthogonalize(c, locked.q, locked.nq, basis, start.size());
                if (before > 0 && after > 1e-8 * before && locked.nq + start.size() < n) {
                    Vectors.scale(1 / after, c);
                    basis[start.size()] = c;
                    start.add(c.clone());
                }
            }
            int c = start.size();
            long left = o.maxProducts() - products;
            if (c > 0 && left >= c) {
                Lanczos.Run r = Lanczos.run(op, c, o.which(), o.tol(), c, 0, locked.q, locked.nq, start, rnd, c, scale,
                        (ritz, m, restarted, residual, logBeta) -> true);
                checkProducts += r.products;
                scale = Math.max(scale, r.scale);
                Settled st = settle(locked, k, s, o.tol() * scale, r.values, r.vectors, r.testedResiduals, r.residuals, n);
                bound = st.bound;
                guard = st.guard;
                warmSearch = st.warmSearch;
                done = st.done;
            }
        }

        while (run && !done) {
            if (locked.nq >= n) {
                bound = Double.NEGATIVE_INFINITY; // nothing left to search
                break;
            }
            if (locked.nq >= locked.q.length) break; // cluster larger than MAX_EXTRA: stop counting
            long left = o.maxProducts() - products - checkProducts;
            if (left <= 0) break;
            double threshold = locked.kthBest(k, s) - o.tol() * scale;

            boolean fresh = warmSearch == null;
            double[] start = fresh ? Vectors.gaussian(n, rnd) : warmSearch;
            if (fresh && krylov != null) {
                // A Gaussian projected on the complement of the Krylov basis is a Gaussian there; when that
                // complement is empty (the solver's basis spans the space) only rounding is left: start plainly.
                double[] deflated = start.clone();
                double before = Vectors.norm(deflated);
                if (Vectors.orthogonalize(deflated, krylov, krylovSize) > 1e-8 * before) start = deflated;
            }
            warmSearch = null;
            // With a random start b, uniform on the unit sphere of the N-dimensional free space,
            // |c| = |⟨b, u⟩| ≥ c_min for the extreme eigenvector u except with probability
            // ≤ c_min·√(2(N−1)/π) = FAIL_PROBABILITY (the density of c is at most √((N−1)/(2π))).
            int free = n - locked.nq;
            double logInvCmin = Math.log(Math.sqrt(2.0 * Math.max(free - 1, 1) / Math.PI) / FAIL_PROBABILITY);
            double[] found = {Double.POSITIVE_INFINITY};
            Lanczos.StopRule rule = (ritz, m, restarted, residual, logBeta) -> {
                found[0] = Double.POSITIVE_INFINITY;
                double top = s > 0 ? ritz[m - 1] : -ritz[0];
                if (top >= threshold) return false;
                if (fresh) {
                    if (Double.isNaN(logBeta)) return false;
                    double u = polynomialBound(ritz, m, s, logBeta + logInvCmin);
                    found[0] = u;
                    return u < threshold;
                }
                // Warm-started search (tracking): the carried direction is still short of the threshold.
                found[0] = top + residual;
                return top + residual < threshold;
            };
            List<double[]> startBlock = new ArrayList<>();
            startBlock.add(start);
            Lanczos.Run r = Lanczos.run(op, 1, o.which(), o.tol(), 1, o.maxBasis(), locked.q, locked.nq, startBlock, rnd,
                    left, scale, rule);
            checkProducts += r.products;
            scale = Math.max(scale, r.scale);
            // A search that broke down at once (A maps its start to 0, as for a zero Hessian) says
            // nothing about the rest of the complement: the check ends unfinished.
            if (r.values.length == 0) break;
            double t = s * r.values[0];
            if (r.stopped) {
                bound = Math.min(bound, found[0]);
                guard = r.vectors[0];
                break;
            }
            if (r.converged || r.exhausted) {
                bound = Math.min(bound, t); // the complement's extreme (to the usual Lanczos standard)
                if (t >= threshold && locked.span(r.vectors[0])) {
                    locked.add(r.values[0], r.vectors[0], r.residuals[0], true);
                    continue;
                }
                guard = r.vectors[0];
                break;
            }
            // Budget ran out in mid-search.
            if (fresh) bound = Math.min(bound, found[0]);
            break;
        }

        // All locked pairs in the wanted order (stable: the solver's first on ties).
        int total = locked.values.size();
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(s * locked.values.get(b), s * locked.values.get(a)));
        int kk = Math.min(k, total);
        double delta = o.tol() * scale;
        double[] v = new double[kk];
        double[] res = new double[kk];
        boolean[] conv = new boolean[kk];
        int[] mult = new int[kk];
        boolean[] checked = new boolean[kk];
        double[][] vec = o.wantVectors() ? new double[kk][] : null;
        for (int i = 0; i < kk; i++) {
            int j = order[i];
            v[i] = locked.values.get(j);
            res[i] = locked.residuals.get(j);
            conv[i] = locked.converged.get(j);
            if (vec != null) vec[i] = locked.vectors.get(j);
            for (double x : locked.values) if (Math.abs(x - v[i]) <= delta) mult[i]++;
            checked[i] = s * v[i] - delta > bound;
        }
        double[][] checkVectors = null;
        if (o.wantVectors() && (total > kk || guard != null)) {
            List<double[]> cv = new ArrayList<>();
            for (int i = kk; i < total; i++) cv.add(locked.vectors.get(order[i]));
            if (guard != null) cv.add(guard);
            checkVectors = cv.toArray(new double[0][]);
        }
        return new EigenResult(v, vec, res, products + checkProducts, conv, mult, checked, delta, checkProducts, checkVectors);
    }

    /** How a Rayleigh–Ritz step on carried directions left the check. */
    private static final class Settled {
        double bound = Double.POSITIVE_INFINITY;
        double[] guard;
        double[] warmSearch;
        boolean done;
    }

    /**
     * Goes through Ritz pairs of carried directions (in the wanted order, orthogonal to the locked
     * vectors): locks those that are converged copies (at or beyond the threshold, the k-th
     * locked value minus {@code delta}), and at the first other pair ends the check when it is
     * short of the threshold by more than its residual ({@code tested}: deflated by the locked
     * vectors), or names it as the start of a search.
     */
    private static Settled settle(Locked locked, int k, double s, double delta, double[] values, double[][] vectors,
                                  double[] tested, double[] residuals, int n) {
        Settled st = new Settled();
        int i = 0;
        for (; i < values.length; i++) {
            double t = s * values[i];
            double threshold = locked.kthBest(k, s) - delta;
            if (t >= threshold && tested[i] <= delta && locked.nq < locked.q.length && locked.span(vectors[i])) {
                locked.add(values[i], vectors[i], residuals[i], true);
                continue;
            }
            if (t < threshold && t + tested[i] < threshold) {
                st.bound = t + tested[i];
                st.guard = vectors[i];
                st.done = true;
            } else {
                st.warmSearch = vectors[i];
            }
            break;
        }
        if (i == values.length && locked.nq >= n) {
            st.bound = Double.NEGATIVE_INFINITY;
            st.done = true;
        }
        return st;
    }

    /**
     * The μ beyond the extreme Ritz value (oriented by s) where Σ log|μ − θ_i| = logRhs. In exact
     * arithmetic, ‖φ_m(A) b‖ = β₁⋯β_m ≥ |c|·|φ_m(λ)| for the extreme eigenvalue λ with component
     * c in b, and φ_m(μ) = Π (μ − θ_i) grows beyond the extreme θ; so |c| ≥ c_min implies λ ≤ μ.
     */
    static double polynomialBound(double[] ritz, int m, double s, double logRhs) {
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) top = Math.max(top, s * ritz[i]);
        if (logRhs == Double.NEGATIVE_INFINITY) return top; // invariant subspace: nothing beyond
        double lo = top;
        double hi = top + Math.exp(logRhs / m); // Σ log(μ − θ_i) ≥ m·log(μ − top)
        for (int it = 0; it < 200 && hi - lo > 1e-15 * Math.max(Math.abs(hi), 1e-300); it++) {
            double mid = 0.5 * (lo + hi);
            double f = 0;
            for (int i = 0; i < m; i++) f += Math.log(mid - s * ritz[i]);
            if (f < logRhs) lo = mid;
            else hi = mid;
        }
        return hi;
    }
}
