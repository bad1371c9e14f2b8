package org.sharpscope.dynamics;

/**
 * Lyapunov exponents (natural log, per iteration) along an orbit after a transientSteps: the largest
 * for 1-D maps as the mean of ln|F'(x_t)|; the full spectrum of any map by the QR (Benettin)
 * method. Diverging orbits ({@link Escape}) give NaN.
 */
public final class Lyapunov {
    private static final double DIVERGED = Escape.BOUND;

    private Lyapunov() {}

    /** The exponent of a 1-D map: (1/n) Σ ln|F'(x_t)| over n steps after {@code transientSteps}. */
    public static double largest(ScalarMap map, double x0, int transientSteps, int n) {
        double x = x0;
        for (int i = 0; i < transientSteps; i++) x = map.next(x);
        if (!(Math.abs(x) < DIVERGED)) return Double.NaN;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.log(Math.abs(map.derivative(x)));
            x = map.next(x);
            if ((i & 1023) == 0 && !(Math.abs(x) < DIVERGED)) return Double.NaN;
        }
        return Math.abs(x) < DIVERGED ? sum / n : Double.NaN;
    }

    /**
     * All d exponents, largest first, by propagating an orthonormal frame with the Jacobian and
     * re-orthonormalising it (modified Gram–Schmidt) every step; ln of the diagonal of R summed.
     */
    public static double[] spectrum(DiscreteMap map, double[] x0, int transientSteps, int n) {
        int d = map.dimension();
        double[] x = x0.clone();
        for (int i = 0; i < transientSteps; i++) map.step(x, x);
        double[] jac = new double[d * d];
        double[] frame = new double[d * d]; // column k = frame[i*d + k]
        double[] next = new double[d * d];
        for (int i = 0; i < d; i++) frame[i * d + i] = 1;
        double[] sums = new double[d];
        for (int t = 0; t < n; t++) {
            if (!finite(x)) return nanArray(d);
            map.jacobian(x, jac);
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < d; k++) {
                    double s = 0;
                    for (int m = 0; m < d; m++) s += jac[i * d + m] * frame[m * d + k];
                    next[i * d + k] = s;
                }
            }
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < k; j++) {
                    double dot = 0;
                    for (int i = 0; i < d; i++) dot += next[i * d + k] * next[i * d + j];
                    for (int i = 0; i < d; i++) next[i * d + k] -= dot * next[i * d + j];
                }
                double norm = 0;
                for (int i = 0; i < d; i++) norm += next[i * d + k] * next[i * d + k];
                norm = Math.sqrt(norm);
                sums[k] += Math.log(norm);
                for (int i = 0; i < d; i++) next[i * d + k] /= norm;
            }
            System.arraycopy(next, 0, frame, 0, d * d);
            map.step(x, x);
        }
        if (!finite(x)) return nanArray(d);
        for (int k = 0; k < d; k++) sums[k] /= n;
        java.util.Arrays.sort(sums);
        for (int i = 0; i < d / 2; i++) {
            double tmp = sums[i];
            sums[i] = sums[d - 1 - i];
            sums[d - 1 - i] = tmp;
        }
        return sums;
    }

    private static boolean finite(double[] x) {
        for (double v : x) if (!(Math.abs(v) < DIVERGED)) return false;
        return true;
    }

    private static double[] nanArray(int d) {
        double[] a = new double[d];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
