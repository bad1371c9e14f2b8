package org.sharpscope.study.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.UserInputException;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.Progress;
import org.sharpscope.study.nn.CriticalEtaSummary;

/**
 * Bifurcation diagrams of network-like cells ({@link NoisyTailTask}: the logistic map's orbit ×10
 * with noise 10⁻³, probed every 10 steps and densely at the end): η/η_c as an axis through
 * {@code eta-c}, the clustered period rule on noisy tails, the dense-tail check, and each cell's
 * Lyapunov exponents in the periods table.
 */
class NetworkBifurcationTest {
    /** η_c = 0.5: η/η_c = 0.8, 1.2, 1.5, 1.9 are η = 0.4 (period 1), 0.6 (2), 0.75 (4), 0.95 (chaos). */
    static String spec(int probeTail) {
        return """
                command: noisy-tail
                eta-c: 0.5
                base:
                  probe-tail: %d
                axes:
                  eta-over-etac: [0.8, 1.2, 1.5, 1.9]
                """.formatted(probeTail);
    }

    static SweepDirectory sweep(Path root, String text) {
        SweepPlan plan = SweepPlan.of(SweepSpec.parse(text, "spec"), NoisyTailTask::lookup);
        SweepDirectory dir = SweepDirectory.prepare(root, plan, text, false, false);
        new LocalRunner(2, Progress.NONE).run(dir, plan.task(), dir.pending(plan));
        return dir;
    }

    @Test
    void etaOverEtacTurnsIntoEachCellsEta() {
        SweepPlan plan = SweepPlan.of(SweepSpec.parse(spec(64), "spec"), NoisyTailTask::lookup);
        double[] ratios = {0.8, 1.2, 1.5, 1.9};
        for (int i = 0; i < 4; i++) {
            Cell c = plan.cells().get(i);
            assertThat(c.axes()).containsEntry("eta-over-etac", ratios[i]);
            assertThat(((Number) c.settings().get("eta")).doubleValue()).isEqualTo(ratios[i] * 0.5);
            assertThat(c.settings()).doesNotContainKey("eta-over-etac");
            assertThat(c.spec(NoisyTailTask.Spec.class, 0).eta()).isEqualTo(ratios[i] * 0.5);
        }
        // another η_c is another sweep: a resume with it is refused by the fingerprint
        SweepPlan other = SweepPlan.of(SweepSpec.parse(spec(64).replace("eta-c: 0.5", "eta-c: 0.25"), "spec"), NoisyTailTask::lookup);
        assertThat(other.fingerprint()).isNotEqualTo(plan.fingerprint());
    }

    @Test
    void noisyPeriodsExponentsAndTheAxisComeOutOfTheCollection(@TempDir Path tmp) throws Exception {
        SweepDirectory dir = sweep(tmp.resolve("dense"), spec(64));
        SweepCollection c = SweepCollection.collect(dir, new CollectSettings(null, null, null, null, null, null, 64, 16,
                null, PeriodRule.CLUSTERS, null));
        SweepCollection.Bifurcation b = c.bifurcation();
        assertThat(b.axis()).isEqualTo("eta-over-etac");
        assertThat(b.warning()).isNull();
        assertThat(b.tails()).extracting(BifurcationTails.CellTail::period).containsExactly(1, 2, 4, 0);
        assertThat(b.tails()).allMatch(BifurcationTails.CellTail::dense);
        assertThat(b.tails()).extracting(BifurcationTails.CellTail::eta).containsExactly(0.4, 0.6, 0.75, 0.95);

        // The exact rule, right for the UV model, sees only noise here.
        SweepCollection exact = SweepCollection.collect(dir, new CollectSettings(null, null, null, null, null, null, 64, 16,
                null, PeriodRule.EXACT, null));
        assertThat(exact.bifurcation().tails()).extracting(BifurcationTails.CellTail::period).containsExactly(0, 0, 0, 0);

        CsvTable periods = CsvTable.read(dir.root().resolve("bifurcation-periods.csv"));
        assertThat(periods.columns()).containsExactly("eta-over-etac", "cell", "seed", "period", "diverged", "late_state",
                "dense_tail", "lyapunov_largest", "lyapunov_largest_error", "lyapunov_loss", "lyapunov_loss_error",
                "lyapunov_loss_rotation");
        double[] loss = periods.doubles("lyapunov_loss");
        double[] largest = periods.doubles("lyapunov_largest");
        double[] eta = {0.4, 0.6, 0.75, 0.95};
        for (int i = 0; i < 4; i++) {
            double exponent = NoisyTailTask.exponent(eta[i], 2000);
            assertThat(loss[i]).isCloseTo(exponent, within(1e-15));
            assertThat(largest[i]).isEqualTo(Math.max(0, exponent));
        }
        assertThat(loss[0]).isNegative(); // the periodic cells contract, the chaotic one stretches
        assertThat(loss[3]).isPositive();
        assertThat(periods.doubles("lyapunov_loss_error")).containsOnly(0.02);
    }

