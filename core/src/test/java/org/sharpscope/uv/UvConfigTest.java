package org.sharpscope.uv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sharpscope.UserInputException;

/** Validation of the UV configuration and the learning-rate forms. */
class UvConfigTest {
    static final double[] X = {1.0};

    @Test
    void rejectsBadValuesWithTheFlagName() {
        assertThatThrownBy(() -> new UvConfig(2_000_000_000, X, 1, 1, 1, 0).initialWeights())
                .isInstanceOf(UserInputException.class).hasMessageContaining("--width 2000000000")
                .hasMessageContaining("of memory but this JVM has");
        assertThatThrownBy(() -> new UvConfig(0, X, 1, 1, 1, 0)).isInstanceOf(UserInputException.class).hasMessageContaining("--width");
        assertThatThrownBy(() -> new UvConfig(10, X, 1, 1, 1.5, 0)).hasMessageContaining("--param-s");
        assertThatThrownBy(() -> new UvConfig(10, X, 1, 1, -0.1, 0)).hasMessageContaining("--param-s");
        assertThatThrownBy(() -> new UvConfig(10, X, Double.NaN, 1, 1, 0)).hasMessageContaining("--target");
        assertThatThrownBy(() -> new UvConfig(10, X, 1, 0, 1, 0)).hasMessageContaining("--sigma-w");
        assertThatThrownBy(() -> new UvConfig(10, new double[] {0, 0}, 1, 1, 1, 0)).hasMessageContaining("--input");
        assertThatThrownBy(() -> UvConfig.unitInput(0)).hasMessageContaining("--input-dim");
        assertThatThrownBy(() -> LearningRate.eta(-1)).hasMessageContaining("--eta");
        assertThatThrownBy(() -> LearningRate.c(Double.NaN)).hasMessageContaining("--c");
        assertThatThrownBy(() -> new FunctionStart(1, 1, 1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("2√κ|f0|");
    }

    @Test
    void learningRateForms() {
        double sharp0 = 2.5;
        double etaC = 0.8;
        assertThat(LearningRate.eta(0.3).resolve(sharp0, etaC)).isEqualTo(0.3);
        assertThat(LearningRate.c(2).resolve(sharp0, etaC)).isEqualTo(0.8);
        assertThat(LearningRate.etaOverEtaC(1.5).resolve(sharp0, etaC)).isEqualTo(1.2000000000000002);
        assertThatThrownBy(() -> LearningRate.etaOverEtaC(1.5).resolve(sharp0, Double.POSITIVE_INFINITY))
                .isInstanceOf(UserInputException.class).hasMessageContaining("target");
    }

    @Test
    void sameSeedSameWeightsAndDefaultInputIsUnit() {
        UvConfig a = new UvConfig(64, UvConfig.unitInput(4), 1, 1, 0.5, 42);
        assertThat(a.initialWeights().weightsU()).isEqualTo(a.initialWeights().weightsU());
        assertThat(UvConfig.norm2(a.input())).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-15));
        UvConfig b = new UvConfig(64, UvConfig.unitInput(4), 1, 1, 0.5, 43);
        assertThat(b.initialWeights().weightsU()).isNotEqualTo(a.initialWeights().weightsU());
    }

    /** The init scale: entries N(0, σ_w²/n^s), so ‖v‖² ≈ σ_w² n^{1−s}. */
    @Test
    void initScale() {
        UvConfig cfg = new UvConfig(200_000, X, 1, 1.5, 0.5, 5);
        WeightsEngine w = cfg.initialWeights();
        double expected = 1.5 * 1.5 * Math.pow(200_000, 0.5);
        assertThat(w.normV() * w.normV()).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(w.normU() * w.normU()).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1));
    }
}
