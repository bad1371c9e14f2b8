package org.sharpscope.study.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.UserInputException;
import org.sharpscope.run.Json;
import org.sharpscope.study.Progress;

/** Plans bind every cell to the task's spec before anything runs; cells run their task through that spec. */
class SweepPlanTest {
    static final String SPEC = """
            command: logistic
            base: {x0: 0.4}
            axes:
              r: [2.8, 3.2]
              steps: [50, 0]
            seeds: [0, 1]
            """;

    @TempDir
    Path tmp;

    static SweepPlan plan(String yaml) {
        return SweepPlan.of(SweepSpec.parse(yaml, "spec"), LogisticTask::lookup);
    }

    @Test
    void cellsCrossTheAxesWithSeedsInnermostAndCarryTheirSettings() {
        SweepPlan plan = plan(SPEC);
        assertThat(plan.task().name()).isEqualTo("logistic");
        assertThat(plan.cells()).hasSize(8);
        Cell c = plan.cells().get(5);
        assertThat(c.id()).isEqualTo("cell-0005");
        assertThat(c.axes()).containsExactly(Map.entry("r", 3.2), Map.entry("steps", 50));
        assertThat(c.seed()).isEqualTo(1L);
        assertThat(c.settings()).containsExactly(Map.entry("x0", 0.4), Map.entry("r", 3.2), Map.entry("steps", 50),
                Map.entry("seed", 1L));
        assertThat(c.flags()).containsExactly("--x0", "0.4", "--r", "3.2", "--steps", "50", "--seed", "1");
        assertThat(plan.totalSteps()).isEqualTo(200);
        assertThat(plan.axisNames()).containsExactly("r", "steps");
    }

