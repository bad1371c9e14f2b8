package org.sharpscope.dynamics;

import java.util.Random;

/**
 * K orthonormal tangent vectors carried along an orbit by the QR (Benettin) method, for maps known
 * only through Jacobian-vector products (a network's tangent map I − ηH through Hessian-vector
 * products): the caller maps each vector with the step's Jacobian and hands the images to
 * {@link #advance}, which re-orthonormalises them in order (modified Gram–Schmidt, applied twice)
 * and returns ln R_ii. Averaged over the steps after a transient, the i-th log is the i-th largest
 * Lyapunov exponent. {@link Lyapunov#spectrum} is the same method with dense Jacobians.
 */
public final class TangentFrame {
    private final double[][] vectors;

    /** A frame of the given orthonormal vectors (kept, not copied). */
    public TangentFrame(double[][] orthonormal) {
        if (orthonormal.length == 0) throw new IllegalArgumentException("a frame needs at least one vector");
        this.vectors = orthonormal;
    }

    /** K orthonormal vectors in n dimensions drawn from a Gaussian with {@code seed}. */
    public static TangentFrame random(int k, int n, long seed) {
        if (k > n) throw new IllegalArgumentException(k + " vectors cannot be orthonormal in " + n + " dimensions");
        Random rnd = new Random(seed);
        double[][] v = new double[k][n];
        for (double[] x : v) for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian();
        orthonormalize(v);
        return new TangentFrame(v);
    }

    /** The first K unit vectors e₁ … e_K of n dimensions. */
    public static TangentFrame identity(int k, int n) {
        double[][] v = new double[k][n];
        for (int i = 0; i < k; i++) v[i][i] = 1;
        return new TangentFrame(v);
    }

    /** The current vectors (live; the caller must not modify them). */
    public double[][] vectors() {
        return vectors;
    }

    public int size() {
        return vectors.length;
    }

    public int dimension() {
        return vectors[0].length;
    }

    /**
     * Replaces the frame by the orthonormalised {@code images} (image i of vector i, in order) and
     * returns ln R_ii, the log growth of the volume each new direction adds. An image that
     * vanishes (or is not finite) gives −∞ (or NaN) and leaves the frame degenerate from there on.
     */
    public double[] advance(double[][] images) {
        if (images.length != vectors.length) {
            throw new IllegalArgumentException("expected " + vectors.length + " images, got " + images.length);
        }
        double[] logs = orthonormalize(images);
        for (int i = 0; i < vectors.length; i++) System.arraycopy(images[i], 0, vectors[i], 0, vectors[i].length);
        return logs;
    }

    /** Orthonormalises the rows of {@code v} in place (modified Gram–Schmidt twice); returns ln of the norms removed. */
    private static double[] orthonormalize(double[][] v) {
        double[] logs = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double[] x = v[i];
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < i; j++) {
                    double d = dot(v[j], x);
                    for (int m = 0; m < x.length; m++) x[m] -= d * v[j][m];
                }
            }
            double norm = Math.sqrt(dot(x, x));
            logs[i] = Math.log(norm);
            if (norm > 0) for (int m = 0; m < x.length; m++) x[m] /= norm;
        }
        return logs;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