    @Test
    void sparseTailsAreFlaggedInOneLineAndCellsWithoutExponentsLeaveThemEmpty(@TempDir Path tmp) throws Exception {
        String text = spec(0).replace("probe-tail: 0", "probe-tail: 0\n  lyapunov: false");
        SweepDirectory dir = sweep(tmp.resolve("sparse"), text);
        SweepCollection.Bifurcation b = SweepCollection.collect(dir, new CollectSettings(null, null, null, null, null, null, 64,
                16, null, PeriodRule.CLUSTERS, null)).bifurcation();
        assertThat(b.tails()).noneMatch(BifurcationTails.CellTail::dense);
        assertThat(b.warning()).doesNotContain("\n").contains("4 of 4 cells").contains("probe-tail: 64");
        List<String> rows = Files.readAllLines(dir.root().resolve("bifurcation-periods.csv"));
        assertThat(rows.get(1)).endsWith(",false,,,,,"); // dense_tail false, no exponents
    }

    @Test
    void etaCComesFromACriticalEtaRunOrIsRefusedInOneLine(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("critical");
        Files.createDirectories(run);
        CriticalEtaSummary found = new CriticalEtaSummary(0.5, 1.0, 2.0, "c", 0.499, 0.501, 0.998, 1.002, null, null, true,
                true, 0.004, 2, 100, 8, List.of(), "found");
        org.sharpscope.run.Json.writeJson(run.resolve(RunDirectory.SUMMARY), found);
        SweepSpec s = SweepSpec.parse(spec(64).replace("eta-c: 0.5", "eta-c: " + run), "spec");
        assertThat(s.etaC()).isEqualTo(0.5);

        Path none = tmp.resolve("none");
        Files.createDirectories(none);
        org.sharpscope.run.Json.writeJson(none.resolve(RunDirectory.SUMMARY), new CriticalEtaSummary(null, null, 2.0, "c",
                null, null, null, null, null, null, false, false, 0.01, 2, 100, 2, List.of(), "every run up to c = 2.0 converged"));
        assertThatThrownBy(() -> SweepSpec.parse(spec(64).replace("eta-c: 0.5", "eta-c: " + none), "spec"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("found no η_c (every run up to c = 2.0 converged)");
        assertThatThrownBy(() -> SweepSpec.parse(spec(64).replace("eta-c: 0.5", "eta-c: " + tmp.resolve("missing")), "spec"))
                .hasMessageContaining("holds no critical-eta run");
        assertThatThrownBy(() -> SweepSpec.parse(spec(64).replace("eta-c: 0.5", "eta-c: -1"), "spec"))
                .hasMessage("spec: 'eta-c' must be a positive number (a network's η_c), got -1");
        assertThatThrownBy(() -> SweepPlan.of(SweepSpec.parse(spec(64).replace("eta-c: 0.5\n", ""), "spec"), NoisyTailTask::lookup))
                .hasMessageContaining("'eta-over-etac' is not a flag of 'noisy-tail'; to sweep η/η_c of a network give its η_c as 'eta-c: VALUE'");
        assertThatThrownBy(() -> SweepPlan.of(SweepSpec.parse(spec(64).replace("probe-tail: 64", "eta: 0.1"), "spec"), NoisyTailTask::lookup))
                .hasMessageContaining("'eta' and eta-over-etac both set the learning rate");
        assertThatThrownBy(() -> SweepPlan.of(SweepSpec.parse("command: noisy-tail\neta-c: 0.5\naxes:\n  eta: [0.1]\n", "spec"),
                NoisyTailTask::lookup)).hasMessageContaining("no 'eta-over-etac'");
        assertThatThrownBy(() -> SweepPlan.of(SweepSpec.parse("command: uv run\neta-c: 0.5\naxes:\n  eta-over-etac: [1.1]\n", "spec")))
                .hasMessageContaining("'uv run' knows its η_c");
        assertThatThrownBy(() -> SweepPlan.of(SweepSpec.parse("command: noisy-tail\neta-c: 0.5\naxes:\n  eta-over-etac: [a]\n", "spec"),
                NoisyTailTask::lookup)).hasMessageContaining("eta-over-etac values must be positive numbers, got 'a'");
    }
}
