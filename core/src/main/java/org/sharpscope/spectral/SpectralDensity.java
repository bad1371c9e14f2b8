package org.sharpscope.spectral;

import java.util.Random;

/**
 * The spectral density of a symmetric operator by stochastic Lanczos quadrature (SLQ; Ghorbani,
 * Krishnan and Xiao 2019, as in PyHessian): for each Rademacher probe, m Lanczos steps (full
 * reorthogonalisation) give Gauss-quadrature nodes θ (Ritz values) and weights τ² (squared first
 * components of the Ritz vectors), exact for polynomials of degree ≤ 2m − 1. Averaged over
 * probes, Σ τ² δ(t − θ) estimates the normalised density (1/n) Σ δ(t − λ_i).
 *
 * @param dimension n
 * @param nodes     quadrature nodes of every probe, concatenated
 * @param weights   their weights, each probe's summing to 1/probes (all sum to 1)
 * @param products  operator products used (probes × steps, fewer on early breakdown); the
 *                  probes advance together, one block product per Lanczos step
 */
public record SpectralDensity(int dimension, double[] nodes, double[] weights, long products) {

    /**
     * Runs SLQ with {@code probes} Rademacher probes (drawn from {@code seed} in the same order as
     * {@link Hutchinson#trace}) and {@code steps} Lanczos steps each (capped at n).
     */
    public static SpectralDensity estimate(LinearOperator op, int probes, int steps, long seed) {
        if (probes < 1) throw new IllegalArgumentException("probes must be >= 1, got " + probes);
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        int n = op.dimension();
        int m = Math.min(steps, n);
        Random rnd = new Random(seed);
        // All probes advance together, so an engine sees one block of `probes` products per step.
        double[][][] v = new double[probes][m][];
        double[][][] t = new double[probes][m][m];
        int[] used = new int[probes];
        boolean[] open = new boolean[probes];
        double[] scale = new double[probes];
        for (int p = 0; p < probes; p++) {
            double[] z = Vectors.rademacher(n, rnd);
            Vectors.scale(1 / Math.sqrt(n), z);
            v[p][0] = z;
            open[p] = true;
        }
        long products = 0;
        for (int j = 0; j < m; j++) {
            int count = 0;
            for (boolean o : open) if (o) count++;
            if (count == 0) break;
            double[][] xs = new double[count][];
            double[][] ys = new double[count][];
            int[] who = new int[count];
            for (int p = 0, c = 0; p < probes; p++) {
                if (!open[p]) continue;
                who[c] = p;
                xs[c] = v[p][j];
                ys[c] = new double[n];
                c++;
            }
            op.applyBlock(xs, ys);
            products += count;
            for (int c = 0; c < count; c++) {
                int p = who[c];
                double[] w = ys[c];
                used[p] = j + 1;
                double alpha = Vectors.dot(v[p][j], w);
                t[p][j][j] = alpha;
                scale[p] = Math.max(scale[p], Math.abs(alpha));
                if (j == m - 1) continue;
                double beta = Vectors.orthogonalize(w, v[p], j + 1);
                scale[p] = Math.max(scale[p], beta);
                if (beta <= 1e-12 * scale[p]) { // invariant subspace: this probe's quadrature is exact
                    open[p] = false;
                    continue;
                }
                Vectors.scale(1 / beta, w);
                v[p][j + 1] = w;
                t[p][j][j + 1] = beta;
                t[p][j + 1][j] = beta;
            }
        }
        int total = 0;
        for (int u : used) total += u;
        double[] nodes = new double[total];
        double[] weights = new double[total];
        int at = 0;
        for (int p = 0; p < probes; p++) {
            SmallSymmetricEigen e = SmallSymmetricEigen.of(t[p], used[p]);
            for (int i = 0; i < used[p]; i++) {
                double first = e.vectors()[i][0];
                nodes[at] = e.values()[i];
                weights[at] = first * first / probes;
                at++;
            }
        }
        return new SpectralDensity(n, nodes, weights, products);
    }

    /** Σ weight · nodeᵖ: the estimate of tr(Aᵖ)/n (exact per probe up to p = 2·steps − 1). */
    public double moment(int p) {
        double s = 0;
        for (int i = 0; i < nodes.length; i++) s += weights[i] * Math.pow(nodes[i], p);
        return s;
    }

    /** The trace estimate n · moment(1) (equal to Hutchinson's with the same probes). */
    public double trace() {
        return dimension * moment(1);
    }

    /** {@code points} evenly spaced values from min node − 5σ to max node + 5σ. */
    public double[] grid(int points, double sigma) {
        if (points < 2) throw new IllegalArgumentException("points must be >= 2, got " + points);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : nodes) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        lo -= 5 * sigma;
        hi += 5 * sigma;
        double[] g = new double[points];
        for (int i = 0; i < points; i++) g[i] = lo + (hi - lo) * i / (points - 1);
        return g;
    }

    /**
     * The density broadened by a Gaussian of width σ, evaluated on {@code grid}:
     * φ(t) = Σ w · exp(−(t − θ)²/2σ²)/(σ√2π). It integrates to 1 and keeps the mean (first moment).
     */
    public double[] density(double[] grid, double sigma) {
        if (!(sigma > 0)) throw new IllegalArgumentException("sigma must be > 0, got " + sigma);
        double norm = 1 / (sigma * Math.sqrt(2 * Math.PI));
        double[] out = new double[grid.length];
        for (int g = 0; g < grid.length; g++) {
            double s = 0;
            for (int i = 0; i < nodes.length; i++) {
                double d = (grid[g] - nodes[i]) / sigma;
                if (Math.abs(d) < 40) s += weights[i] * Math.exp(-0.5 * d * d);
            }
            out[g] = s * norm;
        }
        return out;
    }

    /** A default broadening: 1% of the node range (or 1e-3 when all nodes coincide). */
    public double defaultSigma() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : nodes) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double range = hi - lo;
        return range > 0 ? 0.01 * range : 1e-3 * Math.max(1, Math.abs(hi));
    }
}
