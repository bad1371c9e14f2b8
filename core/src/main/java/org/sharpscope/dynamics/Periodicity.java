package org.sharpscope.dynamics;

/**
 * Period detection on a recorded series (the late part of a trajectory). {@link #period}: the
 * smallest p ≥ 1 such that |x[i] − x[i−p]| ≤ tol · max(1, max|x|) for every i in the series, for
 * exact trajectories (maps, the UV model). {@link #clusteredPeriod}: the smallest p whose phases
 * form tight, well-separated clusters, for noisy ones (real networks, whose sharpness carries solver
 * and float noise). This is the one place periods are decided, for maps and for training runs alike.
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

    /**
     * The period of a noisy series, or 0 when none ≤ {@code maxPeriod} fits. For a candidate p the
     * samples are modelled as p phase levels (i mod p), each with its own linear drift, fitted by
     * least squares, so that a run still creeping (a network still sharpening slowly, or a period-2
     * oscillation about 2/η whose amplitude slowly grows or shrinks) keeps its period;
     * R_p is the largest range of the residuals within a phase, s_p their pooled standard deviation,
     * and the scale S is max|x|. Period 1: R_1 ≤ {@code relTol}·S. Period p ≥ 2, the smallest p with
     * 2p ≤ length such that (i) the phase levels, merged where within R_p of each other (an orbit
     * may visit one value at two phases), form at least 2 clusters whose adjacent gaps are all
     * ≥ {@code separation}·R_p and &gt; {@code relTol}·S, and (ii) s_p ≤ {@code relTol}·S or
     * s_p ≤ {@code separation}·min_q s_q over every q ≤ maxPeriod with 2q ≤ length: the spread within
     * a phase is noise, not a finer period (a period-4 orbit whose pairs are close is not period 2).
     * White noise of range r on a period-p orbit is thus tolerated while the orbit's nearest values
     * are {@code separation}·r apart; chaotic and quasi-periodic tails, whose phases spread as wide
     * as their gaps, have no period. On exact orbits it finds what {@link #period} finds.
     */
    public static int clusteredPeriod(double[] series, int maxPeriod, double relTol, double separation) {
        if (maxPeriod < 1) throw new IllegalArgumentException("maxPeriod must be >= 1");
        if (!(separation > 1)) throw new IllegalArgumentException("separation must be > 1");
        int n = series.length;
        if (n < 2) return n == 0 ? 0 : 1;
        double scale = 0;
        for (double v : series) {
            if (!Double.isFinite(v)) return 0;
            scale = Math.max(scale, Math.abs(v));
        }
        double floor = relTol * scale;
        if (Phases.of(series, 1).range <= floor) return 1;
        int top = Math.min(maxPeriod, n / 2);
        Phases[] phases = new Phases[top + 1];
        double least = Double.POSITIVE_INFINITY;
        for (int q = 2; q <= top; q++) {
            phases[q] = Phases.of(series, q);
            least = Math.min(least, phases[q].std);
        }
        for (int p = 2; p <= top; p++) {
            Phases ph = phases[p];
            if (ph.separated(separation, floor) && (ph.std <= floor || ph.std <= separation * least)) return p;
        }
        return 0;
    }

    /**
     * The samples fitted as p phase levels, each with its own linear drift: each phase's level at
     * the middle of the series, the largest range of the residuals within a phase and their pooled
     * standard deviation.
     */
    private record Phases(double[] level, double range, double std) {
        static Phases of(double[] x, int p) {
            int n = x.length;
            double[] meanI = new double[p];
            double[] meanX = new double[p];
            int[] count = new int[p];
            for (int i = 0; i < n; i++) {
                meanI[i % p] += i;
                meanX[i % p] += x[i];
                count[i % p]++;
            }
            for (int j = 0; j < p; j++) {
                meanI[j] /= count[j];
                meanX[j] /= count[j];
            }
            double[] sxy = new double[p];
            double[] sxx = new double[p];
            for (int i = 0; i < n; i++) {
                double di = i - meanI[i % p];
                sxy[i % p] += di * (x[i] - meanX[i % p]);
                sxx[i % p] += di * di;
            }
            double[] slope = new double[p];
            for (int j = 0; j < p; j++) slope[j] = sxx[j] > 0 ? sxy[j] / sxx[j] : 0;
            double[] lo = new double[p];
            double[] hi = new double[p];
            java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
            double squares = 0;
            for (int i = 0; i < n; i++) {
                int j = i % p;
                double r = x[i] - meanX[j] - slope[j] * (i - meanI[j]);
                lo[j] = Math.min(lo[j], r);
                hi[j] = Math.max(hi[j], r);
                squares += r * r;
            }
            double range = 0;
            double[] level = new double[p];
            double middle = (n - 1) / 2.0;
            for (int j = 0; j < p; j++) {
                range = Math.max(range, hi[j] - lo[j]);
                level[j] = meanX[j] + slope[j] * (middle - meanI[j]);
            }
            return new Phases(level, range, Math.sqrt(squares / Math.max(1, n - 2 * p)));
        }

        /** Whether the levels, merged where within {@link #range} of each other, form ≥ 2 clusters with wide gaps. */
        boolean separated(double separation, double floor) {
            double[] m = level.clone();
            java.util.Arrays.sort(m);
            int clusters = 1;
            for (int k = 1; k < m.length; k++) {
                double gap = m[k] - m[k - 1];
                if (gap <= range) continue;
                if (gap < separation * range || gap <= floor) return false;
                clusters++;
            }
            return clusters >= 2;
        }
    }
}
