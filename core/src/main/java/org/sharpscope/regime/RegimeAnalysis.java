package org.sharpscope.regime;

import java.util.Arrays;
import org.sharpscope.dynamics.Periodicity;

/**
 * Classifies a sampled training trajectory (steps, loss, sharpness, step size η) into a
 * {@link Regime} (docs/theory.md §6). It is generic: the UV model, real networks and sweeps all call
 * {@link #analyze}. Samples need not be every step, but periods are periods of the samples.
 * <ul>
 * <li>diverged: the first sample whose loss is not finite or above {@link Divergence#lossBound}
 *     of the initial loss; the analysis then uses only the samples before it.</li>
 * <li>early trend: the sharpness when the loss first falls to {@link Thresholds#earlyLossFraction}
 *     of its initial value (the end of early training; when it never does, the median sharpness of
 *     the second half of the finite samples) against the initial sharpness; within
 *     ±{@link Thresholds#flatChange} (relative) it is flat.</li>
 * <li>catapult: the loss rises above its initial value, then comes back below it, and afterwards
 *     η·sharpness drops below 2 (the spike moved training to a flatter, stable region);
 *     {@code catapult_at} is the step of the loss peak.</li>
 * <li>late state: over the last samples ({@link Thresholds#lateFraction}, at least
 *     {@link Thresholds#lateMinSamples} or half the run) the period of η·sharpness is found with
 *     {@link Periodicity#period}; period 1, a loss below {@link Thresholds#convergedLossFraction}
 *     of the initial one, or a loss still falling geometrically
 *     ({@link Thresholds#convergingLossDrop}) is converged; period p ≥ 2 is EoS; no period is chaotic.</li>
 * </ul>
 */
public final class RegimeAnalysis {

    /**
     * The thresholds of the analysis; {@link #DEFAULT} holds the documented defaults (the
     * constants below), which suit exact (double precision, full-batch) trajectories.
     */
    public record Thresholds(double flatChange, double earlyLossFraction, int maxPeriod,
                             double periodTolerance, double convergedLossFraction,
                             double convergingLossDrop, double lateFraction, int lateMinSamples) {
        public static final Thresholds DEFAULT = new Thresholds(FLAT_CHANGE, EARLY_LOSS_FRACTION,
                MAX_PERIOD, PERIOD_TOLERANCE, CONVERGED_LOSS_FRACTION, CONVERGING_LOSS_DROP,
                LATE_FRACTION, LATE_MIN_SAMPLES);
    }

    /**
     * Relative sharpness change below which the early trend is flat: the lazy (NTP, wide) regime
     * moves sharpness by O(1/n) ≪ 5%, the regimes of docs/theory.md §5 move it by O(1).
     */
    public static final double FLAT_CHANGE = 0.05;

    /**
     * Early training ends when the loss has fallen to 1e-4 of its initial value: the residual is
     * then down 100×, so the sharpness has made its gradient-flow move (λ(f) = sqrt(Q₀ + 4κf²)),
     * a catapult, if any, has landed, and the residual's own O(√κΔf) share of λ^H (large in μP)
     * has shrunk to about 1%, well inside {@link #FLAT_CHANGE}.
     */
    public static final double EARLY_LOSS_FRACTION = 1e-4;

    /** Longest period looked for: covers the first doublings of the route to chaos (2, 4, 8, …, 64). */
    public static final int MAX_PERIOD = 64;

    /**
     * Relative tolerance of the period test on η·sharpness (an O(1) quantity at EoS): loose enough
     * for an orbit that is still converging at rate ~0.7 per cycle, far tighter than the O(1)
     * spread of a chaotic orbit.
     */
    public static final double PERIOD_TOLERANCE = 1e-6;

    /**
     * A run whose late loss stays below 1e-8 of the initial loss is converged even if η·sharpness
     * still drifts by more than the period tolerance (slow convergence close to ηλ = 2).
     */
    public static final double CONVERGED_LOSS_FRACTION = 1e-8;

    /**
     * A run stopped while still converging geometrically counts as converged: the largest loss
     * in the second half of the late window is below 1e-2 of the largest in its first half. EoS
     * and chaotic orbits keep their loss at O(1) of its level, so their halves compare at ~1.
     */
    public static final double CONVERGING_LOSS_DROP = 1e-2;

    /** The late window is the last quarter of the samples ... */
    public static final double LATE_FRACTION = 0.25;

    /**
     * ... but at least 4·{@link #MAX_PERIOD} samples (or half of a shorter run), so every period
     * is tested twice over without reaching back into the early transient.
     */
    public static final int LATE_MIN_SAMPLES = 4 * MAX_PERIOD;

    private RegimeAnalysis() {}

    /** {@link #analyze(long[], double[], double[], double, Thresholds)} with the default thresholds. */
    public static Regime analyze(long[] step, double[] loss, double[] sharpness, double eta) {
        return analyze(step, loss, sharpness, eta, Thresholds.DEFAULT);
    }

    /**
     * Classifies the trajectory sampled at {@code step} with the given {@code loss} and
     * {@code sharpness} (top Hessian eigenvalue) under GD with step size {@code eta}.
     */
    public static Regime analyze(long[] step, double[] loss, double[] sharpness, double eta, Thresholds t) {
        return analyze(step, loss, sharpness, eta, t, null);
    }

