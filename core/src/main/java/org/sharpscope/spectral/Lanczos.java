package org.sharpscope.spectral;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lanczos with full reorthogonalisation and thick restarts (Krylov–Schur style) for the top-k or
 * bottom-k algebraic eigenpairs. The basis V and its images A·V are both kept, so every Ritz
 * residual ‖A v − θ v‖ is computed exactly (no extra products) and checked after every step;
 * the run stops as soon as all k wanted residuals are below tol·‖A‖. When the basis reaches
 * {@link SolverOptions#maxBasis()} vectors it is shrunk to the best Ritz vectors of the wanted
 * end and the Krylov recurrence continues from the same residual direction. Memory: 2·maxBasis
 * vectors of length n.
 *
 * <p>With block size 1 an exactly repeated eigenvalue is seen once (a single Krylov sequence
 * cannot separate copies); use {@link SolverOptions#withBlockSize} ≥ the multiplicity, or
 * {@link Lobpcg}, when every copy is needed.
 */
public final class Lanczos implements EigenSolver {

    @Override
    public EigenResult solve(LinearOperator op, int k, SolverOptions o) {
        int n = op.dimension();
        if (k < 1 || k > n) throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
        int b = Math.min(o.blockSize(), n);
        int mMax = o.maxBasis() == 0 ? Math.max(3 * k, k + 30) : o.maxBasis();
        mMax = Math.min(n, Math.max(mMax, k + 2 * b));
        Random rnd = new Random(o.seed());

        double[][] v = new double[mMax][];
        double[][] w = new double[mMax][];
        double[][] h = new double[mMax][mMax];
        int m = 0;
        long products = 0;

        // Start block of b vectors. Warm-start vectors are summed into it (vector i into start
        // vector i mod b): a single Krylov sequence from Σ x_i finds all the x_i directions in
        // about as many steps as there are vectors, at one product per step.
        List<double[]> candidates = new ArrayList<>();
        for (int j = 0; j < b; j++) candidates.add(null);
        if (o.warmStart() != null) {
            for (int i = 0; i < o.warmStart().length; i++) {
                double[] x = o.warmStart()[i];
                if (x.length != n) throw new IllegalArgumentException("warm-start vector has length " + x.length + ", expected " + n);
                int j = i % b;
                if (candidates.get(j) == null) candidates.set(j, new double[n]);
                double nx = Vectors.norm(x);
                if (nx > 0) Vectors.axpy(1 / nx, x, candidates.get(j));
            }
        }
        for (int j = 0; j < b; j++) {
            if (candidates.get(j) == null) candidates.set(j, Vectors.gaussian(n, rnd));
        }
        int first = Math.min(b, mMax);

        SmallSymmetricEigen ritz = null;
        double[] residuals = new double[Math.min(k, mMax)];
        int lastBlock = 0;
        while (true) {
            // 1. Expand the basis by the candidate block (orthonormalised) and apply A to it.
            int want = candidates.size();
            if (m == 0) want = first;
            want = (int) Math.min(want, Math.min(mMax - m, o.maxProducts() - products));
            int added = 0;
            for (int c = 0; c < want; c++) {
                double[] x = candidates.get(c);
                if (!Vectors.orthonormalizeOrRandom(x, v, m + added, rnd)) break;
                v[m + added] = x;
                added++;
            }
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
                    for (int i = 0; i <= m + j; i++) {
                        double hij = Vectors.dot(v[i], ys[j]);
                        h[i][m + j] = hij;
                        h[m + j][i] = hij;
                    }
                }
                m += added;
                lastBlock = added;
            }

            // 2. Rayleigh–Ritz and exact residuals of the wanted pairs.
            ritz = SmallSymmetricEigen.of(h, m);
            double scale = 0;
            for (double t : ritz.values()) scale = Math.max(scale, Math.abs(t));
            int kk = Math.min(k, m);
            boolean converged = m >= k;
            for (int i = 0; i < kk; i++) {
                int idx = ritz.wanted(i, o.which());
                residuals[i] = residualNorm(v, w, m, ritz.vectors()[idx], ritz.values()[idx], n);
                if (residuals[i] > o.tol() * scale) {
                    converged = false;
                    break; // the rest are computed when the run ends (each costs O(n·m))
                }
            }
            if (converged || m == n || products >= o.maxProducts() || added == 0) {
                for (int i = 0; i < kk; i++) {
                    int idx = ritz.wanted(i, o.which());
                    residuals[i] = residualNorm(v, w, m, ritz.vectors()[idx], ritz.values()[idx], n);
                }
                break;
            }

            // 3. Next block: the Krylov continuation A·(last block), orthogonalised against V.
            candidates = new ArrayList<>();
            for (int j = m - lastBlock; j < m; j++) {
                double[] x = w[j].clone();
                Vectors.orthogonalize(x, v, m);
                candidates.add(x);
            }
            // 4. Thick restart when the next block would not fit: keep the best Ritz vectors.
            if (m + candidates.size() > mMax) {
                int keep = Math.min(mMax - candidates.size(), k + Math.max(1, (mMax - k) / 2));
                keep = Math.max(keep, Math.min(k, m));
                double[][] nv = new double[mMax][];
                double[][] nw = new double[mMax][];
                double[][] nh = new double[mMax][mMax];
                for (int i = 0; i < keep; i++) {
                    int idx = ritz.wanted(i, o.which());
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
        return result(ritz, v, w, m, k, residuals, products, o, n);
    }

    static double residualNorm(double[][] v, double[][] w, int m, double[] y, double theta, int n) {
        double[] r = Vectors.combine(w, m, y, n);
        for (int j = 0; j < m; j++) {
            if (y[j] != 0) Vectors.axpy(-theta * y[j], v[j], r);
        }
        return Vectors.norm(r);
    }

    private static EigenResult result(SmallSymmetricEigen ritz, double[][] v, double[][] w, int m, int k,
                                      double[] residuals, long products, SolverOptions o, int n) {
        int kk = Math.min(k, m);
        double[] values = new double[kk];
        double[][] vectors = o.wantVectors() ? new double[kk][] : null;
        for (int i = 0; i < kk; i++) {
            int idx = ritz.wanted(i, o.which());
            values[i] = ritz.values()[idx];
            if (vectors != null) vectors[i] = Vectors.combine(v, m, ritz.vectors()[idx], n);
        }
        return new EigenResult(values, vectors, java.util.Arrays.copyOf(residuals, kk), products);
    }
}
