package org.sharpscope.spectral;

import java.util.Random;

/**
 * LOBPCG (locally optimal block preconditioned conjugate gradient, without preconditioner) for
 * the top-k or bottom-k eigenpairs, with warm start from earlier eigenvectors: the method of
 * choice for tracking sharpness along training, where the previous step's eigenvectors are
 * nearly right and a handful of products suffice.
 *
 * <p>Each iteration does Rayleigh–Ritz on span[X, P, R] (current block, previous direction,
 * residuals of the pairs not yet converged). The basis is orthonormalised explicitly, block by
 * block, and directions that are numerically dependent are dropped, so rank deficiency, clusters,
 * repeated and negative eigenvalues do not break it. Images A·X and A·P are carried along as
 * linear combinations, so only the new residual directions cost products (k at the start, then
 * one per unconverged pair per iteration).
 *
 * <p>A block of k vectors holds up to k copies of a repeated eigenvalue; the multiplicity check
 * that follows convergence (see {@link EigenResult}) finds copies beyond the k-th and anything the
 * block converged past (a warm start can lock on to pairs that are no longer the top ones). For
 * tracking, warm-start from {@link EigenResult#warmStart()}: its vectors beyond the k-th start the
 * check, which then costs about one product per vector.
 */
public final class Lobpcg implements EigenSolver {
    /** A direction whose norm drops below this fraction when orthogonalised is dropped. */
    private static final double KEEP_P = 1e-4;
    private static final double KEEP_R = 1e-10;

