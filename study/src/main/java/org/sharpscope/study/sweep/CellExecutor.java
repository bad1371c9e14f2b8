package org.sharpscope.study.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.sharpscope.UserInputException;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.Json;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.Figures;
import org.sharpscope.study.Resumable;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Task;

/**
 * Runs one cell in-process: its task on the cell's spec into the cell directory, then the
 * task's figures ({@link Figures#discover()}). A summary.json at the end means finished;
 * anything else failed: a value the task refuses as {@code error: <its one-line message>} (exit
 * code 2, as the command line reports it), any other exception by its last line (exit code -1).
 * The outcome goes to {@code sweep-cell.log} and then to the marker {@code sweep-cell.json},
 * written last.
 */
public final class CellExecutor {
    public static final String LOG = "sweep-cell.log";

    private CellExecutor() {}

    /**
     * Runs {@code cell} of {@code task} into {@code cellDir}. A directory left by an interrupted
     * attempt is continued when the task is {@link Resumable} and can resume it (its config.yaml
     * then supplies every setting, threads included); otherwise it is cleared and the cell starts
     * over. {@code threads} &gt; 0 is the thread count of a task whose spec has a
     * {@code threads} key the cell leaves unset, so that cells running side by side do not
     * oversubscribe the cores.
     */
    public static CellOutcome run(Task<?, ?> task, Cell cell, Path cellDir, int threads) {
        long t0 = System.nanoTime();
        StringWriter log = new StringWriter();
        PrintWriter out = new PrintWriter(log, true);
        out.println(task.name() + " " + cell.id());
        int code = 0;
        String error = null;
        try {
            if (task instanceof Resumable<?> r && Files.isDirectory(cellDir) && r.canResume(cellDir)) {
                out.println("resumed from the run directory left by an interrupted attempt");
                r.resume(cellDir, RunContext.quiet(cellDir));
            } else {
                deleteTree(cellDir);
                runFresh(task, cell, cellDir, threads);
            }
            Figures.discover().draw(task.name(), cellDir);
        } catch (Throwable t) { // a crashing cell must not stop the sweep
            UserInputException user = userCause(t);
            code = user != null ? 2 : -1;
            error = user != null ? "error: " + user.getMessage() : lastLine(String.valueOf(t), t.getClass().getName());
            if (user == null) t.printStackTrace(out);
        }
        if (code == 0 && !Files.isRegularFile(cellDir.resolve(RunDirectory.SUMMARY))) {
            error = "the task ended without writing " + RunDirectory.SUMMARY;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        CellOutcome outcome = new CellOutcome(error == null ? CellOutcome.FINISHED : CellOutcome.FAILED, code, error, seconds);
        out.printf(Locale.ROOT, "%s in %.3f s%s%n", outcome.status(), seconds, error == null ? "" : ": " + error);
        AtomicFiles.writeString(cellDir.resolve(LOG), log.toString());
        Json.writeJson(cellDir.resolve(SweepDirectory.CELL_MARKER), outcome);
        return outcome;
    }

    /**
     * Runs {@code cell} once in a temporary directory, removed afterwards (to time a cell before
     * a sweep); {@code threads} as in {@link #run}.
     */
    public static CellOutcome trial(Task<?, ?> task, Cell cell, int threads) throws IOException {
        Path tmp = Files.createTempDirectory("sharpscope-plan");
        try {
            return run(task, cell, tmp.resolve(cell.id()), threads);
        } finally {
            deleteTree(tmp);
        }
    }

    private static <S extends Record> void runFresh(Task<S, ?> task, Cell cell, Path cellDir, int threads) {
        task.run(cell.spec(task.specType(), threads), RunContext.quiet(cellDir));
    }

    private static UserInputException userCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UserInputException u) return u;
        }
        return null;
    }

    private static String lastLine(String text, String fallback) {
        String last = null;
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) last = line.strip();
        }
        return last == null ? fallback : last;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir + ": " + e.getMessage(), e);
        }
    }
}
