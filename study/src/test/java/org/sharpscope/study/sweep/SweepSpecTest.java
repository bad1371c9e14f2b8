package org.sharpscope.study.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sharpscope.UserInputException;

class SweepSpecTest {
    static final String ISSUE_SPEC = """
            command: uv run          # or: train
            base:                    # flags of that command, without the dashes
              engine: function
              kappa: 1
              eta: 1
              f0: 0.35
              steps: 3000
            axes:                    # crossed; an axis is a list or a range
              lambda0: [1.0, 2.0, 3.0, 3.5, 4.5]
              target: {from: 0.1, to: 0.3, points: 3}    # {log2_from, log2_to, points} for 2^x
            seeds: [0]
            """;

    @Test
    void acceptsTheIssueFormAsWritten() {
        SweepSpec s = SweepSpec.parse(ISSUE_SPEC, "spec");
        assertThat(s.command()).isEqualTo("uv run");
        assertThat(s.base()).containsExactly(
                java.util.Map.entry("engine", "function"), java.util.Map.entry("kappa", 1), java.util.Map.entry("eta", 1),
                java.util.Map.entry("f0", 0.35), java.util.Map.entry("steps", 3000));
        assertThat(s.axes().get("lambda0")).containsExactly(1.0, 2.0, 3.0, 3.5, 4.5);
        assertThat(s.axes().get("target")).containsExactly(0.1, 0.2, 0.3);
        assertThat(s.seeds()).containsExactly(0L);
        assertThat(s.zip()).isEmpty();
    }

    @Test
    void log2RangeGivesExactPowersOfTwo() {
        SweepSpec s = SweepSpec.parse("command: train\naxes:\n  c: {log2_from: -1, log2_to: 3, points: 5}\n", "spec");
        assertThat(s.axes().get("c")).containsExactly(0.5, 1.0, 2.0, 4.0, 8.0);
    }

    @Test
    void linearRangeEndsExactlyAtTo() {
        List<Object> v = AxisValues.range("spec", "x", 0.1, 0.7, 7, false);
        assertThat(v).hasSize(7);
        assertThat(v.get(0)).isEqualTo(0.1);
        assertThat(v.get(6)).isEqualTo(0.7);
        for (int i = 0; i < 7; i++) assertThat((Double) v.get(i)).isCloseTo(0.1 + 0.1 * i, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void zipGroupsNeedEqualLengths() {
        SweepSpec ok = SweepSpec.parse("command: uv run\naxes:\n  a: [1, 2]\n  b: [3, 4]\n  c: [5]\nzip: [[a, b]]\n", "spec");
        assertThat(ok.zip()).containsExactly(List.of("a", "b"));
        assertThatThrownBy(() -> SweepSpec.parse("command: uv run\naxes:\n  a: [1, 2]\n  b: [3]\nzip: [[a, b]]\n", "spec"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("equal lengths");
        assertThatThrownBy(() -> SweepSpec.parse("command: uv run\naxes:\n  a: [1, 2]\nzip: [[a, q]]\n", "spec"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("'q', which is not an axis");
    }

    @Test
    void badSpecsAreOneLineErrors() {
        String[][] cases = {
                {"command: uv run\nbogus: 1\n", "unknown key 'bogus'"},
                {"base: {eta: 1}\n", "'command' is missing"},
                {"command: uv run\nbase: {eta: 1}\naxes: {eta: [1, 2]}\n", "both in base and in axes"},
                {"command: uv run\naxes: {eta: []}\n", "has no values"},
                {"command: uv run\naxes: {eta: {from: 1, to: 2}}\n", "{from, to, points}"},
                {"command: uv run\naxes: {eta: {from: 1, to: 2, points: 0}}\n", "points >= 1"},
                {"command: uv run\nbase: {out: x}\n", "set by the sweep"},
                {"command: uv run\nseeds: [0, 0]\n", "listed twice"},
                {"command: uv run\nseeds: [a]\n", "seeds must be integers"},
                {"command: uv run\nbase: {--eta: 1}\n", "without dashes"},
                {"command: [uv\n", "not valid YAML"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> SweepSpec.parse(c[0], "spec")).as(c[0])
                    .isInstanceOf(UserInputException.class).hasMessageContaining(c[1])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }
}