    /**
     * The analysis for sampled runs of real networks, whose sharpness at EoS hovers around 2/η
     * without an exact period and whose convergence is slow: as above, except that a run whose
     * late probe pairs (t, t+1) straddle 2/η is EoS with period 2 (a drifting period-2 orbit), a
     * run without a period is EoS (period 0) when {@code eos} holds over the late window, and a run whose
     * late loss never rises while η·λ stays below the band is converged. {@code eos} null gives
     * the plain analysis.
     */
    public static Regime analyze(long[] step, double[] loss, double[] sharpness, double eta, Thresholds t,
                                 EdgeOfStability eos) {
        int len = step.length;
        if (len == 0 || loss.length != len || sharpness.length != len) {
            throw new IllegalArgumentException("need equally long, non-empty step/loss/sharpness arrays");
        }
        double loss0 = loss[0];
        int end = len; // samples [0, end) are finite and below the divergence bound
        for (int i = 0; i < len; i++) {
            if (Divergence.isDiverged(loss[i], loss0) || !Double.isFinite(sharpness[i])) {
                end = i;
                break;
            }
        }
        Long divergedAt = end < len ? step[end] : null;
        EarlyTrend trend = earlyTrend(loss, sharpness, end, t);
        Long catapultAt = catapultPeak(step, loss, sharpness, eta, end);

        if (divergedAt != null) {
            return new Regime(trend, catapultAt != null, catapultAt, LateState.DIVERGED, 0, divergedAt);
        }
        int window = Math.max((int) Math.ceil(t.lateFraction() * len), Math.min(t.lateMinSamples(), len / 2));
        window = Math.max(1, Math.min(window, len));
        double[] late = new double[window];
        double firstHalfMaxLoss = 0;
        double secondHalfMaxLoss = 0;
        for (int i = 0; i < window; i++) {
            int k = len - window + i;
            late[i] = eta * sharpness[k];
            if (i < window / 2) firstHalfMaxLoss = Math.max(firstHalfMaxLoss, loss[k]);
            else secondHalfMaxLoss = Math.max(secondHalfMaxLoss, loss[k]);
        }
        double lateMaxLoss = Math.max(firstHalfMaxLoss, secondHalfMaxLoss);
        boolean converging = window >= 4 && secondHalfMaxLoss <= t.convergingLossDrop() * firstHalfMaxLoss;
        int period = Periodicity.period(late, t.maxPeriod(), t.periodTolerance());
        double[] lateAveraged = late;
        boolean straddling = false;
        if (eos != null) {
            long[] lateStep = java.util.Arrays.copyOfRange(step, len - window, len);
            lateAveraged = EdgeOfStability.twoStepAverage(lateStep, late);
            straddling = eos.straddlesLate(lateStep, late);
        }
        boolean monotoneBelow = eos != null && monotoneBelowBand(loss, lateAveraged, len - window, eos);
        LateState state;
        if (period == 1 || lateMaxLoss <= t.convergedLossFraction() * loss0 || converging || monotoneBelow) {
            state = LateState.CONVERGED;
            period = 1;
        } else if (period >= 2) {
            state = LateState.EOS;
        } else if (straddling) {
            state = LateState.EOS;
            period = 2;
        } else if (eos != null && eos.holdsLate(lateAveraged)) {
            state = LateState.EOS;
        } else {
            state = LateState.CHAOTIC;
        }
        return new Regime(trend, catapultAt != null, catapultAt, state, period, null);
    }

    /** Late loss never rises and every late η·λ lies below the EoS band: stable descent. */
    private static boolean monotoneBelowBand(double[] loss, double[] lateEtaSharpness, int from, EdgeOfStability eos) {
        for (int k = from + 1; k < loss.length; k++) {
            if (loss[k] > loss[k - 1]) return false;
        }
        for (double v : lateEtaSharpness) {
            if (!(v < 2 * (1 - eos.band()))) return false;
        }
        return true;
    }

    private static EarlyTrend earlyTrend(double[] loss, double[] sharpness, int end, Thresholds t) {
        double s0 = sharpness[0];
        if (end < 2 || !(s0 != 0)) return EarlyTrend.FLAT;
        double sEarly = Double.NaN;
        for (int i = 1; i < end; i++) {
            if (loss[i] <= t.earlyLossFraction() * loss[0]) {
                sEarly = sharpness[i];
                break;
            }
        }
        if (Double.isNaN(sEarly)) {
            double[] tail = Arrays.copyOfRange(sharpness, end / 2, end);
            Arrays.sort(tail);
            sEarly = tail[tail.length / 2];
        }
        double change = (sEarly - s0) / Math.abs(s0);
        if (Math.abs(change) <= t.flatChange()) return EarlyTrend.FLAT;
        return change < 0 ? EarlyTrend.SHARPNESS_REDUCTION : EarlyTrend.PROGRESSIVE_SHARPENING;
    }

    /** The step of the first catapult's loss peak, or null when there is none. */
    private static Long catapultPeak(long[] step, double[] loss, double[] sharpness, double eta, int end) {
        double loss0 = loss[0];
        if (!(loss0 > 0)) return null;
        int i = 1;
        while (i < end && loss[i] <= loss0) i++;
        if (i >= end) return null;
        int peak = i;
        while (i < end && loss[i] > loss0) {
            if (loss[i] > loss[peak]) peak = i;
            i++;
        }
        if (i >= end) return null; // never came back down: not (yet) a catapult
        for (; i < end; i++) {
            if (eta * sharpness[i] < 2) return step[peak];
        }
        return null;
    }
}
