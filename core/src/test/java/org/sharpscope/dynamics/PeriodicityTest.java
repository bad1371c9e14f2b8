package org.sharpscope.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeriodicityTest {
    @Test
    void findsSmallestPeriod() {
        double[] p2 = new double[40];
        for (int i = 0; i < p2.length; i++) p2[i] = i % 2 == 0 ? 1.3 : 0.7;
        assertThat(Periodicity.period(p2, 16, 1e-9)).isEqualTo(2);

        double[] p3 = new double[60];
        for (int i = 0; i < p3.length; i++) p3[i] = new double[] {0.1, 0.5, 0.9}[i % 3];
        assertThat(Periodicity.period(p3, 16, 1e-9)).isEqualTo(3);

        double[] fixed = new double[10];
        java.util.Arrays.fill(fixed, 2.0);
        assertThat(Periodicity.period(fixed, 4, 1e-12)).isEqualTo(1);
    }

    @Test
    void chaoticLogisticOrbitHasNoShortPeriod() {
        double[] x = new double[400];
        x[0] = 0.2;
        for (int i = 1; i < x.length; i++) x[i] = 4 * x[i - 1] * (1 - x[i - 1]);
        assertThat(Periodicity.period(x, 64, 1e-6)).isZero();
    }

    @Test
    void toleranceIsRelativeToScale() {
        double[] almost = {1000.0, 1000.001, 1000.0, 1000.001};
        assertThat(Periodicity.period(almost, 2, 1e-5)).isEqualTo(1);
        assertThat(Periodicity.period(almost, 2, 1e-7)).isEqualTo(2);
    }

    /** A period-p orbit (values {@code orbit}) plus Gaussian noise of standard deviation {@code sigma}, 64 samples. */
    private static double[] noisy(double[] orbit, double sigma, long seed) {
        java.util.Random rng = new java.util.Random(seed);
        double[] x = new double[64];
        for (int i = 0; i < x.length; i++) x[i] = orbit[i % orbit.length] + sigma * rng.nextGaussian();
        return x;
    }

    /**
     * The clustered rule on noisy orbits of sharpness-like size (≈ 10, as a network's λ^H): noise of
     * σ = 10⁻³ (about 3·10⁻⁴ relative, far above the exact rule's 10⁻⁶) leaves periods 1, 2 and 4
     * found for 20 seeds each, where the exact rule finds none; periods whose nearest values are
     * 0.2 apart need a range of 64 noise draws (≈ 5σ) below 0.1 at separation 2.
     */
    @Test
    void clusteredRuleFindsNoisyPeriodsOneTwoAndFour() {
        double[] one = {10.0};
        double[] two = {10.6, 9.4};
        double[] four = {10.9, 9.2, 10.5, 9.6};
        for (long seed = 0; seed < 20; seed++) {
            assertThat(Periodicity.clusteredPeriod(noisy(one, 1e-3, seed), 16, 1e-3, 2)).isEqualTo(1);
            assertThat(Periodicity.clusteredPeriod(noisy(two, 1e-3, seed), 16, 1e-3, 2)).isEqualTo(2);
            assertThat(Periodicity.clusteredPeriod(noisy(four, 1e-3, seed), 16, 1e-3, 2)).isEqualTo(4);
            assertThat(Periodicity.period(noisy(two, 1e-3, seed), 16, 1e-6)).isZero();
        }
    }

    /** Noise as wide as the orbit's gaps is no period: the phases are not separated. */
    @Test
    void clusteredRuleRefusesNoiseAsWideAsTheGaps() {
        double[] two = {10.1, 9.9};
        for (long seed = 0; seed < 20; seed++) {
            assertThat(Periodicity.clusteredPeriod(noisy(two, 0.05, seed), 16, 1e-3, 2)).isZero();
        }
    }

    /**
     * Chaotic tails have no period under the clustered rule, clean or noisy: the logistic map at
     * r = 3.9 and r = 4 (scaled to sharpness size 10·x), 64 samples after 1000 steps of transient,
     * from 20 starts each.
     */
    @Test
    void clusteredRuleFindsNoPeriodInChaos() {
        for (double r : new double[] {3.9, 4.0}) {
            for (int k = 0; k < 20; k++) {
                double x = 0.1 + 0.04 * k;
                for (int i = 0; i < 1000; i++) x = r * x * (1 - x);
                double[] tail = new double[64];
                java.util.Random rng = new java.util.Random(k);
                for (int i = 0; i < tail.length; i++) {
                    x = r * x * (1 - x);
                    tail[i] = 10 * x + 1e-3 * rng.nextGaussian();
                }
                assertThat(Periodicity.clusteredPeriod(tail, 16, 1e-3, 2)).as("r = %s, start %d", r, k).isZero();
            }
        }
    }

    /**
     * On exact orbits the clustered rule agrees with the exact one: the logistic map's stable
     * orbits at r = 2.8 (1), 3.2 (2), 3.5 (4), 3.55 (8), and the period-3 window at r = 3.83 (whose
     * orbit visits three distinct values), after a transient long enough to settle to 1e-12.
     */
    @Test
    void clusteredRuleAgreesWithTheExactRuleOnCleanOrbits() {
        double[][] cases = {{2.8, 1}, {3.2, 2}, {3.5, 4}, {3.55, 8}, {3.83, 3}};
        for (double[] c : cases) {
            double x = 0.3;
            for (int i = 0; i < 100_000; i++) x = c[0] * x * (1 - x);
            double[] tail = new double[64];
            for (int i = 0; i < tail.length; i++) {
                x = c[0] * x * (1 - x);
                tail[i] = x;
            }
            assertThat(Periodicity.period(tail, 16, 1e-9)).as("exact, r = %s", c[0]).isEqualTo((int) c[1]);
            assertThat(Periodicity.clusteredPeriod(tail, 16, 1e-9, 2)).as("clustered, r = %s", c[0]).isEqualTo((int) c[1]);
        }
    }

    /**
     * Along the logistic map's chaotic range r = 3.60 … 4.00 (step 0.01), clean orbits: where the
     * exponent (orbit average of ln|r(1 − 2x)|) is clearly positive the clustered rule finds no
     * period, in the periodic windows (negative exponent) it finds the exact rule's period. (Just
     * past the accumulation point, at r = 3.59, eight chaotic bands narrower than their gaps read as
     * period 8: the limit of any rule on a finite tail, which the exponent resolves.)
     */
    @Test
    void clusteredRuleFollowsTheExponentAcrossTheChaoticRange() {
        for (int k = 0; k <= 40; k++) {
            double r = 3.6 + 0.01 * k;
            double x = 0.3;
            double sum = 0;
            for (int t = 0; t < 200_000; t++) {
                if (t >= 100_000) sum += Math.log(Math.abs(r * (1 - 2 * x)));
                x = r * x * (1 - x);
            }
            double exponent = sum / 100_000;
            double[] tail = new double[64];
            for (int t = 0; t < tail.length; t++) {
                x = r * x * (1 - x);
                tail[t] = 10 * x;
            }
            int clustered = Periodicity.clusteredPeriod(tail, 16, 1e-3, 2);
            if (exponent > 0.05) assertThat(clustered).as("r = %s, exponent %s", r, exponent).isZero();
            if (exponent < -0.01) assertThat(clustered).as("r = %s", r).isEqualTo(Periodicity.period(tail, 16, 1e-9)).isPositive();
        }
    }

    /**
     * A drift common to all phases (a network still sharpening, here 0.5% of the level over the
     * tail, five times the period-1 tolerance) is fitted with the phase levels: noisy period 1, 2
     * and 4 keep their periods, where without the drift term the ranges would hide them.
     */
    @Test
    void clusteredRuleKeepsPeriodsUnderASlowDrift() {
        double[][] orbits = {{10.0}, {10.6, 9.4}, {10.9, 9.2, 10.5, 9.6}};
        for (long seed = 0; seed < 20; seed++) {
            for (int k = 0; k < orbits.length; k++) {
                double[] x = noisy(orbits[k], 1e-3, seed);
                for (int i = 0; i < x.length; i++) x[i] += 0.05 * i / (x.length - 1);
                assertThat(Periodicity.clusteredPeriod(x, 16, 1e-3, 2)).as("period %d, seed %d", 1 << k, seed).isEqualTo(1 << k);
            }
        }
    }

    /** A phase visited twice at one value (a, a, b) is one cluster, not a gap of zero. */
    @Test
    void clusteredRuleMergesRepeatedValues() {
        double[] x = new double[60];
        for (int i = 0; i < x.length; i++) x[i] = new double[] {5.0, 5.0, 7.0}[i % 3];
        assertThat(Periodicity.clusteredPeriod(x, 16, 1e-6, 2)).isEqualTo(3);
        assertThat(Periodicity.period(x, 16, 1e-6)).isEqualTo(3);
    }
}