    @Test
    void anUnknownKeyRefusesThePlanInOneLine() {
        assertThatThrownBy(() -> plan("command: logistic\nbase: {rr: 3}\n"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("sweep spec: 'rr' is not a flag of 'logistic' (see 'sharpscope logistic --help')");
        assertThatThrownBy(() -> plan("command: logistic\nseeds: [0]\naxes: {r: [3]}\n".replace("logistic", "nope")))
                .isInstanceOf(UserInputException.class)
                .hasMessage("sweep spec: 'nope' is not a task; the tasks are: logistic");
    }

    /** Regression: a seed axis written as a range used to pass plan and then fail every cell with "'0.0' is not a long". */
    @Test
    void aSeedAxisWrittenAsARangeFailsAtPlanTime() {
        assertThatThrownBy(() -> plan("command: logistic\naxes:\n  seed: {from: 0, to: 2, points: 3}\n"))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("sweep spec, cell-0000: 'seed' must be an integer")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> plan("command: logistic\nbase: {steps: many}\n"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("'steps' must be an integer");
    }

    @Test
    void aValueTheSpecRefusesFailsItsCellAloneWithTheSpecsOwnMessage() throws Exception {
        SweepPlan plan = plan(SPEC);
        SweepDirectory dir = SweepDirectory.prepare(tmp.resolve("sweep"), plan, SPEC, false, false);
        new LocalRunner(2, Progress.NONE).run(dir, plan.task(), dir.pending(plan));
        SweepIndex index = dir.index();
        assertThat(index.count(CellOutcome.FINISHED)).isEqualTo(4);
        assertThat(index.count(CellOutcome.FAILED)).isEqualTo(4);
        for (IndexEntry e : index.cells()) {
            if (e.axes().get("steps").equals(0)) {
                assertThat(e.status()).isEqualTo(CellOutcome.FAILED);
                assertThat(e.exitCode()).isEqualTo(2);
                assertThat(e.error()).isEqualTo("error: --steps must be >= 1, got 0");
                assertThat(dir.cellDir(e).resolve(CellExecutor.LOG)).content().contains("error: --steps must be >= 1, got 0");
            } else {
                assertThat(e.status()).isEqualTo(CellOutcome.FINISHED);
                assertThat(dir.cellDir(e).resolve("summary.json")).isRegularFile();
                assertThat(dir.cellDir(e).resolve(SweepDirectory.CELL_MARKER)).isRegularFile();
            }
        }
    }

    @Test
    void aCrashingCellIsFailedWithItsFirstLineAndTheOthersRun() throws Exception {
        String spec = "command: logistic\naxes: {r: [13.0, 3.2]}\n";
        SweepPlan plan = plan(spec);
        SweepDirectory dir = SweepDirectory.prepare(tmp.resolve("crash"), plan, spec, false, false);
        new LocalRunner(1, Progress.NONE).run(dir, plan.task(), dir.pending(plan));
        IndexEntry crashed = dir.index().cells().get(0);
        assertThat(crashed.status()).isEqualTo(CellOutcome.FAILED);
        assertThat(crashed.exitCode()).isEqualTo(-1);
        assertThat(crashed.error()).isEqualTo("internal error: java.lang.IllegalStateException: unlucky r");
        assertThat(dir.cellDir(crashed).resolve(CellExecutor.LOG)).content().contains("IllegalStateException: unlucky r");
        assertThat(dir.index().cells().get(1).status()).isEqualTo(CellOutcome.FINISHED);
    }

    @Test
    void theRunnersThreadsGoToCellsThatLeaveThemUnset() throws Exception {
        SweepPlan plan = plan("command: logistic\naxes: {r: [3.2]}\n");
        Cell cell = plan.cells().get(0);
        assertThat(CellExecutor.run(plan.task(), cell, tmp.resolve("a"), 3).finished()).isTrue();
        assertThat(tmp.resolve("a/config.yaml")).content().containsPattern("(?m)^threads: 3$");

        SweepPlan own = plan("command: logistic\nbase: {threads: 1}\naxes: {r: [3.2]}\n");
        assertThat(CellExecutor.run(own.task(), own.cells().get(0), tmp.resolve("b"), 3).finished()).isTrue();
        assertThat(tmp.resolve("b/config.yaml")).content().containsPattern("(?m)^threads: 1$");
    }

    @Test
    void theFingerprintIsThatOfTheBoundSpecs() {
        String spec = "command: logistic\nbase: {x0: 0.5}\naxes: {r: [3, 3.5]}\n";
        SweepPlan a = plan(spec);
        assertThat(plan(spec).fingerprint()).isEqualTo(a.fingerprint());
        // The same settings written differently (3 or 3.0, a default spelled out) are the same sweep.
        assertThat(plan(spec.replace("[3, 3.5]", "[3.0, 3.5]")).fingerprint()).isEqualTo(a.fingerprint());
        assertThat(plan(spec.replace("base: {x0: 0.5}", "base: {}")).fingerprint()).isEqualTo(a.fingerprint());
        assertThat(plan(spec.replace("3.5", "3.6")).fingerprint()).isNotEqualTo(a.fingerprint());
        // A thread count the runner picks is not part of the sweep; one the spec sets is.
        assertThat(plan(spec.replace("x0: 0.5", "x0: 0.5, threads: 2")).fingerprint()).isNotEqualTo(a.fingerprint());
    }

    @Test
    void indexesWrittenBeforeTypedSpecsAreStillRecognised() throws Exception {
        String spec = "command: logistic\nbase: {x0: 0.5}\naxes: {r: [3, 3.5]}\nseeds: [7]\n";
        SweepPlan plan = plan(spec);
        // The old fingerprint: SHA-256 of the command and each cell's flags.
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update("logistic".getBytes(StandardCharsets.UTF_8));
        for (List<String> flags : List.of(List.of("--x0", "0.5", "--r", "3", "--seed", "7"),
                List.of("--x0", "0.5", "--r", "3.5", "--seed", "7"))) {
            md.update((byte) '\n');
            md.update(String.join("\u0000", flags).getBytes(StandardCharsets.UTF_8));
        }
        String old = HexFormat.of().formatHex(md.digest());
        assertThat(plan.matches(old)).isTrue();
        assertThat(plan.matches(plan.fingerprint())).isTrue();
        assertThat(plan(spec.replace("3.5", "3.6")).matches(old)).isFalse();

        Path root = tmp.resolve("old");
        SweepDirectory.prepare(root, plan, spec, false, false);
        String index = Files.readString(root.resolve(SweepDirectory.INDEX)).replace(plan.fingerprint(), old);
        Files.writeString(root.resolve(SweepDirectory.INDEX), index);
        SweepDirectory resumed = SweepDirectory.prepare(root, plan, spec, true, false);
        assertThat(resumed.index().fingerprint()).isEqualTo(plan.fingerprint());
        assertThat(Json.JSON.readTree(root.resolve(SweepDirectory.INDEX).toFile()).get("command").asText()).isEqualTo("logistic");
    }
}
