package org.sharpscope.dynamics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * Linear stability of a fixed point or periodic orbit from its multipliers: {@code FLIP} when a
 * multiplier sits at −1 (a period-doubling point), {@code MARGINAL} when another sits on the unit
 * circle, otherwise {@code STABLE} (all inside), {@code UNSTABLE} (all outside) or {@code SADDLE}.
 */
public enum Stability {
    STABLE, SADDLE, UNSTABLE, FLIP, MARGINAL;

    /** Default tolerance on |μ| − 1 for "on the unit circle". */
    public static final double UNIT_TOL = 1e-9;

    public static Stability of(List<Multiplier> multipliers, double tol) {
        boolean flip = false;
        boolean marginal = false;
        int inside = 0;
        int outside = 0;
        for (Multiplier m : multipliers) {
            double r = m.modulus();
            if (Math.abs(r - 1) <= tol) {
                if (Math.abs(m.im()) <= tol && m.re() < 0) flip = true;
                else marginal = true;
            } else if (r < 1) {
                inside++;
            } else {
                outside++;
            }
        }
        if (flip) return FLIP;
        if (marginal) return MARGINAL;
        if (outside == 0) return STABLE;
        if (inside == 0) return UNSTABLE;
        return SADDLE;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
