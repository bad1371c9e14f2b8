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
 * @param periodTol       relative tolerance of the period detector (default 1e-6)
 */
public record CollectSettings(String phaseX, String phaseY, String regime, String criticalAxis, Integer earlyRows,
                              String bifurcationAxis, Integer tail, Integer maxPeriod, Double periodTol) {
    public CollectSettings {
        if (regime == null) regime = RegimeFields.LATE_STATE;
        if (earlyRows == null) earlyRows = 10;
        if (tail == null) tail = 64;
        if (maxPeriod == null) maxPeriod = 16;
        if (periodTol == null) periodTol = 1e-6;
        if (earlyRows < 1) throw new UserInputException("--early-rows must be >= 1, got " + earlyRows);
        if (tail < 2) throw new UserInputException("--tail must be >= 2, got " + tail);
        if (maxPeriod < 1) throw new UserInputException("--max-period must be >= 1, got " + maxPeriod);
        UserInputException.requirePositive("--period-tol", periodTol);
    }

    /** Every setting at its default. */
    public static CollectSettings defaults() {
        return new CollectSettings(null, null, null, null, null, null, null, null, null);
    }
}
