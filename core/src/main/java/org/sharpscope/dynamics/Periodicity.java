package org.sharpscope.dynamics;

/**
 * Period detection on a recorded series (the late part of a trajectory): the smallest p ≥ 1 such
 * that |x[i] − x[i−p]| ≤ tol · max(1, max|x|) for every i in the series. This is the one place
 * periods are decided, for maps and for training runs alike.
 */
public final class Periodicity {
    private Periodicity() {}

    /**
     * Returns the period of {@code series}, or 0 when no period ≤ {@code maxPeriod} fits within
     * {@code relTol} (chaotic, quasi-periodic or not yet settled). Needs at least 2·maxPeriod
     * samples to test every candidate period.
     */
    public static int period(double[] series, int maxPeriod, double relTol) {
        if (maxPeriod < 1) throw new IllegalArgumentException("maxPeriod must be >= 1");
        double scale = 1;
        for (double v : series) {
            if (!Double.isFinite(v)) return 0;
            scale = Math.max(scale, Math.abs(v));
        }
        double tol = relTol * scale;
        for (int p = 1; p <= maxPeriod && 2 * p <= series.length; p++) {
            boolean fits = true;
            for (int i = p; i < series.length && fits; i++) {
                fits = Math.abs(series[i] - series[i - p]) <= tol;
            }
            if (fits) return p;
        }
        return 0;
    }
}
