package org.sharpscope.study.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.UserInputException;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Task;

/** Issue 16 regressions in sweeps: every bad spec, directory or disk is one line, and a huge plan is refused at once. */
class SweepBadInputTest {
    @TempDir
    Path tmp;

    /** Regression: a duplicate key in a sweep spec silently took the last value. */
    @Test
    void aDuplicateKeyInASpecIsRefused() {
        assertThatThrownBy(() -> SweepSpec.parse("command: logistic\ncommand: other\n", "spec"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("Duplicate field 'command'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> SweepSpec.parse("command: logistic\naxes:\n  r: [3]\n  r: [4]\n", "spec"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("Duplicate field 'r'");
    }

    /** Regression: 'sweep plan' on 10⁹ cells hung without a word; a range of 10⁹ points alone did too. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aPlanBeyondTheCellLimitIsRefusedAtOnceWithItsSize() {
        assertThatThrownBy(() -> SweepSpec.parse("command: logistic\naxes:\n  r: {from: 0, to: 4, points: 1000000000}\n", "spec"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("spec: axis 'r' has 1000000000 points, more than a sweep's limit of 100000 cells; use fewer points");
        String cross = "command: logistic\naxes:\n  r: {from: 0, to: 4, points: 1000}\n  x0: {from: 0, to: 1, points: 1000}\n"
                + "  steps: {from: 1, to: 9, points: 1000}\nseeds: [0, 1, 2]\n";
        assertThatThrownBy(() -> SweepSpec.parse(cross, "spec"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("spec: the sweep has 3,000,000,000 cells, more than the limit of 100,000; "
                        + "split it into several sweeps (fewer axis values or seeds each)");
        assertThatThrownBy(() -> SweepSpec.parse("command: logistic\naxes:\n  r: {from: 0, to: 4, points: 99999999999}\n", "spec"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("points must be an integer of at most 100000");
    }

    @Test
    void theCellCountCountsAZipGroupOnceAndTheSeeds() {
        SweepSpec s = SweepSpec.parse("command: logistic\naxes:\n  r: [1, 2, 3]\n  x0: [0.1, 0.2, 0.3]\n  steps: [5, 6]\n"
                + "zip: [[r, x0]]\nseeds: [0, 1]\n", "spec");
        assertThat(s.cellCount()).isEqualTo(3 * 2 * 2);
        assertThat(SweepPlan.of(s, LogisticTask::lookup).cells()).hasSize(12);
    }

    /** A sweep spec that is a directory is said to be one, not to be missing. */
    @Test
    void aDirectoryAsSpecIsSaidToBeADirectory() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("spec.yaml"));
        assertThatThrownBy(() -> SweepSpec.read(dir)).isInstanceOf(UserInputException.class)
                .hasMessage("sweep spec " + dir + " is a directory; give the path of a YAML spec file");
    }

    /** A task that fails as a full disk does, deep inside a wrapped exception with a multi-line message. */
    private record FullDisk() implements Task<LogisticTask.Spec, LogisticTask.Summary> {
        @Override
        public String name() {
            return "full-disk";
        }

        @Override
        public Class<LogisticTask.Spec> specType() {
            return LogisticTask.Spec.class;
        }

        @Override
        public LogisticTask.Summary run(LogisticTask.Spec spec, RunContext context) {
            IOException enospc = new FileSystemException(context.out().resolve("metrics.csv").toString(), null, "No space left on device");
            throw new IllegalStateException("writer failed\n\tat somewhere\n\t... 20 more", new UncheckedIOException(enospc));
        }
    }

    /** Regression: a sweep cell that ran out of disk recorded "... 20 more" as its error. */
    @Test
    void aCellThatRunsOutOfDiskRecordsOneErrorLine() {
        SweepPlan plan = SweepPlan.of(SweepSpec.parse("command: full-disk\naxes: {r: [3.2]}\n", "spec"), name -> new FullDisk());
        CellOutcome o = CellExecutor.run(plan.task(), plan.cells().get(0), tmp.resolve("cell"), 1);
        assertThat(o.status()).isEqualTo(CellOutcome.FAILED);
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.error()).isEqualTo("error: No space left on device; check the files and free space");
        assertThat(tmp.resolve("cell").resolve(CellExecutor.LOG)).content().contains("UncheckedIOException");
    }

    /**
     * The same on a real full disk: a 64 kB tmpfs (mounted only where this runs as root on
     * Linux; skipped elsewhere) that the cell's metrics.csv overflows.
     */
    @Test
    void aCellOnAFullTmpfsRecordsOneErrorLine() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("tmpfs"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString()), "cannot mount a tmpfs here");
        try {
            SweepPlan plan = SweepPlan.of(SweepSpec.parse("command: logistic\nbase: {steps: 20000}\naxes: {r: [3.9]}\n", "spec"),
                    LogisticTask::lookup);
            CellOutcome o = CellExecutor.run(plan.task(), plan.cells().get(0), mount.resolve("cell"), 1);
            assertThat(o.status()).isEqualTo(CellOutcome.FAILED);
            assertThat(o.exitCode()).isEqualTo(2);
            assertThat(o.error()).startsWith("error: ").contains("No space left on device").doesNotContain("\n")
                    .doesNotContainPattern("\\w+Exception|\\.\\.\\. \\d+ more");
        } finally {
            run("umount", mount.toString());
        }
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Regression-style: an index whose cell has no status or a directory outside cells/ is refused in one line. */
    @Test
    void aDamagedIndexIsRefusedInOneLine() throws IOException {
        SweepPlan plan = SweepPlan.of(SweepSpec.parse("command: logistic\naxes: {r: [3.2, 3.5]}\n", "spec"), LogisticTask::lookup);
        Path root = tmp.resolve("sweep");
        SweepDirectory.prepare(root, plan, "command: logistic\naxes: {r: [3.2, 3.5]}\n", false, false);
        String index = Files.readString(root.resolve(SweepDirectory.INDEX));
        Files.writeString(root.resolve(SweepDirectory.INDEX), index.replaceFirst("\"status\" : \"pending\"", "\"status\" : null"));
        assertThatThrownBy(() -> SweepDirectory.open(root)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("is not a readable sweep index (cell cell-0000 has the status null)");
        Files.writeString(root.resolve(SweepDirectory.INDEX), index.replaceFirst("\"cells/cell-0000\"", "\"../..\""));
        assertThatThrownBy(() -> SweepDirectory.open(root)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("has the directory '../..', outside cells/");
    }

    /** Regression: 'collect --regime nosuchfield' drew a phase diagram of "unknown" everywhere. */
    @Test
    void aRegimeFieldThatNoCellHasIsRefused() {
        String spec = "command: logistic\naxes:\n  r: [2.8, 3.2]\n  x0: [0.3, 0.6]\n";
        SweepPlan plan = SweepPlan.of(SweepSpec.parse(spec, "spec"), LogisticTask::lookup);
        SweepDirectory dir = SweepDirectory.prepare(tmp.resolve("collect"), plan, spec, false, false);
        new LocalRunner(1, org.sharpscope.study.Progress.NONE).run(dir, plan.task(), dir.pending(plan));
        assertThatThrownBy(() -> SweepCollection.collect(dir, new CollectSettings(null, null, "nosuchfield", null, null, null, null, null, null)))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("--regime 'nosuchfield' is not a field of any cell's summary; the fields are [eta, c, ");
        SweepCollection c = SweepCollection.collect(dir, new CollectSettings(null, null, "early_trend", null, null, null, null, null, null));
        assertThat(c.phase().points()).extracting(RegimeGrid.Point::label).doesNotContain("unknown");
    }
}
