package org.sharpscope.spectral;

import java.util.Random;

/**
 * Hutch++ (Meyer, Musco, Musco, Woodruff 2021): a third of the budget sketches the range of A
 * (Q = orth(A S), S Gaussian so that it has full rank even for tiny n), whose trace tr(QᵀAQ) is
 * taken exactly, and Hutchinson estimates only the remainder (I − QQᵀ) A (I − QQᵀ). Much lower
 * variance than Hutchinson when the spectrum has a few large eigenvalues, as Hessians do.
 */
public final class HutchPlusPlus {
    private HutchPlusPlus() {}

    /** Estimates tr(A) with at most {@code products} products (at least 3), seeded. */
    public static TraceEstimate trace(LinearOperator op, int products, long seed) {
        if (products < 3) throw new IllegalArgumentException("Hutch++ needs a budget of at least 3 products, got " + products);
        int n = op.dimension();
        Random rnd = new Random(seed);
        int sketch = Math.min(products / 3, n);
        double[][] s = new double[sketch][];
        double[][] as = new double[sketch][];
        for (int j = 0; j < sketch; j++) {
            s[j] = Vectors.gaussian(n, rnd);
            as[j] = new double[n];
        }
        op.applyBlock(s, as);
        // Q: orthonormal basis of range(A S); dependent columns are dropped (low-rank A).
        double[][] q = new double[sketch][];
        int rank = 0;
        for (int j = 0; j < sketch; j++) {
            double[] x = as[j].clone();
            double before = Vectors.norm(x);
            double after = Vectors.orthogonalize(x, q, rank);
            if (before > 0 && after > 1e-10 * before) {
                Vectors.scale(1 / after, x);
                q[rank++] = x;
            }
        }
        double lowRank = 0;
        if (rank > 0) {
            double[][] qs = java.util.Arrays.copyOf(q, rank);
            double[][] aq = new double[rank][];
            for (int j = 0; j < rank; j++) aq[j] = new double[n];
            op.applyBlock(qs, aq);
            for (int j = 0; j < rank; j++) lowRank += Vectors.dot(qs[j], aq[j]);
        }
        int probes = products - sketch - rank;
        if (probes < 1 || rank == n) return new TraceEstimate(lowRank, 0, sketch + rank);
        double sum = 0;
        double sumSq = 0;
        for (int done = 0; done < probes; done += Hutchinson.BLOCK) {
            int c = Math.min(Hutchinson.BLOCK, probes - done);
            double[][] g = new double[c][];
            double[][] ag = new double[c][];
            for (int i = 0; i < c; i++) {
                g[i] = Vectors.rademacher(n, rnd);
                for (int j = 0; j < rank; j++) Vectors.axpy(-Vectors.dot(q[j], g[i]), q[j], g[i]);
                ag[i] = new double[n];
            }
            op.applyBlock(g, ag);
            for (int i = 0; i < c; i++) {
                // gᵀ(I − QQᵀ)A(I − QQᵀ)g with g already projected.
                double v = Vectors.dot(g[i], ag[i]);
                sum += v;
                sumSq += v * v;
            }
        }
        double mean = sum / probes;
        double var = probes > 1 ? Math.max(0, (sumSq - probes * mean * mean) / (probes - 1)) : Double.NaN;
        return new TraceEstimate(lowRank + mean, Math.sqrt(var / probes), (long) sketch + rank + probes);
    }
}
