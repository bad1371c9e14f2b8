package org.sharpscope.study.sweep;

import org.sharpscope.UserInputException;
import org.sharpscope.study.RegimeFields;

/**
 * What {@link SweepCollection} derives from a sweep: the axes of the phase diagram and its
 * label, the grouping axis and early window of the critical constants, and the axis, tail and
 * period detection of the bifurcation diagram. Keys are the flags of {@code sweep collect}
 * (bound by {@link org.sharpscope.study.Specs}); null means the default.
 *
 * @param phaseX          x axis of the phase diagram (default: the first varying numeric axis)
 * @param phaseY          y axis of the phase diagram (default: the second varying numeric axis)
 * @param regime          summary field that labels the phase diagram (default {@code late_state})
 * @param criticalAxis    axis the critical constants are grouped by (default: the first varying
 *                        numeric axis that is not a learning rate)
 * @param earlyRows       rows of metrics.csv after the first that count as early training (default 10)
 * @param bifurcationAxis x axis of the bifurcation diagram: an axis or a numeric summary field
 *                        (default: see {@link SweepCollection#defaultBifurcationAxis})
 * @param tail            late sharpness samples per cell (default 64)
 * @param maxPeriod       largest period detected (default 16)
 * @param periodTol       relative tolerance of the period detector (default: the rule's, 1e-6 exact, 1e-3 clusters)
 * @param periodRule      how periods are decided (default: {@link PeriodRule#defaultFor} the sweep's command)
 * @param separation      the clusters rule's least gap between clusters in within-phase ranges (default 2)
 */
public record CollectSettings(String phaseX, String phaseY, String regime, String criticalAxis, Integer earlyRows,
                              String bifurcationAxis, Integer tail, Integer maxPeriod, Double periodTol,
                              PeriodRule periodRule, Double separation) {
    public CollectSettings {
        if (regime == null) regime = RegimeFields.LATE_STATE;
        if (earlyRows == null) earlyRows = 10;
        if (tail == null) tail = 64;
        if (maxPeriod == null) maxPeriod = 16;
        if (separation == null) separation = PeriodRule.DEFAULT_SEPARATION;
        if (earlyRows < 1) throw new UserInputException("--early-rows must be >= 1, got " + earlyRows);
        if (tail < 2) throw new UserInputException("--tail must be >= 2, got " + tail);
        if (maxPeriod < 1) throw new UserInputException("--max-period must be >= 1, got " + maxPeriod);
        if (periodTol != null) UserInputException.requirePositive("--period-tol", periodTol);
        if (!(separation > 1 && Double.isFinite(separation))) {
            throw new UserInputException("--separation must be a number > 1 (clusters' gaps in within-phase ranges), got " + separation);
        }
    }

    /** The settings before the period rule was a choice: the rule follows the sweep's command. */
    public CollectSettings(String phaseX, String phaseY, String regime, String criticalAxis, Integer earlyRows,
                           String bifurcationAxis, Integer tail, Integer maxPeriod, Double periodTol) {
        this(phaseX, phaseY, regime, criticalAxis, earlyRows, bifurcationAxis, tail, maxPeriod, periodTol, null, null);
    }

    /** Every setting at its default. */
    public static CollectSettings defaults() {
        return new CollectSettings(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The period rule for a sweep of {@code command}. */
    public PeriodRule rule(String command) {
        return periodRule != null ? periodRule : PeriodRule.defaultFor(command);
    }

    /** The period tolerance under {@code rule}. */
    public double tolerance(PeriodRule rule) {
        return periodTol != null ? periodTol : rule.defaultTolerance();
    }
}
