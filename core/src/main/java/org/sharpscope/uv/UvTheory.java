package org.sharpscope.uv;

/**
 * Closed forms of the UV theory in the dimensionless plane (X, Λ) = (η√κΔf, ηλ) at Y = η/η_c
 * (docs/theory.md §2, §4, §7): where the route to chaos starts, the period-2 orbit of the EoS
 * manifold with its Lyapunov exponent, and the curves of the phase plane. Feigenbaum's δ, which
 * the cascade shares with every map of its universality class, is
 * {@link org.sharpscope.dynamics.DoublingCascade#FEIGENBAUM_DELTA}.
 */
public final class UvTheory {
    private UvTheory() {}

    /** Y = 1: the balanced minimum flips and EoS is born (period 1 → 2) at η = η_c. */
    public static final double EOS_ONSET = 1;

    /** Y = √5 − 1: the period-2 orbit's multiplier reaches −1 and period 4 is born. */
    public static final double PERIOD_FOUR_ONSET = Math.sqrt(5) - 1;

    /**
     * Y ≈ 1.28803: the period-4 orbit's multiplier reaches −1 and period 8 is born. No closed form;
     * this is the value {@link org.sharpscope.dynamics.DoublingCascade} finds on the
     * {@link EosManifoldMap} (Newton on the orbit, bisection on Y to machine precision), kept
     * here so that figures can mark it without rerunning the cascade (DoublingCascadeTest recomputes it).
     */
    public static final double PERIOD_EIGHT_ONSET = 1.2880317544828428;

    /**
     * Y∞ ≈ 1.30228: where the doublings accumulate and chaos begins, extrapolated by
     * {@link org.sharpscope.dynamics.DoublingCascade} from the doublings up to period 64 (kept here
     * for figures and the real-network predictions; DoublingCascadeTest recomputes it).
     */
    public static final double ACCUMULATION_POINT = 1.3022835033855515;

    /** Y = 2: beyond it no trajectory stays bounded and training diverges. */
    public static final double DIVERGENCE_ONSET = 2;

    /**
     * The two X of the period-2 orbit on the EoS manifold, roots of X² + (Y − 1)X + (1 − Y) = 0,
     * low first; the orbit exists for Y ≥ 1. Its ηλ are {@link EosManifoldMap#etaLambda}, that is
     * 1 + Y ∓ √((Y − 1)(Y + 3)).
     */
    public static double[] periodTwoX(double bigY) {
        double root = Math.sqrt((bigY - 1) * (bigY + 3));
        return new double[] {((1 - bigY) - root) / 2, ((1 - bigY) + root) / 2};
    }

    /**
     * The period-2 orbit in the dimensional model at step η, coupling κ and target y: for its low
     * and high point, {ηλ, ηλ^H} (ηλ^H with the exact sharpness of {@link UvSharpness}).
     */
    public static double[][] periodTwoOrbit(double bigY, double eta, double kappa, double y) {
        double[] xs = periodTwoX(bigY);
        double[][] out = new double[2][2];
        for (int i = 0; i < 2; i++) {
            double etaLambda = EosManifoldMap.etaLambda(xs[i], bigY);
            double df = xs[i] / (eta * Math.sqrt(kappa));
            out[i][0] = etaLambda;
            out[i][1] = eta * UvSharpness.sharpness(df, etaLambda / eta, kappa, y);
        }
        return out;
    }

    /** The multiplier of the period-2 orbit, 7 − 4Y − 2Y². */
    public static double periodTwoMultiplier(double bigY) {
        return 7 - 4 * bigY - 2 * bigY * bigY;
    }

    /** The Lyapunov exponent of the period-2 orbit, ½ ln|7 − 4Y − 2Y²| (per step). */
    public static double periodTwoLyapunov(double bigY) {
        return Math.log(Math.abs(periodTwoMultiplier(bigY))) / 2;
    }

    /** The balanced curve Q = 0 (the EoS manifold and its mirror branch): Λ = 2|X + Y|. */
    public static double balancedEtaLambda(double x, double bigY) {
        return 2 * Math.abs(x + bigY);
    }

    /** The nullcline of the X update (X' = X off the minima): Λ = X(X + Y). */
    public static double xNullclineEtaLambda(double x, double bigY) {
        return x * (x + bigY);
    }

    /** The nullcline of the Λ update (Λ' = Λ off the minima): Λ = 4(X + Y)/X. */
    public static double etaLambdaNullcline(double x, double bigY) {
        return 4 * (x + bigY) / x;
    }

    /** The gradient-flow trajectory at η²Q = {@code q}: the hyperbola Λ = √(q + 4(X + Y)²) (docs/theory.md §5). */
    public static double gradientFlowEtaLambda(double x, double bigY, double q) {
        return Math.sqrt(q + 4 * (x + bigY) * (x + bigY));
    }

    /** Whether some weights have this state: Λ ≥ 0 and Q ≥ 0, i.e. Λ ≥ 2|X + Y| (docs/theory.md §2). */
    public static boolean reachable(double x, double etaLambda, double bigY) {
        return !(etaLambda < 0 || etaLambda * etaLambda < 4 * (x + bigY) * (x + bigY));
    }
}
