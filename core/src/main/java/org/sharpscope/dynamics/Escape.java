package org.sharpscope.dynamics;

/**
 * The one rule for when an orbit of a map has escaped to infinity: a state coordinate whose
 * magnitude is not below {@link #BOUND} (NaN and ±∞ included). Every verb of this package that
 * iterates (attractors, Lyapunov exponents, orbit diagrams, Newton on F^p) stops or marks the
 * orbit as diverged by it.
 *
 * <p>Training runs (a UV run, a network, each cell of the UV phase diagram, which is a UV run in
 * dimensionless units) are judged on their loss instead, relative to the initial loss, by
 * {@link org.sharpscope.regime.Divergence}: a loss has units and no natural absolute scale.
 */
public final class Escape {
    /**
     * Why 1e12: the maps studied here are dimensionless with bounded attractors of size O(1)–O(10)
     * (the UV maps, the logistic map), so 1e12 is far outside any attractor or basin; an escaping
     * orbit of a polynomial map grows at least quadratically (the UV maps cubically: 1e12 → 1e36 →
     * 1e108), so it passes the bound a step or two before the arithmetic overflows to ±∞ and then
     * NaN, and the test is decided on finite numbers.
     */
    public static final double BOUND = 1e12;

    private Escape() {}

    /** True when {@code v} is NaN, infinite or at least {@link #BOUND} in magnitude. */
    public static boolean escaped(double v) {
        return !(Math.abs(v) < BOUND);
    }

    /** True when any coordinate of {@code state} has {@link #escaped(double) escaped}. */
    public static boolean escaped(double[] state) {
        for (double v : state) if (escaped(v)) return true;
        return false;
    }
}
