package org.sharpscope.study.uv;

import org.sharpscope.UserInputException;
import org.sharpscope.uv.UvTheory;

/**
 * {@code uv doublings}: the period-doubling cascade of the EoS attractor along η/η_c, on the exact
 * manifold map. Null components take their defaults.
 *
 * @param maxPeriod follow the cascade up to this period, 2..4096 (default 64)
 * @param from      start, a stable minimum: {@link #MIN_FROM} &le; Y &lt; 1 (default 0.5)
 * @param to        end of the search, searched up to at most 2 (default 1.999)
 */
public record DoublingsSpec(Integer maxPeriod, Double from, Double to) {
    /**
     * The smallest start: the search first settles on the minimum in a fixed number of steps, and
     * the approach slows as η/η_c → 0, too slow to reach it below this.
     */
    public static final double MIN_FROM = 0.01;

    /** The map of the EoS manifold is defined up to η/η_c = 2, where the documented range ends. */
    public static final double MAX_TO = 2.0;

    public DoublingsSpec {
        maxPeriod = maxPeriod != null ? maxPeriod : 64;
        from = from != null ? from : 0.5;
        to = to != null ? to : 1.999;
        UserInputException.requirePositive("--from", from);
        UserInputException.requirePositive("--to", to);
        if (!(from < to)) throw new UserInputException("empty range --from " + from + " --to " + to + "; give --from < --to");
        if (from < MIN_FROM) {
            throw new UserInputException("--from must be at least " + MIN_FROM + " (below it the minimum is not reached), got " + from);
        }
        if (to > MAX_TO) throw new UserInputException("--to must be at most " + MAX_TO + " (the documented range), got " + to);
        if (from >= UvTheory.EOS_ONSET) {
            throw new UserInputException("--from must be below 1 (where the minimum is still stable), got " + from);
        }
        if (maxPeriod < 2 || maxPeriod > 4096) throw new UserInputException("--max-period must be in 2..4096, got " + maxPeriod);
    }
}
