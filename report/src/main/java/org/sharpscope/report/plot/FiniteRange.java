package org.sharpscope.report.plot;

/** The smallest and largest finite value of a slice of an array (NaN and ±∞ skipped). */
public final class FiniteRange {
    private FiniteRange() {}

    /** {lo, hi} of the finite values of {@code values[from, to)}, or null when there is none. */
    public static double[] of(double[] values, int from, int to) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double v = values[i];
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return Double.isFinite(lo) ? new double[] {lo, hi} : null;
    }

    /** {lo, hi} of all finite values of {@code values}, or null when there is none. */
    public static double[] of(double[] values) {
        return of(values, 0, values.length);
    }
}
