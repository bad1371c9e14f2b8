package org.sharpscope.spectral;

import java.util.Random;

/**
 * Hutchinson's trace estimator: the mean of zᵀ A z over Rademacher probes z, one product each.
 * Unbiased; variance 2(‖A‖_F² − Σ a_ii²)/probes.
 */
public final class Hutchinson {
    /** Probes handed to the operator per block product (engines batch them). */
    static final int BLOCK = 16;

    private Hutchinson() {}

    /** Estimates tr(A) from {@code probes} Rademacher probes drawn from {@code seed}. */
    public static TraceEstimate trace(LinearOperator op, int probes, long seed) {
        if (probes < 1) throw new IllegalArgumentException("probes must be >= 1, got " + probes);
        int n = op.dimension();
        Random rnd = new Random(seed);
        double sum = 0;
        double sumSq = 0;
        for (int done = 0; done < probes; done += BLOCK) {
            int c = Math.min(BLOCK, probes - done);
            double[][] z = new double[c][];
            double[][] az = new double[c][];
            for (int j = 0; j < c; j++) {
                z[j] = Vectors.rademacher(n, rnd);
                az[j] = new double[n];
            }
            op.applyBlock(z, az);
            for (int j = 0; j < c; j++) {
                double s = Vectors.dot(z[j], az[j]);
                sum += s;
                sumSq += s * s;
            }
        }
        double mean = sum / probes;
        double var = probes > 1 ? Math.max(0, (sumSq - probes * mean * mean) / (probes - 1)) : Double.NaN;
        return new TraceEstimate(mean, Math.sqrt(var / probes), probes);
    }
}
