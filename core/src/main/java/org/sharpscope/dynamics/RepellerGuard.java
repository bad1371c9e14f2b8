package org.sharpscope.dynamics;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Guards an iterated orbit against a floating-point trap: rounding can put an orbit exactly on an
 * unstable periodic orbit (the cubic X³ − 3X sends every double within about 6·10⁻⁹ of its
 * critical point 1 to exactly −2, a fixed point with multiplier 9; the logistic map at r = 4 sends
 * 0.5 → 1 → 0), where it then stays for ever, although no true orbit near it would. Averages
 * along such an orbit (Lyapunov exponents, orbit diagrams) then describe the repeller, not the
 * attractor. Generic over {@link DiscreteMap}; one guard follows one orbit and is not thread-safe.
 *
 * <p><b>Detection.</b> Each state x_t passed to {@code check} is compared with the previous
 * {@link #MAX_PERIOD} states. The first p with x_t == x_{t−p} in every coordinate (Java {@code ==}:
 * exact, ±0 equal, NaN never) means the computed orbit is exactly periodic from t − p on, since the
 * map is a deterministic function of the bits. The multiplier μ of that cycle is the largest
 * eigenvalue modulus of DF^p along it (for 1-D maps |Π F′| over its p points). If
 * |μ| &gt; 1 + {@link #NEUTRAL_TOL} the orbit is trapped on an unstable periodic orbit; otherwise
 * (stable, superstable μ = 0, neutral |μ| ≈ 1, or a NaN multiplier) the cycle is a legitimate
 * periodic attractor: it is left alone and the guard stops checking, since the orbit stays on it.
 *
 * <p><b>Restart.</b> A trapped state x is replaced by x + ε·s·u with ε = {@link #PERTURBATION}
 * (10⁻⁹), s the largest coordinate modulus over the cycle's points (1 when they are all 0) and u a
 * direction whose coordinates are uniform in [−1, 1], rescaled so that max|u_i| is uniform in
 * [½, 1], drawn from a {@link SplittableRandom} seeded with {@link #SEED} mixed with a salt, by
 * default the bits of the map's parameter (so results are reproducible, and the same for a
 * parameter value whichever verb or thread computes it). Because a repeller may sit on the edge of the attractor (X =
 * ±2 at Y = 2, 0 for the logistic map at r = 4), where half of the directions lead out of its basin,
 * a perturbed state is kept only if it is admissible and its orbit stays finite (below 10¹²) for
 * {@link #LOOKAHEAD} steps; otherwise −u is tried, then a fresh draw, up to {@link #MAX_DRAWS}
 * draws, after which the last one is kept (the orbit then genuinely escapes). The p states of the
 * one cycle before detection stay in the orbit; the perturbed state then takes the place of x_t.
 */
public final class RepellerGuard {
    /** Longest cycle looked for. */
    public static final int MAX_PERIOD = 16;
    /** Cycles with |μ| ≤ 1 + NEUTRAL_TOL count as stable or neutral and are left alone. */
    public static final double NEUTRAL_TOL = Stability.UNIT_TOL;
    /** Relative size of the restart perturbation. */
    public static final double PERTURBATION = 1e-9;
    /** Base seed of the perturbations. */
    public static final long SEED = 0x5EED_0F_7AB5_2025L;
    /** Steps a perturbed state's orbit must stay finite to be kept. */
    public static final int LOOKAHEAD = 1000;
    /** Perturbation directions drawn (each also tried negated) before the last one is kept regardless. */
    public static final int MAX_DRAWS = 16;
    private static final double DIVERGED = 1e12;
    private static final int MASK = MAX_PERIOD - 1; // MAX_PERIOD is a power of two

    /**
     * The first trap met: the step (number of states checked before, x_0 being step 0) at which
     * the orbit repeated, the cycle having been entered {@code period} steps earlier; the cycle's
     * period, |μ| and the repeated state.
     */
    public record Trap(long step, int period, double multiplier, double[] point) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "repelling period-%d cycle through %s (|multiplier| %.6g) at step %d",
                    period, Arrays.toString(point), multiplier, step);
        }
    }

    private final DiscreteMap map;
    private final ScalarMap scalar;
    private final int d;
    private final double[] ring;
    private final SplittableRandom rng;
    private int count;
    private int head;
    private long step = -1;
    private boolean settled;
    private int restarts;
    private Trap first;
    private double[] scratch;
    private double[] scratch2;

    /** A guard for one orbit of {@code map}, salted with the bits of the map's parameter. */
    public RepellerGuard(DiscreteMap map) {
        this(map, Double.doubleToLongBits(map.parameter()));
    }

    /** A guard whose perturbations come from {@link #SEED} mixed with {@code salt} (e.g. a column's parameter bits). */
    public RepellerGuard(DiscreteMap map, long salt) {
        this.map = map;
        this.scalar = map instanceof ScalarMap s ? s : null;
        this.d = map.dimension();
        this.ring = new double[MAX_PERIOD * d];
        this.rng = new SplittableRandom(SEED ^ (salt * 0x9E3779B97F4A7C15L));
    }

    /**
     * Checks the next state x_t of a 1-D orbit (the first call takes x_0) and returns the state to
     * continue from: x itself, or a perturbed state when x is trapped on an unstable cycle.
     */
    public double check(double x) {
        if (scalar == null) throw new IllegalStateException("check(double) needs a ScalarMap; use check(double[])");
        step++;
        if (settled || !Double.isFinite(x)) return x;
        for (int q = 1; q <= count; q++) {
            if (ring[(head - q) & MASK] != x) continue;
            double mu = 1;
            double scale = 0;
            double c = x;
            for (int k = 0; k < q; k++) {
                mu *= scalar.derivative(c);
                scale = Math.max(scale, Math.abs(c));
                c = scalar.next(c);
            }
            mu = Math.abs(mu);
            if (!(mu > 1 + NEUTRAL_TOL)) {
                settled = true;
                return x;
            }
            if (first == null) first = new Trap(step, q, mu, new double[] {x});
            restarts++;
            count = 0;
            x = perturbScalar(x, scale > 0 && Double.isFinite(scale) ? scale : 1);
            break;
        }
        ring[head] = x;
        head = (head + 1) & MASK;
        if (count < MAX_PERIOD) count++;
        return x;
    }

    /**
     * Checks the next state x_t of an orbit of any dimension (the first call takes x_0); when it is
     * trapped on an unstable cycle, perturbs {@code x} in place and returns true.
     */
    public boolean check(double[] x) {
        step++;
        if (settled) return false;
        for (double v : x) if (!Double.isFinite(v)) return false;
        boolean perturbed = false;
        for (int q = 1; q <= count; q++) {
            int off = ((head - q) & MASK) * d;
            boolean same = true;
            for (int i = 0; i < d && same; i++) same = ring[off + i] == x[i];
            if (!same) continue;
            double mu = multiplier(x, q);
            if (!(mu > 1 + NEUTRAL_TOL)) {
                settled = true;
                return false;
            }
            if (first == null) first = new Trap(step, q, mu, x.clone());
            restarts++;
            count = 0;
            perturb(x, cycleScale(x, q));
            perturbed = true;
            break;
        }
        System.arraycopy(x, 0, ring, head * d, d);
        head = (head + 1) & MASK;
        if (count < MAX_PERIOD) count++;
        return perturbed;
    }

    /**
     * Guards a recorded 1-D orbit in place, with a fresh guard: {@code seq[from + k]} must be the
     * image of {@code seq[from + k − 1]}. Finds the first trap as {@link #check(double)} would over
     * the sequence and re-iterates the rest of it from the perturbed state (with this guard).
     * Returns the restarts made. Callers may skip sequences for which {@link #endsPeriodic} is false.
     */
    public int guardRecorded(double[] seq, int from, int len) {
        if (len < 2 || !endsPeriodic(seq, from, len)) return 0;
        int before = restarts;
        for (int t = 0; t < len && !settled; t++) {
            double x = seq[from + t];
            int r = restarts;
            double y = check(x);
            if (restarts != r) {
                seq[from + t] = y;
                for (int k = t + 1; k < len; k++) seq[from + k] = check(scalar.next(seq[from + k - 1]));
                break;
            }
        }
        return restarts - before;
    }

    /**
     * Whether the last state of {@code seq[from, from + len)} equals one of the {@link #MAX_PERIOD}
     * before it. When false the sequence never became exactly periodic (once periodic, an orbit
     * stays so), so it holds neither a trap nor a settled cycle: a cheap pre-check.
     */
    public static boolean endsPeriodic(double[] seq, int from, int len) {
        int last = from + len - 1;
        double x = seq[last];
        for (int q = 1; q <= MAX_PERIOD && q < len; q++) if (seq[last - q] == x) return true;
        return false;
    }

    /** Restarts made so far. */
    public int restarts() {
        return restarts;
    }

    /** The first trap met, or null. */
    public Trap firstTrap() {
        return first;
    }

    /** Whether the orbit has reached an exactly periodic stable or neutral cycle (no further checks). */
    public boolean settled() {
        return settled;
    }

    /** A one-line account for reports; empty when no trap was met. */
    public String note() {
        return note(restarts, first);
    }

    static String note(int restarts, Trap first) {
        if (restarts == 0) return "";
        return String.format(Locale.ROOT,
                "orbit landed exactly on a %s; restarted %d time%s from a perturbed state (relative %.0e, seeded)",
                first, restarts, restarts == 1 ? "" : "s", PERTURBATION);
    }

    private double multiplier(double[] x, int q) {
        double[] jac = new double[d * d];
        new IteratedMap(map, q).apply(x, new double[d], jac);
        try {
            return Multiplier.of(jac, d).get(0).modulus();
        } catch (ArithmeticException e) {
            return Double.NaN;
        }
    }

    private double cycleScale(double[] x, int q) {
        double s = 0;
        for (double[] pt : new IteratedMap(map, q).orbit(x)) for (double v : pt) s = Math.max(s, Math.abs(v));
        return s > 0 && Double.isFinite(s) ? s : 1;
    }

    /** max|u_i| uniform in [½, 1]; for d = 1, u = ±(½ + ½U). */
    private double[] direction() {
        double[] u = new double[d];
        double m;
        do {
            m = 0;
            for (int i = 0; i < d; i++) {
                u[i] = 2 * rng.nextDouble() - 1;
                m = Math.max(m, Math.abs(u[i]));
            }
        } while (m == 0);
        double f = (0.5 + 0.5 * rng.nextDouble()) / m;
        for (int i = 0; i < d; i++) u[i] *= f;
        return u;
    }

    private double perturbScalar(double x, double scale) {
        double y = x;
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            double delta = PERTURBATION * scale * direction()[0];
            for (int sign = 1; sign >= -1; sign -= 2) {
                y = x + sign * delta;
                if (y != x && survivesScalar(y)) return y;
            }
        }
        return y;
    }

    private boolean survivesScalar(double y) {
        for (int k = 0; k < LOOKAHEAD; k++) {
            if (!(Math.abs(y) < DIVERGED)) return false;
            y = scalar.next(y);
        }
        return Math.abs(y) < DIVERGED;
    }

    private void perturb(double[] x, double scale) {
        if (scratch == null) {
            scratch = new double[d];
            scratch2 = new double[d];
        }
        double[] base = x.clone();
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            double[] u = direction();
            for (int sign = 1; sign >= -1; sign -= 2) {
                for (int i = 0; i < d; i++) scratch[i] = base[i] + sign * PERTURBATION * scale * u[i];
                System.arraycopy(scratch, 0, x, 0, d);
                if (!Arrays.equals(scratch, base) && map.admissible(scratch) && survives(scratch)) return;
            }
        }
    }

    private boolean survives(double[] y) {
        double[] s = scratch2;
        System.arraycopy(y, 0, s, 0, d);
        for (int k = 0; k <= LOOKAHEAD; k++) {
            for (double v : s) if (!(Math.abs(v) < DIVERGED)) return false;
            if (k < LOOKAHEAD) map.step(s, s);
        }
        return true;
    }
}
