package org.sharpscope.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.uv.UvDimensionlessMap;

class LyapunovTest {
    @Test
    void logisticAtFourIsLnTwo() {
        assertThat(Lyapunov.largest(new LogisticMap(4), 0.2, 1000, 4_000_000)).isCloseTo(Math.log(2), within(1e-3));
    }

    @Test
    void stableCycleExponentIsLnOfItsMultiplier() {
        // Period-2 orbit of the logistic map at r = 3.2: multiplier 4 + 2r − r² (closed form).
        double r = 3.2;
        assertThat(Lyapunov.largest(new LogisticMap(r), 0.3, 10_000, 10_000))
                .isCloseTo(Math.log(Math.abs(4 + 2 * r - r * r)) / 2, within(1e-9));
        assertThat(Lyapunov.largestEstimate(new LogisticMap(r), 0.3, 10_000, 10_000).trappedRestarts()).isZero();
    }

    @Test
    void henonSpectrumSumsToLnDetAndMatchesTheKnownLargest() {
        double[] s = Lyapunov.spectrum(new HenonMap(1.4), new double[] {0.1, 0.1}, 1000, 200_000);
        assertThat(s[0] + s[1]).isCloseTo(Math.log(HenonMap.B), within(1e-10));
        assertThat(s[0]).isCloseTo(0.41922, within(5e-3));
    }

    @Test
    void uvSpectrumOnTheManifoldIsTheManifoldExponentPlusTheTransverseOne() {
        double bigY = 1.9;
        EosManifoldMap g = new EosManifoldMap(bigY);
        double x0 = 0.3;
        double along = Lyapunov.largest(g, x0, 1000, 200_000);
        double transverse = g.transverseLyapunov(x0, 1000, 200_000);
        assertThat(along).isPositive();
        assertThat(transverse).isNegative(); // the manifold attracts: trajectories collapse onto Q = 0
        double[] full = Lyapunov.spectrum(new UvDimensionlessMap(bigY), new double[] {0.3, 2 * (0.3 + bigY) + 0.05}, 1000, 200_000);
        assertThat(full[0]).isCloseTo(along, within(2e-2));
        assertThat(full[1]).isCloseTo(transverse, within(2e-2));
    }

    // --- Floating-point traps on repelling cycles (RepellerGuard) ---

    @Test
    void eosManifoldAtYTwoIsLnThreeAlthoughThePlainOrbitLandsOnTheRepellingFixedPoint() {
        // At Y = 2 the manifold map is X³ − 3X, conjugate by X = 2 cos θ to θ → 3θ: exponent ln 3.
        // The transverse exponent is the mean of 2 ln|1 − X²| = 2 ln|1 + 2 cos 2θ| over uniform θ,
        // 2 ln M(z² + z + 1) = 0 (Mahler measure; both roots lie on the unit circle).
        EosManifoldMap g = new EosManifoldMap(2);
        // Unguarded, the start `uv lyapunov` uses (x0 = 0.1) lands exactly on the fixed point −2
        // (multiplier 9) inside the default window (10 000 transient + 100 000 averaged steps).
        double x = 0.1;
        long landed = -1;
        for (int i = 0; i < 110_000 && landed < 0; i++) {
            double nx = g.next(x);
            if (nx == x) landed = i;
            x = nx;
        }
        assertThat(landed).isBetween(10_000L, 110_000L);
        assertThat(Math.abs(x)).isEqualTo(2);
        assertThat(Math.abs(g.derivative(x))).isEqualTo(9);
        // Guarded, with the command's defaults: 10 000 transient steps, then 100 000 averaged.
        Lyapunov.Estimate e = Lyapunov.largestEstimate(g, 0.1, 10_000, 100_000);
        assertThat(e.exponent()).isCloseTo(Math.log(3), within(1e-2));
        assertThat(e.trappedRestarts()).isPositive();
        assertThat(e.note()).contains("period-1").contains("restarted");
        Lyapunov.Estimate tr = g.transverseLyapunovEstimate(0.1, 10_000, 100_000);
        assertThat(tr.exponent()).isCloseTo(0, within(2e-2));
        assertThat(tr.trappedRestarts()).isEqualTo(e.trappedRestarts());
        assertThat(Lyapunov.largest(g, 0.1, 10_000, 100_000)).isEqualTo(e.exponent());
    }

