package org.sharpscope.study.uv;

import org.sharpscope.UserInputException;
import org.sharpscope.uv.UvTheory;

/**
 * {@code uv doublings}: the period-doubling cascade of the EoS attractor along η/η_c, on the exact
 * manifold map. Null components take their defaults.
 *
 * @param maxPeriod follow the cascade up to this period, 2..4096 (default 64)
 * @param from      start, a stable minimum: 0 &lt; Y &lt; 1 (default 0.5)
 * @param to        end of the search, searched up to at most 2 (default 1.999)
 */
public record DoublingsSpec(Integer maxPeriod, Double from, Double to) {
    public DoublingsSpec {
        maxPeriod = maxPeriod != null ? maxPeriod : 64;
        from = from != null ? from : 0.5;
        to = to != null ? to : 1.999;
        UserInputException.requirePositive("--from", from);
        UserInputException.requirePositive("--to", to);
        if (!(from < to)) throw new UserInputException("empty range --from " + from + " --to " + to + "; give --from < --to");
        if (from >= UvTheory.EOS_ONSET) {
            throw new UserInputException("--from must be below 1 (where the minimum is still stable), got " + from);
        }
        if (maxPeriod < 2 || maxPeriod > 4096) throw new UserInputException("--max-period must be in 2..4096, got " + maxPeriod);
    }
}
