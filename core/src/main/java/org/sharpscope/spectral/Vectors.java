package org.sharpscope.spectral;

import java.util.Random;

/**
 * Dense vector arithmetic shared by the solvers (package-private). On a network's vectors the
 * arithmetic is memory-bound (a second thread does not speed it up on the development machine,
 * and slows the products that follow), so each routine makes as few passes over its vectors as it can.
 */
final class Vectors {
    private Vectors() {}

    /** Vector lengths are processed in blocks of this many elements where several vectors meet one (they stay in cache). */
    private static final int BLOCK = 2048;

    static double dot(double[] a, double[] b) {
        return dot(a, b, 0, a.length);
    }

    /** Σ a[i]·b[i] over [from, to). */
    private static double dot(double[] a, double[] b, int from, int to) {
        // Four partial sums: a single running sum is one dependent add per element, several times
        // slower on vectors of a network's length (the solvers' own arithmetic rivals the products).
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < to; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    /** x·ys[j] for j < count, in one pass over x (blocked: each block of x is read once for all ys). */
    static double[] dots(double[] x, double[][] ys, int count) {
        double[] out = new double[count];
        int n = x.length;
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            int i1 = Math.min(n, i0 + BLOCK);
            for (int j = 0; j < count; j++) out[j] += dot(x, ys[j], i0, i1);
        }
        return out;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** y += alpha · x. */
    static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) y[i] += alpha * x[i];
    }

    static void scale(double alpha, double[] x) {
        for (int i = 0; i < x.length; i++) x[i] *= alpha;
    }

    static double[] gaussian(int n, Random rnd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian();
        return x;
    }

    static double[] rademacher(int n, Random rnd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextBoolean() ? 1.0 : -1.0;
        return x;
    }

    /** Σ_j coef[j] · basis[j] over the first {@code count} basis vectors. */
    static double[] combine(double[][] basis, int count, double[] coef, int n) {
        return combine(basis, count, new double[][] {coef}, n)[0];
    }

    /**
     * Σ_j coefs[p][j] · basis[j] for every p, in one pass over the basis (blocked: each block of a
     * basis vector is read once for all p; each output sums over j in order, as p separate calls would).
     */
    static double[][] combine(double[][] basis, int count, double[][] coefs, int n) {
        return residuals(null, basis, count, coefs, null, n);
    }

    /**
     * The residual A·x − θ·x of the Ritz vector x = Σ_j coef[j]·basis[j], from the basis and its
     * images A·basis[j] in one pass: Σ_j coef[j]·(images[j] − θ·basis[j]).
     */
    static double[] residual(double[][] images, double[][] basis, int count, double[] coef, double theta, int n) {
        return residuals(images, basis, count, new double[][] {coef}, new double[] {theta}, n)[0];
    }

    /**
     * {@link #residual} for several Ritz pairs (coefs[p], thetas[p]) in one pass over the basis and
     * its images (blocked as {@link #combine(double[][], int, double[][], int)}); with images and
     * thetas null, the combinations Σ_j coefs[p][j]·basis[j].
     */
    static double[][] residuals(double[][] images, double[][] basis, int count, double[][] coefs, double[] thetas, int n) {
        double[][] out = new double[coefs.length][n];
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            int i1 = Math.min(n, i0 + BLOCK);
            for (int j = 0; j < count; j++) {
                double[] b = basis[j];
                double[] a = images == null ? null : images[j];
                for (int q = 0; q < coefs.length; q++) {
                    double c = coefs[q][j];
                    if (c == 0) continue;
                    double[] o = out[q];
                    if (a == null) {
                        for (int i = i0; i < i1; i++) o[i] += c * b[i];
                    } else {
                        double ct = c * thetas[q];
                        for (int i = i0; i < i1; i++) o[i] += c * a[i] - ct * b[i];
                    }
                }
            }
        }
        return out;
    }

    /**
     * Removes from {@code x} its components along the first {@code count} orthonormal vectors of
     * {@code basis} (Gram–Schmidt, repeated once when the first pass cancelled more than 1 − 1/√2
     * of x's norm: "twice is enough", Daniel–Gragg–Kaufman–Stewart, which keeps orthogonality to
     * rounding level), and returns the norm of what is left.
     */
    static double orthogonalize(double[] x, double[][] basis, int count) {
        if (count == 0) return norm(x);
        double before = norm(x);
        for (int pass = 0; ; pass++) {
            double after = gramSchmidtPass(x, basis, count);
            if (pass == 1 || after > Math.sqrt(0.5) * before) return after;
            before = after;
        }
    }

    /**
     * One modified Gram–Schmidt pass, x −= (b_j·x)·b_j for j = 0 … count−1 in order, and the norm
     * of the result. Each step's subtraction is fused with the next step's dot product (and the
     * last one with the norm), so x is read and written once per basis vector rather than three times.
     */
    private static double gramSchmidtPass(double[] x, double[][] basis, int count) {
        int n = x.length;
        double coef = dot(basis[0], x);
        for (int j = 0; j < count; j++) {
            double[] b = basis[j];
            double[] next = j + 1 < count ? basis[j + 1] : x;
            double alpha = -coef;
            double s0 = 0;
            double s1 = 0;
            int i = 0;
            for (; i + 1 < n; i += 2) {
                double x0 = x[i] + alpha * b[i];
                double x1 = x[i + 1] + alpha * b[i + 1];
                x[i] = x0;
                x[i + 1] = x1;
                s0 += next[i] * x0;
                s1 += next[i + 1] * x1;
            }
            for (; i < n; i++) {
                double xi = x[i] + alpha * b[i];
                x[i] = xi;
                s0 += next[i] * xi;
            }
            coef = s0 + s1;
        }
        return Math.sqrt(coef);
    }

    /** {@link #orthogonalize} against the locked vectors, then against the basis. */
    static double orthogonalize(double[] x, double[][] locked, int nLocked, double[][] basis, int count) {
        if (nLocked > 0) orthogonalize(x, locked, nLocked);
        return orthogonalize(x, basis, count);
    }

    /**
     * Orthogonalises x against the basis and normalises it; when x lies (numerically) in the span
     * of the basis, replaces it by a random vector orthogonal to the basis. Returns false only when
     * the basis already spans the whole space.
     */
    static boolean orthonormalizeOrRandom(double[] x, double[][] basis, int count, Random rnd) {
        return orthonormalizeOrRandom(x, null, 0, basis, count, rnd);
    }

    /**
     * {@link #orthonormalizeOrRandom(double[], double[][], int, Random)} against the first
     * {@code nLocked} orthonormal vectors of {@code locked} and the first {@code count} of
     * {@code basis} (the two sets orthogonal to each other).
     */
    static boolean orthonormalizeOrRandom(double[] x, double[][] locked, int nLocked, double[][] basis, int count, Random rnd) {
        int n = x.length;
        if (nLocked + count >= n) return false;
        double before = norm(x);
        double after = orthogonalize(x, locked, nLocked, basis, count);
        for (int attempt = 0; !(after > 1e-10 * before) || after == 0; attempt++) {
            if (attempt == 5) return false;
            double[] r = gaussian(n, rnd);
            System.arraycopy(r, 0, x, 0, n);
            before = norm(x);
            after = orthogonalize(x, locked, nLocked, basis, count);
        }
        scale(1.0 / after, x);
        return true;
    }
}
