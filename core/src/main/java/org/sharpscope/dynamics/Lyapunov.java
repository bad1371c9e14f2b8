package org.sharpscope.dynamics;

import java.util.function.DoubleUnaryOperator;

/**
 * Lyapunov exponents (natural log, per iteration) along an orbit after a transientSteps: the largest
 * for 1-D maps as the mean of ln|F'(x_t)|; the full spectrum of any map by the QR (Benettin)
 * method. Diverging orbits ({@link Escape}) give NaN.
 *
 * <p>Every orbit here (transient included) runs under a {@link RepellerGuard}: an orbit that
 * rounding has put exactly on an unstable periodic orbit is restarted from a slightly perturbed
 * state (see there), so the average describes the attractor rather than the repeller. The
 * {@code ...Estimate} methods report how often that happened; the plain ones return the number only.
 */
public final class Lyapunov {
    private static final double DIVERGED = Escape.BOUND;

    private Lyapunov() {}

    /**
     * An exponent with the number of restarts off unstable cycles the orbit was trapped on (see
     * {@link RepellerGuard}) and a one-line note on the first one (empty when none).
     */
    public record Estimate(double exponent, int trappedRestarts, String note) {}

    /** A spectrum (largest first) with the trap restarts, as in {@link Estimate}. */
    public record Spectrum(double[] exponents, int trappedRestarts, String note) {}

    /** The exponent of a 1-D map: (1/n) Σ ln|F'(x_t)| over n steps after {@code transientSteps}. */
    public static double largest(ScalarMap map, double x0, int transientSteps, int n) {
        return largestEstimate(map, x0, transientSteps, n).exponent();
    }

    /** {@link #largest} with its trap report. */
    public static Estimate largestEstimate(ScalarMap map, double x0, int transientSteps, int n) {
        return orbitMean(map, x0, transientSteps, n, x -> Math.log(Math.abs(map.derivative(x))));
    }

    /**
     * (1/n) Σ f(x_t) over n steps of a guarded orbit of a 1-D map after {@code transientSteps}; NaN
     * when the orbit diverges (|x| &ge; 10¹²).
     */
    public static Estimate orbitMean(ScalarMap map, double x0, int transientSteps, int n, DoubleUnaryOperator f) {
        RepellerGuard guard = new RepellerGuard(map);
        double x = guard.check(x0);
        for (int i = 0; i < transientSteps; i++) x = guard.check(map.next(x));
        if (!(Math.abs(x) < DIVERGED)) return new Estimate(Double.NaN, guard.restarts(), guard.note());
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += f.applyAsDouble(x);
            x = guard.check(map.next(x));
            if ((i & 1023) == 0 && !(Math.abs(x) < DIVERGED)) return new Estimate(Double.NaN, guard.restarts(), guard.note());
        }
        return new Estimate(Math.abs(x) < DIVERGED ? sum / n : Double.NaN, guard.restarts(), guard.note());
    }

    /**
     * All d exponents, largest first, by propagating an orthonormal frame with the Jacobian and
     * re-orthonormalising it (modified Gram–Schmidt) every step; ln of the diagonal of R summed.
     */
    public static double[] spectrum(DiscreteMap map, double[] x0, int transientSteps, int n) {
        return spectrumEstimate(map, x0, transientSteps, n).exponents();
    }

    /** {@link #spectrum} with its trap report. */
    public static Spectrum spectrumEstimate(DiscreteMap map, double[] x0, int transientSteps, int n) {
        int d = map.dimension();
        double[] x = x0.clone();
        RepellerGuard guard = new RepellerGuard(map);
        guard.check(x);
        for (int i = 0; i < transientSteps; i++) {
            map.step(x, x);
            guard.check(x);
        }
        double[] jac = new double[d * d];
        double[] frame = new double[d * d]; // column k = frame[i*d + k]
        double[] next = new double[d * d];
        for (int i = 0; i < d; i++) frame[i * d + i] = 1;
        double[] sums = new double[d];
        for (int t = 0; t < n; t++) {
            if (!finite(x)) return new Spectrum(nanArray(d), guard.restarts(), guard.note());
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
            guard.check(x);
        }
        if (!finite(x)) return new Spectrum(nanArray(d), guard.restarts(), guard.note());
        for (int k = 0; k < d; k++) sums[k] /= n;
        java.util.Arrays.sort(sums);
        for (int i = 0; i < d / 2; i++) {
            double tmp = sums[i];
            sums[i] = sums[d - 1 - i];
            sums[d - 1 - i] = tmp;
        }
        return new Spectrum(sums, guard.restarts(), guard.note());
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
