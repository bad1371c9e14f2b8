package org.sharpscope.regime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sharpscope.run.Json;

/** The generic analysis on hand-made trajectories whose regime is known by construction. */
class RegimeAnalysisTest {
    static final double ETA = 0.5; // 2/η = 4

    static long[] steps(int n) {
        long[] s = new long[n];
        for (int i = 0; i < n; i++) s[i] = i;
        return s;
    }

    @Test
    void smoothConvergenceWithSharpening() {
        int n = 400;
        double[] loss = new double[n], sharp = new double[n];
        for (int i = 0; i < n; i++) {
            loss[i] = Math.pow(0.8, i);
            sharp[i] = 3 - 2 * Math.pow(0.8, i); // 1 → 3, below 2/η = 4
        }
        Regime r = RegimeAnalysis.analyze(steps(n), loss, sharp, ETA);
        assertThat(r).isEqualTo(new Regime(EarlyTrend.PROGRESSIVE_SHARPENING, false, null, LateState.CONVERGED, 1, null));
    }

    /** A short run stopped while the loss still falls geometrically is converged, not chaotic. */
    @Test
    void stillConvergingShortRun() {
        int n = 60;
        double[] loss = new double[n], sharp = new double[n];
        for (int i = 0; i < n; i++) {
            loss[i] = Math.pow(0.6, i);
            sharp[i] = 3 + (i % 2 == 0 ? 1 : -1) * 0.5 * Math.pow(0.8, i); // decaying oscillation
        }
        Regime r = RegimeAnalysis.analyze(steps(n), loss, sharp, ETA);
        assertThat(r.lateState()).isEqualTo(LateState.CONVERGED);
        assertThat(r.period()).isEqualTo(1);
    }

    @Test
    void flatWhenSharpnessBarelyMoves() {
        int n = 300;
        double[] loss = new double[n], sharp = new double[n];
        for (int i = 0; i < n; i++) {
            loss[i] = Math.pow(0.7, i);
            sharp[i] = 2 * (1 - 0.01 * (1 - Math.pow(0.7, i)));
        }
        assertThat(RegimeAnalysis.analyze(steps(n), loss, sharp, ETA).earlyTrend()).isEqualTo(EarlyTrend.FLAT);
    }

    @Test
    void catapultThenConvergence() {
        int n = 300;
        double[] loss = new double[n], sharp = new double[n];
        for (int i = 0; i < n; i++) {
            if (i <= 6) { // spike: loss grows 3× a step while η·sharpness > 2
                loss[i] = Math.pow(3, i);
                sharp[i] = 5;
            } else {
                loss[i] = 729 * Math.pow(0.05, i - 6);
                sharp[i] = 3;
            }
        }
        Regime r = RegimeAnalysis.analyze(steps(n), loss, sharp, ETA);
        assertThat(r.catapult()).isTrue();
        assertThat(r.catapultAt()).isEqualTo(6L);
        assertThat(r.earlyTrend()).isEqualTo(EarlyTrend.SHARPNESS_REDUCTION);
        assertThat(r.lateState()).isEqualTo(LateState.CONVERGED);
    }

    @Test
    void periodicEos() {
        int n = 1000;
        double[] loss = new double[n], sharp = new double[n];
        double[] orbit = {4.4, 3.5, 4.1};
        for (int i = 0; i < n; i++) {
            loss[i] = 0.2 + 0.1 * (i % 3);
            sharp[i] = i < 50 ? 3 + i * 0.02 : orbit[i % 3];
        }
        Regime r = RegimeAnalysis.analyze(steps(n), loss, sharp, ETA);
        assertThat(r.lateState()).isEqualTo(LateState.EOS);
        assertThat(r.period()).isEqualTo(3);
        assertThat(r.divergedAt()).isNull();
    }

    @Test
    void chaoticWhenBoundedAndAperiodic() {
        int n = 1000;
        double[] loss = new double[n], sharp = new double[n];
        double z = 0.2;
        for (int i = 0; i < n; i++) {
            z = 4 * z * (1 - z);
            sharp[i] = 3 + 2 * z;
            loss[i] = 0.1 + z;
        }
        Regime r = RegimeAnalysis.analyze(steps(n), loss, sharp, ETA);
        assertThat(r.lateState()).isEqualTo(LateState.CHAOTIC);
        assertThat(r.period()).isZero();
    }

    @Test
    void divergenceByNanOrBound() {
        double[] loss = {1, 2, 10, 1e5, Double.NaN};
        double[] sharp = {5, 6, 7, 8, Double.NaN};
        long[] step = {0, 10, 20, 30, 40}; // sampled every 10 steps
        Regime r = RegimeAnalysis.analyze(step, loss, sharp, ETA);
        assertThat(r.lateState()).isEqualTo(LateState.DIVERGED);
        assertThat(r.divergedAt()).isEqualTo(40L);
        assertThat(r.catapult()).isFalse();

        double[] loss2 = {2, 3, 2.5 * Divergence.LOSS_BOUND_FACTOR, 1e300};
        double[] sharp2 = {1, 1, 1, 1};
        assertThat(RegimeAnalysis.analyze(steps(4), loss2, sharp2, ETA).divergedAt()).isEqualTo(2L);
    }

    @Test
    void jsonUsesTheSharedVocabulary() throws Exception {
        Regime r = new Regime(EarlyTrend.SHARPNESS_REDUCTION, true, 7L, LateState.EOS, 2, null);
        String json = Json.JSON.writeValueAsString(r).replaceAll("\\s", "");
        assertThat(json).isEqualTo("{\"early_trend\":\"sharpness_reduction\",\"catapult\":true,\"catapult_at\":7,"
                + "\"late_state\":\"eos\",\"period\":2,\"diverged_at\":null}");
        assertThat(r.describe()).isEqualTo("sharpness reduction, catapult at step 7, edge of stability with period 2");
    }
}
