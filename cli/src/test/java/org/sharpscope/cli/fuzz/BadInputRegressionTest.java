package org.sharpscope.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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

    // Issue 16, uv and network commands: each case was in BadInputFuzzTest.KNOWN_FAILURES.

    private static Templates templates;

    private static synchronized Templates templates() throws IOException {
        if (templates == null) templates = new Templates(Files.createTempDirectory("regression-templates"), runner);
        return templates;
    }

    private static String[] network(String command, String... more) {
        List<String> args = new ArrayList<>(Bases.network(command).args());
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** A copy of the template train run, to damage. */
    private Path trainRunCopy(String name) throws IOException {
        Path from = templates().trainRun();
        Path to = tmp.resolve(name);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(q);
                else Files.copy(p, q);
            }
        }
        return to;
    }

    /** Regression: a --config value that a flag overrides (steps: abc with --steps 5) was never checked. */
    @Test
    void uvRunChecksTheWholeConfigEvenWhereAFlagOverridesIt() throws Exception {
        for (String text : List.of("steps: abc\n", "steps: {a: 1}\n")) {
            Path config = Files.writeString(tmp.resolve("c.yaml"), text);
            assertOneErrorLine(sharpscope("uv", "run", "--config", config.toString(), "--steps", "5", "--eta", "0.1",
                    "--out", tmp.resolve("o").toString()), config.toString());
            assertThat(tmp.resolve("o")).doesNotExist();
        }
    }

    /** Regression: the parameter count of --width 2147483647 overflowed an int (ArithmeticException, exit 1). */
    @Test
    void aHugeWidthIsRefusedBeforeTheNetworkIsBuilt() {
        for (String command : List.of("sharpness", "train")) {
            Invocation inv = Bases.network(command).with("--width", "2147483647").with("--out", tmp.resolve(command).toString());
            if (command.equals("train")) inv = inv.with("--eta", "0.1").with("--steps", "2");
            CaseRunner.Outcome o = sharpscope(inv.args().toArray(String[]::new));
            assertOneErrorLine(o, "--width 2147483647");
            assertThat(o.seconds()).isLessThan(10);
        }
    }

    /** Regression: a checkpoint of NaN weights gave λ = NaN with exit 0. */
    @Test
    void sharpnessRefusesACheckpointOfNonFiniteWeights() throws Exception {
        Path ckpt = Files.write(tmp.resolve("nan.safetensors"), Damage.nanWeights(Damage.read(templates().checkpoint())));
        assertOneErrorLine(sharpscope(network("sharpness", "--checkpoint", ckpt.toString())), "non-finite weight");
    }

    /** Regression: a directory given as --checkpoint was said not to exist. */
    @Test
    void sharpnessSaysACheckpointDirectoryIsADirectory() {
        assertOneErrorLine(sharpscope(network("sharpness", "--checkpoint", tmp.toString())), tmp + " is a directory");
    }

    /** Regression: an unconverged spectrum said so only on stdout. */
    @Test
    void spectrumWarnsOnStderrWhenNotConverged() {
        Path m = Fixtures.matrix(new Workspace(tmp.resolve("w")), "m.mtx");
        CaseRunner.Outcome o = sharpscope("spectrum", "--matrix", m.toString(), "--max-products", "1");
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.err().strip()).startsWith("warning: the eigenvalues did NOT converge");
    }

    /** Regression: --sigma NaN/±Infinity was checked only with --density. */
    @Test
    void spectrumChecksSigmaWithoutDensity() {
        Path m = Fixtures.matrix(new Workspace(tmp.resolve("w")), "m.mtx");
        for (String sigma : List.of("NaN", "Infinity", "-Infinity")) {
            assertOneErrorLine(sharpscope("spectrum", "--matrix", m.toString(), "--sigma", sigma), "--sigma");
        }
    }

    /** Regression: train --c , (no value) ran. */
    @Test
    void trainRefusesAnEmptyCList() {
        assertOneErrorLine(sharpscope(network("train", "--c", ",", "--steps", "2", "--out", tmp.resolve("o").toString())),
                "--c has no value");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    /** Regression: resume rewrote manifest.json before refusing a damaged metrics.csv, or failed with a NumberFormatException. */
    @Test
    void resumeChecksTheRunBeforeWritingAnything() throws Exception {
        Map<String, java.util.function.UnaryOperator<String>> damage = new LinkedHashMap<>();
        damage.put("empty", m -> "");
        damage.put("header-only", m -> m.lines().findFirst().orElseThrow() + "\n");
        damage.put("text", m -> m.replaceAll("\n(\\d+),[^,\n]*", "\n$1,abc"));
        Map<String, String> expected = Map.of("empty", "is empty", "header-only", "has no rows", "text", "is 'abc', not a number");
        for (var e : damage.entrySet()) {
            Path run = trainRunCopy("run-" + e.getKey());
            Path metrics = run.resolve("metrics.csv");
            Files.writeString(metrics, e.getValue().apply(Files.readString(metrics)));
            byte[] manifest = Files.readAllBytes(run.resolve("manifest.json"));
            assertOneErrorLine(sharpscope("train", "--resume", run.toString()), expected.get(e.getKey()));
            assertThat(Files.readAllBytes(run.resolve("manifest.json"))).as(e.getKey()).isEqualTo(manifest);
        }
    }

    /** Regression: --resume silently ignored --eta and --out. */
    @Test
    void resumeRefusesSettingsThatDifferFromTheStoredRun() throws Exception {
        Path run = trainRunCopy("run");
        assertOneErrorLine(sharpscope("train", "--resume", run.toString(), "--eta", "0.5"), "--eta 0.5 differs from");
        assertOneErrorLine(sharpscope("train", "--resume", run.toString(), "--out", tmp.resolve("new").toString()),
                "conflicts with --resume");
        assertThat(tmp.resolve("new")).doesNotExist();
    }

    /** Regression: settings that do nothing (a batch larger than the data, β with gd, --norm on an fcn) were accepted. */
    @Test
    void trainRefusesSettingsThatDoNothing() {
        String out = tmp.resolve("o").toString();
        assertOneErrorLine(sharpscope(network("train", "--eta", "0.1", "--optimizer", "sgd", "--batch-size", "1000", "--out", out)),
                "--batch-size 1000 is larger than the 16 examples");
        assertOneErrorLine(sharpscope(network("train", "--eta", "0.1", "--momentum", "0.5", "--out", out)),
                "--momentum 0.5 does nothing with --optimizer gd");
        assertOneErrorLine(sharpscope(network("train", "--eta", "0.1", "--norm", "batch", "--out", out)),
                "--norm batch does nothing on a fcn");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    /** Regression: uv doublings accepted --to 5 and failed on --from 4.9e-324 with an IllegalStateException. */
    @Test
    void doublingsRefusesARangeOutsideTheDocumentedOne() {
        assertOneErrorLine(sharpscope("uv", "doublings", "--to", "5"), "--to must be at most 2.0");
        assertOneErrorLine(sharpscope("uv", "doublings", "--from", "4.9e-324"), "--from must be at least 0.01");
    }

    /** Regression: these ran for hours; each now has a stated limit, refused at once. */
    @Test
    void endlessWorkIsRefusedAtOnce() {
        String big = "2147483647";
        String out = tmp.resolve("o").toString();
        List<String[]> cases = List.of(
                new String[] {"uv", "lyapunov", "--eta-over-etac", "1.5", "--transient", big, "--out", out},
                new String[] {"uv", "lyapunov", "--eta-over-etac", "1.5", "--steps", big, "--out", out},
                new String[] {"uv", "bifurcation", "--transient", big, "--out", out},
                network("sharpness", "--trace", big, "--out", out),
                network("train", "--eta", "0.1", "--steps", big, "--out", out));
        for (String[] args : cases) {
            CaseRunner.Outcome o = sharpscope(args);
            assertOneErrorLine(o, "");
            assertThat(o.err()).as(String.join(" ", args)).containsAnyOf("at most", "exceeds");
            assertThat(o.seconds()).isLessThan(10);
        }
        assertThat(tmp.resolve("o")).doesNotExist();
    }
}