    @Override
    public EigenResult solve(LinearOperator op, int k, SolverOptions o) {
        int n = op.dimension();
        if (k < 1 || k > n) throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
        Random rnd = new Random(o.seed());
        long products = 0;

        // Initial block: warm-start vectors, padded with random ones, orthonormalised.
        double[][] x = new double[k][];
        int have = 0;
        if (o.warmStart() != null) {
            // The first k start the block; any further ones start the multiplicity check.
            for (int i = 0; i < Math.min(k, o.warmStart().length); i++) {
                double[] s = o.warmStart()[i];
                if (s.length != n) throw new IllegalArgumentException("warm-start vector has length " + s.length + ", expected " + n);
                double[] c = s.clone();
                double before = Vectors.norm(c);
                double after = Vectors.orthogonalize(c, x, have);
                if (after > 1e-8 * before) {
                    Vectors.scale(1 / after, c);
                    x[have++] = c;
                }
            }
        }
        while (have < k) {
            double[] c = Vectors.gaussian(n, rnd);
            if (!Vectors.orthonormalizeOrRandom(c, x, have, rnd)) throw new IllegalStateException("cannot build a start block");
            x[have++] = c;
        }
        double[][] ax = newBlock(k, n);
        op.applyBlock(x, ax);
        products += k;

        double[][] p = null;
        double[][] ap = null;
        double[] theta;
        double[] res = new double[k];
        double scale;
        // Rayleigh–Ritz on X alone to start.
        Ritz first = rayleighRitz(x, ax, k, k, o.which(), n);
        x = first.x;
        ax = first.ax;
        theta = first.theta;
        scale = first.scale;
        while (true) {
            boolean[] active = new boolean[k];
            int nActive = 0;
            double[][] r = new double[k][];
            for (int i = 0; i < k; i++) {
                r[i] = ax[i].clone();
                Vectors.axpy(-theta[i], x[i], r[i]);
                res[i] = Vectors.norm(r[i]);
                if (res[i] > o.tol() * scale) {
                    active[i] = true;
                    nActive++;
                }
            }
            if (nActive == 0 || products >= o.maxProducts()) break;

            // Basis S = [X, P, R]: X is orthonormal already; P and R are orthonormalised against it.
            int cap = 3 * k;
            double[][] s = new double[cap][];
            double[][] as = new double[cap][];
            int m = 0;
            for (int i = 0; i < k; i++) {
                s[m] = x[i];
                as[m] = ax[i];
                m++;
            }
            if (p != null) {
                for (int i = 0; i < p.length; i++) {
                    if (p[i] == null) continue;
                    double[] v = p[i].clone();
                    double[] av = ap[i].clone();
                    double nv = Vectors.norm(v);
                    if (!(nv > 0)) continue;
                    Vectors.scale(1 / nv, v);
                    Vectors.scale(1 / nv, av);
                    // Orthogonalise against S twice, transforming the image the same way.
                    for (int pass = 0; pass < 2; pass++) {
                        for (int j = 0; j < m; j++) {
                            double c = Vectors.dot(s[j], v);
                            Vectors.axpy(-c, s[j], v);
                            Vectors.axpy(-c, as[j], av);
                        }
                    }
                    double left = Vectors.norm(v);
                    if (left < KEEP_P) continue;
                    Vectors.scale(1 / left, v);
                    Vectors.scale(1 / left, av);
                    s[m] = v;
                    as[m] = av;
                    m++;
                }
            }
            long budget = o.maxProducts() - products;
            int rStart = m;
            for (int i = 0; i < k && budget > m - rStart; i++) {
                if (!active[i]) continue;
                double[] v = r[i];
                double before = Vectors.norm(v);
                double left = Vectors.orthogonalize(v, s, m);
                if (!(left > KEEP_R * before) || m >= n) continue;
                Vectors.scale(1 / left, v);
                s[m++] = v;
            }
            int nr = m - rStart;
            if (nr == 0) break; // stagnation: no new direction left
            double[][] rs = new double[nr][];
            double[][] ars = newBlock(nr, n);
            System.arraycopy(s, rStart, rs, 0, nr);
            op.applyBlock(rs, ars);
            products += nr;
            System.arraycopy(ars, 0, as, rStart, nr);

            Ritz rr = rayleighRitz(s, as, m, k, o.which(), n);
            scale = Math.max(scale, rr.scale);
            // New P: the part of the new X made of the P and R directions (columns k..m).
            p = new double[k][];
            ap = new double[k][];
            for (int i = 0; i < k; i++) {
                double[] y = rr.y[i];
                double[] tail = y.clone();
                double tn = 0;
                for (int j = 0; j < k; j++) tail[j] = 0;
                for (int j = k; j < m; j++) tn += tail[j] * tail[j];
                if (tn < 1e-30) continue;
                p[i] = Vectors.combine(s, m, tail, n);
                ap[i] = Vectors.combine(as, m, tail, n);
            }
            x = rr.x;
            ax = rr.ax;
            theta = rr.theta;
        }
        boolean[] converged = new boolean[k];
        for (int i = 0; i < k; i++) converged[i] = res[i] <= o.tol() * scale;
        return MultiplicityCheck.finish(op, k, o, theta.clone(), x, res.clone(), converged, products, scale, rnd);
    }

    private record Ritz(double[][] x, double[][] ax, double[] theta, double[][] y, double scale) {}

    private static Ritz rayleighRitz(double[][] s, double[][] as, int m, int k, SolverOptions.Which which, int n) {
        double[][] h = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0.5 * (Vectors.dot(s[i], as[j]) + Vectors.dot(s[j], as[i]));
                h[i][j] = v;
                h[j][i] = v;
            }
        }
        SmallSymmetricEigen e = SmallSymmetricEigen.of(h, m);
        double scale = 0;
        for (double t : e.values()) scale = Math.max(scale, Math.abs(t));
        double[][] x = new double[k][];
        double[][] ax = new double[k][];
        double[] theta = new double[k];
        double[][] y = new double[k][];
        for (int i = 0; i < k; i++) {
            int idx = e.wanted(i, which);
            y[i] = e.vectors()[idx];
            theta[i] = e.values()[idx];
            x[i] = Vectors.combine(s, m, y[i], n);
            ax[i] = Vectors.combine(as, m, y[i], n);
        }
        return new Ritz(x, ax, theta, y, scale);
    }

    private static double[][] newBlock(int count, int n) {
        double[][] b = new double[count][];
        for (int i = 0; i < count; i++) b[i] = new double[n];
        return b;
    }
}
