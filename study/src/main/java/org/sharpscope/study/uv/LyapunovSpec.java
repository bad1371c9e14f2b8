package org.sharpscope.study.uv;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.sharpscope.UserInputException;

/**
 * {@code uv lyapunov}: Lyapunov exponents and period of the EoS attractor at one η/η_c
 * ({@code etaOverEtac}) or over a range ({@code from}, {@code to}, {@code points}). Null
 * components take their defaults.
 *
 * @param etaOverEtac    one value of η/η_c
 * @param from           range start
 * @param to             range end
 * @param points         values in the range, 2..1000000 (default 200)
 * @param transientSteps steps discarded first (key {@code transient}; default 10000)
 * @param steps          steps averaged (default 100000)
 * @param x0             initial x = η√κΔf on the manifold (default 0.1)
 */
public record LyapunovSpec(Double etaOverEtac, Double from, Double to, Integer points,
                           @JsonProperty("transient") Integer transientSteps, Integer steps, Double x0) {
    /**
     * The most map iterations ((transient + steps) × points) of one command: each is a few
     * nanoseconds, so this keeps a command to seconds rather than hours; more is a mistake.
     */
    public static final long MAX_ITERATIONS = 2_000_000_000L;

    public LyapunovSpec {
        points = points != null ? points : 200;
        transientSteps = transientSteps != null ? transientSteps : 10_000;
        steps = steps != null ? steps : 100_000;
        x0 = x0 != null ? x0 : 0.1;
        boolean range = from != null || to != null;
        if (etaOverEtac != null && range) throw new UserInputException("give either --eta-over-etac or --from/--to, not both");
        if (etaOverEtac == null && !range) {
            throw new UserInputException("give --eta-over-etac Y, or a range with --from A --to B [--points N]");
        }
        if (etaOverEtac != null) UserInputException.requirePositive("--eta-over-etac", etaOverEtac);
        if (range) {
            if (from == null || to == null) throw new UserInputException("a range needs both --from and --to");
            UserInputException.requirePositive("--from", from);
            UserInputException.requirePositive("--to", to);
            if (!(from < to)) throw new UserInputException("empty range --from " + from + " --to " + to + "; give --from < --to");
            if (points < 2 || points > 1_000_000) throw new UserInputException("--points must be in 2..1000000, got " + points);
        }
        if (transientSteps < 0) throw new UserInputException("--transient must be >= 0, got " + transientSteps);
        if (steps < 1) throw new UserInputException("--steps must be >= 1, got " + steps);
        long iterations = ((long) transientSteps + steps) * (range ? points : 1);
        if (iterations > MAX_ITERATIONS) {
            throw new UserInputException("(--transient + --steps)" + (range ? " × --points" : "") + " = " + iterations
                    + " map iterations exceeds " + MAX_ITERATIONS + "; use fewer steps or points");
        }
        UserInputException.requireFinite("--x0", x0);
    }

    /** True for a range of η/η_c, false for one value. */
    public boolean overRange() {
        return etaOverEtac == null;
    }
}
