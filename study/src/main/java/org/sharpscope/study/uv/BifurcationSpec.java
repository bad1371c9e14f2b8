package org.sharpscope.study.uv;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.sharpscope.UserInputException;

/**
 * {@code uv bifurcation}: the orbit diagram of late-time ηλ and ηλ^H against η/η_c. Null
 * components take their defaults ({@code lambda0} has none: it is then 2|x0 + Y| plus
 * {@code lambda0Offset}).
 *
 * @param from           first η/η_c (default 0.9)
 * @param to             last η/η_c (default 2.0)
 * @param points         values of η/η_c, at least 2 (default 2000)
 * @param transientSteps steps discarded per value (key {@code transient}; default 10000)
 * @param record         steps recorded per value, at least 2 (default 1000)
 * @param map            the map (default manifold)
 * @param x0             initial x = η√κΔf (default 0.1)
 * @param lambda0        initial ηλ for the full map, the same for every η/η_c
 * @param lambda0Offset  for the full map without lambda0: ηλ₀ = 2|x0 + Y| + this, ≥ 0 (default 0.1)
 * @param maxPeriod      longest period detected, at least 1 (default 64)
 * @param sharpnessOrbits also write orbit_eta_lambda_h.npy, the ηλ^H orbits, and their density plot (default
 *                       false: an array as large as orbit_eta_lambda.npy, which bifurcation.csv
 *                       summarises per value)
 */
public record BifurcationSpec(Double from, Double to, Integer points, @JsonProperty("transient") Integer transientSteps,
                              Integer record, MapKind map, Double x0, Double lambda0, Double lambda0Offset,
                              Integer maxPeriod, Boolean sharpnessOrbits) {
    /** The most values (points × record) one diagram may hold in memory. */
    public static final long MAX_VALUES = 150_000_000L;

    /**
     * The most map iterations (points × (transient + record)) of one diagram: each is a few
     * nanoseconds, so this keeps a diagram to seconds rather than hours; more is a mistake.
     */
    public static final long MAX_ITERATIONS = 2_000_000_000L;

    public BifurcationSpec {
        from = from != null ? from : 0.9;
        to = to != null ? to : 2.0;
        points = points != null ? points : 2000;
        transientSteps = transientSteps != null ? transientSteps : 10_000;
        record = record != null ? record : 1000;
        map = map != null ? map : MapKind.manifold;
        x0 = x0 != null ? x0 : 0.1;
        lambda0Offset = lambda0Offset != null ? lambda0Offset : 0.1;
        maxPeriod = maxPeriod != null ? maxPeriod : 64;
        sharpnessOrbits = sharpnessOrbits != null ? sharpnessOrbits : false;
        UserInputException.requireFinite("--from", from);
        UserInputException.requireFinite("--to", to);
        if (!(from < to)) throw new UserInputException("empty range --from " + from + " --to " + to + "; give --from < --to");
        if (points < 2) throw new UserInputException("--points must be >= 2, got " + points);
        if (transientSteps < 0) throw new UserInputException("--transient must be >= 0, got " + transientSteps);
        if (record < 2) throw new UserInputException("--record must be >= 2, got " + record);
        if ((long) points * record > MAX_VALUES) {
            throw new UserInputException("--points × --record = " + (long) points * record + " values exceeds " + MAX_VALUES
                    + "; record fewer steps or values");
        }
        if ((long) points * ((long) transientSteps + record) > MAX_ITERATIONS) {
            throw new UserInputException("--points × (--transient + --record) = " + (long) points * ((long) transientSteps + record)
                    + " map iterations exceeds " + MAX_ITERATIONS + "; use fewer steps or points");
        }
        UserInputException.requireFinite("--x0", x0);
        UserInputException.requireFinite("--lambda0-offset", lambda0Offset);
        if (lambda0Offset < 0) {
            throw new UserInputException("--lambda0-offset must be >= 0 (ηλ₀ below 2|x0 + Y| is unreachable), got " + lambda0Offset);
        }
        if (maxPeriod < 1) throw new UserInputException("--max-period must be >= 1, got " + maxPeriod);
        if (lambda0 != null) UserInputException.requireFinite("--lambda0", lambda0);
        if (map == MapKind.full && lambda0 != null) {
            double worst = 2 * Math.max(Math.abs(x0 + from), Math.abs(x0 + to));
            if (lambda0 < worst) {
                throw new UserInputException("--lambda0 " + lambda0 + " is below 2|x0 + Y| = " + worst
                        + " somewhere in the range (no weights reach it); raise --lambda0");
            }
        }
    }
}
