package org.sharpscope.regime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The EoS band on hand-made sampled runs (η = 0.5, 2/η = 4). */
class EdgeOfStabilityTest {
    static final double ETA = 0.5;

    static long[] steps(int n) {
        long[] s = new long[n];
        for (int i = 0; i < n; i++) s[i] = 10L * i;
        return s;
    }

    /** Sharpening to 4 = 2/η, then an aperiodic wobble of ±5% around it: EoS, entered when the band is reached. */
    @Test
    void hoveringAtTwoOverEtaIsEos() {
        int n = 300;
        double[] loss = new double[n], sharp = new double[n];
        double z = 0.3;
        for (int i = 0; i < n; i++) {
            z = 4 * z * (1 - z); // chaotic, so no exact period
            sharp[i] = i < 100 ? 1 + 3 * i / 100.0 : 4 * (1 + 0.05 * (2 * z - 1));
            loss[i] = 1.0 / (1 + i) + 0.01 * z;
        }
        // first in-band sample: 1 + 3i/100 ≥ 3.6  ⇔  i ≥ 87 (then 5 in a row)
        assertThat(EdgeOfStability.DEFAULT.entry(steps(n), sharp, ETA)).isEqualTo(870L);
        Regime plain = RegimeAnalysis.analyze(steps(n), loss, sharp, ETA);
        assertThat(plain.lateState()).isEqualTo(LateState.CHAOTIC);
        Regime r = RegimeAnalysis.analyze(steps(n), loss, sharp, ETA, RegimeAnalysis.Thresholds.DEFAULT, EdgeOfStability.DEFAULT);
        assertThat(r.lateState()).isEqualTo(LateState.EOS);
        assertThat(r.period()).isZero();
        assertThat(r.earlyTrend()).isEqualTo(EarlyTrend.PROGRESSIVE_SHARPENING);
        assertThat(r.describe()).endsWith("edge of stability (no exact period)");
    }

    /** A brief crossing (fewer than 5 samples in band) is not an entry; the late band test needs half the samples. */
    @Test
    void briefCrossingIsNotEos() {
        double[] sharp = {3, 3.7, 3.9, 4.1, 4.2, 5, 5, 3.8, 3.9, 4.0, 4.1, 4.5};
        assertThat(EdgeOfStability.DEFAULT.entry(steps(sharp.length), sharp, ETA)).isNull();
        assertThat(new EdgeOfStability(0.1, 4).entry(steps(sharp.length), sharp, ETA)).isEqualTo(10L);
        assertThat(EdgeOfStability.DEFAULT.holdsLate(new double[] {2.0, 2.1, 1.5, 1.2})).isTrue();
        assertThat(EdgeOfStability.DEFAULT.holdsLate(new double[] {2.0, 1.5, 1.5, 1.2})).isFalse();
    }

    /** Slow, steady descent well below the band is converged even though η·λ still drifts. */
    @Test
    void steadyDescentBelowTheBandIsConverged() {
        int n = 200;
        double[] loss = new double[n], sharp = new double[n];
        for (int i = 0; i < n; i++) {
            loss[i] = 1.0 / (1 + 0.1 * i);
            sharp[i] = 2 + 0.002 * i; // η·λ from 1.0 to 1.2, drifting
        }
        assertThat(RegimeAnalysis.analyze(steps(n), loss, sharp, ETA).lateState()).isEqualTo(LateState.CHAOTIC);
        assertThat(RegimeAnalysis.analyze(steps(n), loss, sharp, ETA, RegimeAnalysis.Thresholds.DEFAULT,
                EdgeOfStability.DEFAULT).lateState()).isEqualTo(LateState.CONVERGED);
    }

    /**
     * A period-2 orbit about 2/η with ±20% swings (η·λ = 2.4, 1.6, 2.4, ...): probed in pairs
     * (t, t+1) its two-step average sits on 2/η and it is EoS; probed only at even steps it
     * would read 20% above 2/η, outside the band.
     */
    @Test
    void periodTwoSwingsAreJudgedOnTheirTwoStepAverage() {
        int pairs = 100;
        long[] step = new long[2 * pairs];
        double[] sharp = new double[2 * pairs];
        for (int i = 0; i < pairs; i++) {
            step[2 * i] = 10L * i;
            step[2 * i + 1] = 10L * i + 1;
            sharp[2 * i] = 4 * 1.2;
            sharp[2 * i + 1] = 4 * 0.8;
        }
        assertThat(EdgeOfStability.twoStepAverage(step, sharp)).containsOnly(4.0);
        assertThat(EdgeOfStability.DEFAULT.entry(step, sharp, ETA)).isEqualTo(0L);

        long[] evenSteps = new long[pairs];
        double[] evenSharp = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            evenSteps[i] = step[2 * i];
            evenSharp[i] = sharp[2 * i];
        }
        assertThat(EdgeOfStability.DEFAULT.entry(evenSteps, evenSharp, ETA)).isNull();
    }

    /**
     * Fashion-MNIST-like late EoS: probe pairs alternate η·λ ≈ 2.6 / 1.95 while slowly drifting
     * and the loss slowly falls — a period-2 orbit about 2/η whose two-step average is 14% above
     * it. It is EoS with period 2; the same run with both phases above 2/η is not.
     */
    @Test
    void driftingPairsStraddlingTwoOverEtaAreEosWithPeriodTwo() {
        int pairs = 150;
        long[] step = new long[2 * pairs];
        double[] loss = new double[2 * pairs], sharp = new double[2 * pairs], above = new double[2 * pairs];
        for (int i = 0; i < pairs; i++) {
            double drift = 0.05 * i / pairs;
            step[2 * i] = 10L * i;
            step[2 * i + 1] = 10L * i + 1;
            loss[2 * i] = 0.0066 - 0.0007 * i / pairs;
            loss[2 * i + 1] = loss[2 * i] + 0.0001;
            sharp[2 * i] = (2.58 + drift) / ETA;
            sharp[2 * i + 1] = (1.93 + drift) / ETA;
            above[2 * i] = sharp[2 * i];
            above[2 * i + 1] = (2.2 + drift) / ETA;
        }
        Regime r = RegimeAnalysis.analyze(step, loss, sharp, ETA, RegimeAnalysis.Thresholds.DEFAULT, EdgeOfStability.DEFAULT);
        assertThat(r.lateState()).isEqualTo(LateState.EOS);
        assertThat(r.period()).isEqualTo(2);
        Regime noStraddle = RegimeAnalysis.analyze(step, loss, above, ETA, RegimeAnalysis.Thresholds.DEFAULT,
                EdgeOfStability.DEFAULT);
        assertThat(noStraddle.lateState()).isNotEqualTo(LateState.EOS);
    }
}
