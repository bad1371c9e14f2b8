package org.sharpscope.study.sweep;

import java.util.Locale;
import org.sharpscope.UserInputException;
import org.sharpscope.dynamics.Periodicity;

/**
 * How a bifurcation diagram decides each cell's period: {@code exact} ({@link Periodicity#period}:
 * samples p apart agree to a relative tolerance, default 10⁻⁶; for exact trajectories such as
 * the UV model's) or {@code clusters} ({@link Periodicity#clusteredPeriod}: the phases form tight,
 * well-separated clusters, period 1 within a relative range of 10⁻³ by default; for the noisy
 * sharpness of real networks).
 */
public enum PeriodRule {
    EXACT(1e-6), CLUSTERS(1e-3);

    /** Adjacent clusters at least twice the largest within-phase range apart, unless set otherwise. */
    public static final double DEFAULT_SEPARATION = 2.0;

    private final double defaultTolerance;

    PeriodRule(double defaultTolerance) {
        this.defaultTolerance = defaultTolerance;
    }

    /** The relative tolerance used when none is given. */
    public double defaultTolerance() {
        return defaultTolerance;
    }

    /** The rule for a sweep of {@code command} when none is given: clusters for {@code train}, exact otherwise. */
    public static PeriodRule defaultFor(String command) {
        return "train".equals(command) ? CLUSTERS : EXACT;
    }

    /** The period of {@code tail} under this rule. */
    public int period(double[] tail, int maxPeriod, double relTol, double separation) {
        return this == EXACT ? Periodicity.period(tail, maxPeriod, relTol)
                : Periodicity.clusteredPeriod(tail, maxPeriod, relTol, separation);
    }

    /** The rule named {@code text} (any case); a one-line error naming {@code --period-rule} otherwise. */
    public static PeriodRule parse(String text) {
        for (PeriodRule r : values()) if (r.label().equalsIgnoreCase(text.trim())) return r;
        throw new UserInputException("--period-rule must be exact or clusters, got '" + text + "'");
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
