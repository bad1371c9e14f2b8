package org.sharpscope.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.study.Tasks;

/**
 * The one-off cases of issue 16 in sweeps, reproduction reports and the program itself, each
 * named; the systematic search is {@link BadInputFuzzTest}.
 */
class BadInputRegressionTest {
    @TempDir
    Path tmp;

    private static CaseRunner runner;

    @BeforeAll
    static void start() {
        runner = new CaseRunner();
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    static CaseRunner.Outcome sharpscope(String... args) {
        return runner.run(List.of(args), 60_000);
    }

    static void assertOneErrorLine(CaseRunner.Outcome o, String contains) {
        assertThat(o.exit()).as(o.err()).isEqualTo(2);
        assertThat(o.err().strip()).startsWith("error: ").contains(contains).doesNotContain("\n")
                .doesNotContainPattern(Verdict.EXCEPTION_TEXT.pattern());
    }

    /** Regression: report on a directory whose reproduce.json is {} was a NullPointerException. */
    @Test
    void reportOnAnEmptyIndexIsOneLine() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("repro"));
        Files.writeString(dir.resolve("reproduce.json"), "{}");
        assertOneErrorLine(sharpscope("report", dir.toString()), "is not a complete reproduction index (it needs 'sections' and 'runs')");
        assertThat(dir.resolve("report.html")).doesNotExist();
    }

    /** A run's summary of the wrong types (a list of numbers where fixed points are maps) is read as missing values. */
    @Test
    void reportReadsWrongTypesAsMissing() throws Exception {
        Workspace w = new Workspace(tmp.resolve("w"));
        Path dir = Fixtures.reproduction(w, "repro");
        Path index = dir.resolve("reproduce.json");
        Files.writeString(index, Files.readString(index).replace("\"section\" : \"1-regimes\"", "\"section\" : \"2-vector-field\""));
        Files.writeString(dir.resolve("1-regimes/converge/summary.json"), "{\"fixed_points\": [1, {\"x\": \"a\"}]}");
        CaseRunner.Outcome o = sharpscope("report", dir.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(dir.resolve("report.html")).content().contains("2. UV model: the vector field of function updates")
                .contains("missing figure: " + dir.resolve("1-regimes/converge/plots/vector_field.png"));
    }

    /** A torn summary.json of a run the report reads is a one-line error naming the file. */
    @Test
    void reportOnATornSummaryNamesTheFile() throws Exception {
        Workspace w = new Workspace(tmp.resolve("w"));
        Path dir = Fixtures.reproduction(w, "repro");
        Files.writeString(dir.resolve("1-regimes/converge/summary.json"), "{\"eta_over");
        assertOneErrorLine(sharpscope("report", dir.toString()), dir.resolve("1-regimes/converge/summary.json").toString());
    }

    /** Regression: reproduce --out under a file or in an unwritable place ran every section, each failing. */
    @Test
    void reproduceRefusesAnUnusableOutBeforeWorking() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertOneErrorLine(sharpscope("reproduce", "--quick", "--out", file.resolve("out").toString()), "lies under the file");
        CaseRunner.Outcome o = sharpscope("reproduce", "--quick", "--out", "/proc/sharpscope-test/out");
        assertOneErrorLine(o, "cannot create --out /proc/sharpscope-test/out (");
        assertThat(o.seconds()).isLessThan(10);
    }

    /** Regression (fixed on main before): picocli's own "error: Error:" for exclusive flags. */
    @Test
    void quickAndFullTogetherAreOneLine() {
        assertOneErrorLine(sharpscope("reproduce", "--quick", "--full"), "--quick");
    }

    /** Regression: a spec whose command is 'sweep run' passed 'sweep plan'. */
    @Test
    void aSpecThatRunsASweepIsRefused() throws Exception {
        Path spec = Files.writeString(tmp.resolve("s.yaml"), "command: sweep run\nbase: {out: x}\n");
        assertOneErrorLine(sharpscope("sweep", "plan", spec.toString()), "is set by the sweep for each cell");
        Files.writeString(spec, "command: sweep run\n");
        assertOneErrorLine(sharpscope("sweep", "plan", spec.toString()), "'sweep run' is not a task");
        assertOneErrorLine(sharpscope("sweep", "run", spec.toString(), "--out", tmp.resolve("o").toString()), "'sweep run' is not a task");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    /** Regression: 'sweep plan' on 10⁹ cells hung without a word. */
    @Test
    void aBillionCellPlanIsRefusedAtOnce() throws Exception {
        Path spec = Files.writeString(tmp.resolve("s.yaml"), "command: uv run\nbase: {width: 4, steps: 5}\naxes:\n"
                + "  eta: {from: 0.1, to: 0.2, points: 1000}\n  target: {from: 1, to: 2, points: 1000}\n"
                + "  sigma-w: {from: 1, to: 2, points: 1000}\n");
        CaseRunner.Outcome o = sharpscope("sweep", "plan", spec.toString());
        assertOneErrorLine(o, "the sweep has 1,000,000,000 cells, more than the limit of 100,000");
        assertThat(o.seconds()).isLessThan(10);
    }

    /** Regression: 'sweep plan' on 90,000 cells printed them all; now the count, and the first thousand. */
    @Test
    void aLargePlanSaysItsSizeAndListsTheFirstThousand() throws Exception {
        assumeTrue(Tasks.all().stream().anyMatch(t -> t.name().equals("uv run")), "the uv run task is not registered yet");
        Path spec = Files.writeString(tmp.resolve("s.yaml"), "command: uv run\nbase: {width: 4, steps: 5, eta: 0.1}\naxes:\n"
                + "  target: {from: 1, to: 2, points: 300}\n  sigma-w: {from: 1, to: 2, points: 300}\n");
        CaseRunner.Outcome o = sharpscope("sweep", "plan", spec.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out().lines().count()).isLessThan(1010);
        assertThat(o.out()).contains("... 89000 more cells (the first 1000 are listed; --all lists every cell)")
                .contains("90000 cells, 450000 steps in all");
    }

    /** Regression: 'collect --regime nosuchfield' drew an all-"unknown" phase diagram. */
    @Test
    void collectRefusesARegimeFieldNoCellHas() {
        Path dir = Fixtures.sweepDirectory(new Workspace(tmp.resolve("w")), "sweep");
        assertOneErrorLine(sharpscope("sweep", "collect", dir.toString(), "--regime", "nosuchfield"),
                "--regime 'nosuchfield' is not a field of any cell's summary");
        assertThat(dir.resolve("plots")).doesNotExist();
        assertThat(sharpscope("sweep", "collect", dir.toString(), "--regime", "early_trend").exit()).isZero();
    }

    /** Errors the JVM throws (here: an array larger than the JVM allows) are one line too, not a stack trace. */
    @Test
    void anOutOfMemoryErrorIsOneLine() {
        CaseRunner.Outcome o = sharpscope("uv", "run", "--width", "4", "--steps", "5", "--eta", "0.1",
                "--out", tmp.resolve("o").toString(), "--input-dim", "2147483647");
        assertThat(o.uncaught()).isNull();
        assertOneErrorLine(o, "");
    }
}
