package org.sharpscope.spectral;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lanczos with full reorthogonalisation and thick restarts (Krylov–Schur style) for the top-k or
 * bottom-k algebraic eigenpairs. The basis V and its images A·V are both kept, so every Ritz
 * residual ‖A v − θ v‖ can be formed exactly (no extra products); the run stops as soon as all k
 * wanted residuals are below tol·‖A‖. While the basis is a single Krylov sequence, each step reads
 * the residuals off the Lanczos relation (β·|y_m|, the norm of the orthogonalised continuation
 * times the Ritz vector's last coordinate) and forms the exact one only for a pair this accepts:
 * on a network's vectors, the solver's own passes over V cost about a tenth of a solve. When the
 * basis reaches {@link SolverOptions#maxBasis()} vectors it is shrunk to the best Ritz vectors of the wanted
 * end and the Krylov recurrence continues from the same residual direction. Memory: 2·maxBasis
 * vectors of length n.
 *
 * <p>A single Krylov sequence (block size 1) sees an exactly repeated eigenvalue once, and
 * eigenvalues closer than the tolerance as one. The multiplicity check that follows convergence
 * (on by default, see {@link EigenResult}) finds the missing copies by locking the converged pairs
 * and restarting this same Lanczos from a random vector orthogonal to them, so top-k is right for
 * repeated eigenvalues at block size 1; a larger block is an option, not a requirement.
 */
public final class Lanczos implements EigenSolver {

    @Override
    public EigenResult solve(LinearOperator op, int k, SolverOptions o) {
        int n = op.dimension();
        if (k < 1 || k > n) throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
        int b = Math.min(o.blockSize(), n);
        Random rnd = new Random(o.seed());

        // Start block of b vectors. The first k warm-start vectors are summed into it (vector i into
        // start vector i mod b): a single Krylov sequence from Σ x_i finds all the x_i directions in
        // about as many steps as there are vectors, at one product per step. Further warm-start
        // vectors start the multiplicity check.
        List<double[]> candidates = new ArrayList<>();
        for (int j = 0; j < b; j++) candidates.add(null);
        if (o.warmStart() != null) {
            for (int i = 0; i < o.warmStart().length; i++) {
                double[] x = o.warmStart()[i];
                if (x.length != n) throw new IllegalArgumentException("warm-start vector has length " + x.length + ", expected " + n);
                if (i >= k) continue;
                int j = i % b;
                if (candidates.get(j) == null) candidates.set(j, new double[n]);
                double nx = Vectors.norm(x);
                if (nx > 0) Vectors.axpy(1 / nx, x, candidates.get(j));
            }
        }
        for (int j = 0; j < b; j++) {
            if (candidates.get(j) == null) candidates.set(j, Vectors.gaussian(n, rnd));
        }
        Run r = run(op, k, o.which(), o.tol(), b, o.maxBasis(), null, 0, candidates, rnd, o.maxProducts(), 0, null);
        boolean[] converged = new boolean[r.values.length];
        for (int i = 0; i < converged.length; i++) converged[i] = r.residuals[i] <= o.tol() * r.scale;
        return MultiplicityCheck.finish(op, k, o, r.values, r.vectors, r.residuals, converged, r.products, r.scale, rnd,
                null, r.krylovBasis, r.basisSize);
    }

    /** The end of a run: the wanted Ritz pairs (vectors always formed) and how the run ended. */
    static final class Run {
        double[] values;
        double[][] vectors;
        /** True residual norms ‖A x − θ x‖. */
        double[] residuals;
        /** The residual norms convergence was tested on: of the problem deflated by the locked vectors. */
        double[] testedResiduals;
        long products;
        /** Largest |Ritz value| seen (and the {@code scale0} passed in). */
        double scale;
        /** All wanted residuals ≤ tol·scale. */
        boolean converged;
        /** The basis spans the whole space left free by the locked vectors: the pairs are exact. */
        boolean exhausted;
        /** The extra stopping rule ended the run. */
        boolean stopped;
        /**
         * The final basis when it lies in the Krylov space of the single start vector (block size
         * 1, no random vector put in at a breakdown), else null; {@link #basisSize} vectors.
         */
        double[][] krylovBasis;
        int basisSize;
    }

    /** An extra stopping rule, asked after each Rayleigh–Ritz step of a run that has not converged. */
    interface StopRule {
        /**
         * @param ritz      all current Ritz values, ascending
         * @param m         basis size
         * @param restarted whether a thick restart has happened (the basis is no longer a Krylov space)
         * @param residual  residual norm of the extreme wanted Ritz pair
         * @param logBeta   Σ log β_i over the m steps so far, where φ_m(A)·v₁ = β₁⋯β_m·v_{m+1} and φ_m
         *                  is the characteristic polynomial of the projected matrix; NaN once the
         *                  basis is no longer a single-vector Krylov space (block &gt; 1 or restarted)
         */
        boolean stop(double[] ritz, int m, boolean restarted, double residual, double logBeta);
    }

    /**
     * One Lanczos run in the orthogonal complement of the first {@code nLocked} orthonormal
     * {@code locked} vectors (every basis vector is kept orthogonal to them), from the start block
     * {@code start} (orthonormalised here), with at most {@code budget} products. Convergence is
     * tested against tol·max(scale0, largest |Ritz value|).
     */
    static Run run(LinearOperator op, int k, SolverOptions.Which which, double tol, int b, int maxBasis,
                   double[][] locked, int nLocked, List<double[]> start, Random rnd, long budget, double scale0,
                   StopRule extra) {
        int n = op.dimension();
        int nFree = n - nLocked;
        int mMax = maxBasis == 0 ? Math.max(3 * k, k + 30) : maxBasis;
        mMax = Math.min(nFree, Math.max(mMax, k + 2 * b));

        double[][] v = new double[mMax][];
        double[][] w = new double[mMax][];
        double[][] h = new double[mMax][mMax];
        int m = 0;
        long products = 0;
        List<double[]> candidates = start;
        int first = Math.min(b, mMax);

        SmallSymmetricEigen ritz = null;
        double[] residuals = new double[Math.min(k, mMax)];
        int lastBlock = 0;
        boolean restarted = false;
        boolean converged;
        boolean stopped = false;
        boolean singleKrylov = b == 1; // no random vector has entered the basis
        double logBeta = 0;
        double scale;
        double nextBeta = Double.NaN;   // the norm of candidates[0] once orthogonalised in step 2 (NaN: not)
        double nextBefore = Double.NaN; // its norm before
        while (true) {
            // 1. Expand the basis by the candidate block (orthonormalised) and apply A to it.
            int want = candidates.size();
            if (m == 0) want = first;
            want = (int) Math.min(want, Math.min(mMax - m, budget - products));
            int added = 0;
            for (int c = 0; c < want; c++) {
                double[] x = candidates.get(c);
                if (c == 0 && nextBeta > 1e-10 * nextBefore) {
                    Vectors.scale(1 / nextBeta, x); // orthogonalised against this basis in step 2
                } else {
                    double before = Vectors.norm(x);
                    double after = Vectors.orthogonalize(x, locked, nLocked, v, m + added);
                    if (after > 1e-10 * before && after > 0) {
                        Vectors.scale(1 / after, x);
                    } else {
                        singleKrylov &= m + added == 0; // a replaced start vector is still the one start
                        if (!Vectors.orthonormalizeOrRandom(x, locked, nLocked, v, m + added, rnd)) break;
                    }
                }
                v[m + added] = x;
                added++;
            }
            nextBeta = Double.NaN;
            if (added > 0) {
                double[][] xs = new double[added][];
                double[][] ys = new double[added][];
                for (int j = 0; j < added; j++) {
                    xs[j] = v[m + j];
                    ys[j] = new double[n];
                }
                op.applyBlock(xs, ys);
                products += added;
                for (int j = 0; j < added; j++) {
                    w[m + j] = ys[j];
                    double[] col = Vectors.dots(ys[j], v, m + j + 1);
                    for (int i = 0; i <= m + j; i++) {
                        h[i][m + j] = col[i];
                        h[m + j][i] = col[i];
                    }
                }
                m += added;
                lastBlock = added;
            }

            // 2. Rayleigh–Ritz and exact residuals of the wanted pairs. In the pure Krylov phase (one
            // vector per step, no restart) the continuation A·v_m is orthogonalised first: with
            // A·V = V·H + β·v_{m+1}·e_mᵀ its norm β gives each Ritz residual as β·|y_m| (to rounding,
            // with full reorthogonalisation), so the exact residual, a pass over V and A·V, is
            // formed only for pairs that this value accepts.
            ritz = SmallSymmetricEigen.of(h, m);
            scale = scale0;
            for (double t : ritz.values()) scale = Math.max(scale, Math.abs(t));
            int kk = Math.min(k, m);
            boolean krylov = b == 1 && !restarted && added == 1;
            double[] next = null;
            if (krylov && m < nFree) {
                next = w[m - 1].clone();
                nextBefore = Vectors.norm(next);
                nextBeta = Vectors.orthogonalize(next, locked, nLocked, v, m);
            }
            converged = m >= k;
            for (int i = 0; i < kk; i++) {
                int idx = ritz.wanted(i, which);
                double[] y = ritz.vectors()[idx];
                double estimate = next == null ? Double.NaN : nextBeta * Math.abs(y[m - 1]);
                residuals[i] = estimate > tol * scale ? estimate
                        : residualNorm(v, w, m, y, ritz.values()[idx], n, locked, nLocked);
                if (residuals[i] > tol * scale) {
                    converged = false;
                    break; // the rest are computed when the run ends (each costs O(n·m))
                }
            }
            if (!converged && extra != null && m > 0) {
                // Pure Krylov phase: φ_m(A)·v₁ = β₁⋯β_m·v_{m+1} with φ_m the characteristic
                // polynomial of H; the extra rule may use Σ log β.
                logBeta = next != null ? logBeta + Math.log(nextBeta) : Double.NaN;
                stopped = extra.stop(ritz.values(), m, restarted, residuals[0], logBeta);
            }
            if (converged || stopped || m == nFree || products >= budget || added == 0) {
                for (int i = 0; i < kk; i++) {
                    int idx = ritz.wanted(i, which);
                    residuals[i] = residualNorm(v, w, m, ritz.vectors()[idx], ritz.values()[idx], n, locked, nLocked);
                }
                break;
            }

            // 3. Next block: the Krylov continuation A·(last block), orthogonalised against V.
            candidates = new ArrayList<>();
            if (next != null) {
                candidates.add(next);
            } else {
                nextBeta = Double.NaN;
                for (int j = m - lastBlock; j < m; j++) {
                    double[] x = w[j].clone();
                    Vectors.orthogonalize(x, v, m);
                    candidates.add(x);
                }
            }
            // 4. Thick restart when the next block would not fit: keep the best Ritz vectors.
            if (m + candidates.size() > mMax) {
                restarted = true;
                nextBeta = Double.NaN; // the candidates are orthogonalised against the new basis in step 1
                int keep = Math.min(mMax - candidates.size(), k + Math.max(1, (mMax - k) / 2));
                keep = Math.max(keep, Math.min(k, m));
                double[][] nv = new double[mMax][];
                double[][] nw = new double[mMax][];
                double[][] nh = new double[mMax][mMax];
                for (int i = 0; i < keep; i++) {
                    int idx = ritz.wanted(i, which);
                    double[] y = ritz.vectors()[idx];
                    nv[i] = Vectors.combine(v, m, y, n);
                    nw[i] = Vectors.combine(w, m, y, n);
                    nh[i][i] = ritz.values()[idx];
                }
                // Re-orthonormalise the kept vectors (cheap; guards against drift over many restarts).
                for (int i = 0; i < keep; i++) {
                    for (int j = 0; j < i; j++) {
                        double c = Vectors.dot(nv[j], nv[i]);
                        Vectors.axpy(-c, nv[j], nv[i]);
                        Vectors.axpy(-c, nw[j], nw[i]);
                    }
                    double nrm = Vectors.norm(nv[i]);
                    Vectors.scale(1 / nrm, nv[i]);
                    Vectors.scale(1 / nrm, nw[i]);
                }
                for (int i = 0; i < keep; i++) {
                    for (int j = 0; j <= i; j++) {
                        double hij = Vectors.dot(nv[j], nw[i]);
                        nh[i][j] = hij;
                        nh[j][i] = hij;
                    }
                }
                v = nv;
                w = nw;
                h = nh;
                m = keep;
            }
        }
        int kk = Math.min(k, m);
        Run r = new Run();
        r.values = new double[kk];
        r.vectors = new double[kk][];
        for (int i = 0; i < kk; i++) {
            int idx = ritz.wanted(i, which);
            r.values[i] = ritz.values()[idx];
            r.vectors[i] = Vectors.combine(v, m, ritz.vectors()[idx], n);
        }
        r.residuals = java.util.Arrays.copyOf(residuals, kk);
        r.testedResiduals = r.residuals.clone();
        if (nLocked > 0) { // report true residuals (the loop tested those of the deflated problem)
            for (int i = 0; i < kk; i++) {
                int idx = ritz.wanted(i, which);
                r.residuals[i] = residualNorm(v, w, m, ritz.vectors()[idx], ritz.values()[idx], n);
            }
        }
        r.products = products;
        r.scale = scale;
        r.converged = converged;
        r.exhausted = m == nFree;
        r.stopped = stopped;
        r.krylovBasis = singleKrylov ? v : null;
        r.basisSize = m;
        return r;
    }

    static double residualNorm(double[][] v, double[][] w, int m, double[] y, double theta, int n) {
        return residualNorm(v, w, m, y, theta, n, null, 0);
    }

    /**
     * ‖A x − θ x‖ for x = V·y, with its components along the locked vectors removed: the residual
     * of the problem deflated by them. (When they are only as exact as tol, the true residual of
     * an x orthogonal to them has a floor near tol·‖A‖; the deflated one does not.)
     */
    static double residualNorm(double[][] v, double[][] w, int m, double[] y, double theta, int n,
                               double[][] locked, int nLocked) {
        double[] r = Vectors.residual(w, v, m, y, theta, n);
        return nLocked > 0 ? Vectors.orthogonalize(r, locked, nLocked) : Vectors.norm(r);
    }
}