    @Test
    void logisticAtFourFromOneHalfIsLnTwoNotLnFour() {
        // 0.5 → 1 → 0 exactly: the repelling fixed point 0 (multiplier 4), from which half of all
        // perturbations escape to −∞; unguarded the mean would be ln 4.
        LogisticMap m = new LogisticMap(4);
        assertThat(m.next(m.next(m.next(0.5)))).isZero();
        Lyapunov.Estimate e = Lyapunov.largestEstimate(m, 0.5, 1000, 1_000_000);
        assertThat(e.exponent()).isCloseTo(Math.log(2), within(1e-2));
        assertThat(e.trappedRestarts()).isPositive();
    }

    @Test
    void tentMapIsRestartedEveryTimeItCollapsesOntoZero() {
        // Doubling-type: every double reaches 0 (multiplier 2) in ≈ 55 steps; perturbations to the
        // left of 0 escape, so every restart must pick the right side or the estimate would be NaN.
        TrapMaps.Tent tent = new TrapMaps.Tent(2);
        double x = 0.3;
        for (int i = 0; i < 200; i++) x = tent.next(x);
        assertThat(x).isZero();
        Lyapunov.Estimate e = Lyapunov.largestEstimate(tent, 0.3, 100, 100_000);
        assertThat(e.exponent()).isCloseTo(Math.log(2), within(1e-9)); // |T'| = 2 everywhere; rounding of the sum only
        assertThat(e.trappedRestarts()).isGreaterThan(100_000 / 200);
    }

    @Test
    void stablePeriodTwoEosOrbitIsLeftAlone() {
        // Period-2 orbit on the manifold at Y = 1.2: multiplier 7 − 4Y − 2Y² (closed form, FixedPointsTest).
        double y = 1.2;
        Lyapunov.Estimate e = Lyapunov.largestEstimate(new EosManifoldMap(y), 0.1, 10_000, 10_000);
        assertThat(e.exponent()).isCloseTo(Math.log(Math.abs(7 - 4 * y - 2 * y * y)) / 2, within(1e-9));
        assertThat(e.trappedRestarts()).isZero();
        assertThat(e.note()).isEmpty();
    }

    @Test
    void superstableAndNeutralCyclesAreLeftAlone() {
        // r = 2: superstable fixed point 1/2 (multiplier 0, exponent −∞). In floating point the orbit
        // stops on the fixed double 1/2 − 2⁻⁵⁴, where |F'| = 2⁻⁵²: a stable cycle, left alone.
        Lyapunov.Estimate superstable = Lyapunov.largestEstimate(new LogisticMap(2), 0.3, 100, 1000);
        assertThat(superstable.exponent()).isCloseTo(-52 * Math.log(2), within(1e-9));
        assertThat(superstable.trappedRestarts()).isZero();
        // Started on 1/2 itself the exponent is exactly −∞, also without restarts.
        Lyapunov.Estimate onCritical = Lyapunov.largestEstimate(new LogisticMap(2), 0.5, 0, 10);
        assertThat(onCritical.exponent()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(onCritical.trappedRestarts()).isZero();
        // x → −x: a neutral 2-cycle (multiplier exactly 1) from the first step.
        Lyapunov.Estimate neutral = Lyapunov.largestEstimate(new TrapMaps.Negation(0), 0.7, 10, 1000);
        assertThat(neutral.exponent()).isZero();
        assertThat(neutral.trappedRestarts()).isZero();
        // A quarter turn: a neutral 4-cycle with complex multipliers ±i.
        Lyapunov.Spectrum turn = Lyapunov.spectrumEstimate(new TrapMaps.QuarterTurn(0), new double[] {0.3, 0.4}, 10, 1000);
        assertThat(turn.exponents()[0]).isCloseTo(0, within(1e-15));
        assertThat(turn.exponents()[1]).isCloseTo(0, within(1e-15));
        assertThat(turn.trappedRestarts()).isZero();
    }

    @Test
    void spectrumOfATwoDimensionalMapThatLandsOnASaddle() {
        // (0.5, 0) → (1, 0) → (0, 0): a saddle (multipliers 4 and ½); exponents ln 2 and −ln 2.
        Lyapunov.Spectrum s = Lyapunov.spectrumEstimate(new TrapMaps.LogisticTimesHalf(4), new double[] {0.5, 0}, 100, 200_000);
        assertThat(s.exponents()[0]).isCloseTo(Math.log(2), within(1e-2));
        assertThat(s.exponents()[1]).isCloseTo(-Math.log(2), within(1e-12));
        assertThat(s.trappedRestarts()).isPositive();
    }

    @Test
    void attractorRecordAtYTwoIsNotAFixedPoint() {
        // With an 80 000-step transient the unguarded orbit sits on −2 and would read as period 1.
        double[] rec = Attractor.record(new EosManifoldMap(2), new double[] {0.1}, 80_000, 256, (st, p) -> st[0]);
        assertThat(Attractor.period(rec, 64)).isZero();
    }
}
