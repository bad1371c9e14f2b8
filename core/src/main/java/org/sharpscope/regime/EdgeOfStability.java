package org.sharpscope.regime;

/**
 * The edge of stability on a sampled run (docs/theory.md §6): η·λ^H within a relative {@code band} of
 * the stability threshold 2, i.e. λ^H ∈ [(1 − band)·2/η, (1 + band)·2/η]. A run enters EoS at the
 * first sample of the first stretch of {@code minSamples} consecutive in-band samples; it is at EoS
 * late when at least half of its late samples are in band. For heavy-ball momentum β, pass the
 * effective step η/(1 + β), whose threshold 2(1 + β)/η is the one that matters.
 *
 * <p>At EoS, GD's sharpness alternates step by step (a period-2 orbit about 2/η, docs/theory.md §7), so
 * a probe every k steps with k even sees only one phase of it, which can sit 20% above 2/η. Where
 * probes come in consecutive pairs (t, t+1), the band is tested on the two-step average
 * ({@link #twoStepAverage}).
 */
public record EdgeOfStability(double band, int minSamples) {
    /**
     * ±10%: real networks at EoS hover a few percent around 2/η (Cohen et al. 2021), while runs
     * that converge below the threshold usually end well under 0.9·2/η.
     */
    public static final double BAND = 0.1;

    /** Five consecutive probes: a single crossing of 2/η on the way up is not EoS. */
    public static final int MIN_SAMPLES = 5;

    public static final EdgeOfStability DEFAULT = new EdgeOfStability(BAND, MIN_SAMPLES);

    public EdgeOfStability {
        if (!(band > 0 && band < 1)) throw new IllegalArgumentException("band must lie in (0, 1), got " + band);
        if (minSamples < 1) throw new IllegalArgumentException("minSamples must be >= 1, got " + minSamples);
    }

    /** Whether η·λ is within the band around 2. */
    public boolean inBand(double etaSharpness) {
        return Math.abs(etaSharpness / 2 - 1) <= band;
    }

    /** The step at which the run entered EoS, or null when it never did. */
    public Long entry(long[] step, double[] sharpness, double eta) {
        double[] averaged = twoStepAverage(step, sharpness);
        int run = 0;
        for (int i = 0; i < step.length; i++) {
            run = inBand(eta * averaged[i]) ? run + 1 : 0;
            if (run == minSamples) return step[i - minSamples + 1];
        }
        return null;
    }

    /** Whether at least half of the given late values of η·λ lie in the band. */
    public boolean holdsLate(double[] lateEtaSharpness) {
        int in = 0;
        for (double v : lateEtaSharpness) if (inBand(v)) in++;
        return lateEtaSharpness.length > 0 && 2 * in >= lateEtaSharpness.length;
    }

    /**
     * Each value averaged with its partner one step away: with the previous sample when that was
     * taken at step − 1, else with the next when that is at step + 1, else left as it is.
     */
    public static double[] twoStepAverage(long[] step, double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (i > 0 && step[i] == step[i - 1] + 1) {
                out[i] = 0.5 * (values[i] + values[i - 1]);
            } else if (i + 1 < values.length && step[i + 1] == step[i] + 1) {
                out[i] = 0.5 * (values[i] + values[i + 1]);
            } else {
                out[i] = values[i];
            }
        }
        return out;
    }

    /**
     * Whether most late probe pairs (t, t+1) straddle the threshold — η·λ on one side of 2 at t and
     * on the other at t+1 — the signature of GD oscillating step by step about 2/η (the period-2
     * orbit of docs/theory.md §7), whose two-step average may sit above the band. "Most" is
     * {@link #STRADDLE_FRACTION} of the pairs; runs without probe pairs never straddle.
     */
    public boolean straddlesLate(long[] lateStep, double[] lateEtaSharpness) {
        int pairs = 0;
        int straddling = 0;
        for (int i = 1; i < lateStep.length; i++) {
            if (lateStep[i] != lateStep[i - 1] + 1) continue;
            pairs++;
            double a = lateEtaSharpness[i - 1] - 2;
            double b = lateEtaSharpness[i] - 2;
            if (a * b < 0) straddling++;
        }
        return pairs >= MIN_SAMPLES && straddling >= STRADDLE_FRACTION * pairs;
    }

    /** Four pairs in five: a rare pair caught on one side (a catapult, a drift) does not matter. */
    public static final double STRADDLE_FRACTION = 0.8;
}
