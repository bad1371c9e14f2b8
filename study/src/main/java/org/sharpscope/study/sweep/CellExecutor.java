package org.sharpscope.study.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
 * anything else failed: a value the task refuses, a full disk or too little memory as
 * {@code error: <one line>} (exit code 2, as the command line reports it), any other exception
 * as {@code internal error: <the exception>} (exit code -1), its stack trace in the cell's log.
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
                RunDirectory.deleteTree(cellDir);
                runFresh(task, cell, cellDir, threads);
            }
            Figures.discover().draw(task.name(), cellDir);
        } catch (Throwable t) { // a crashing cell must not stop the sweep
            error = errorLine(t);
            code = error.startsWith("error: ") ? 2 : -1;
            t.printStackTrace(out);
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
            RunDirectory.deleteTree(tmp);
        }
    }

    private static <S extends Record> void runFresh(Task<S, ?> task, Cell cell, Path cellDir, int threads) {
        task.run(cell.spec(task.specType(), threads), RunContext.quiet(cellDir));
    }

    /**
     * The one line that index.json records for a failed cell, as the command line would print
     * it: {@code error: <message>} for what the user can fix (a refused value, a full disk, too
     * little memory), {@code internal error: <exception>} for a bug.
     */
    static String errorLine(Throwable t) {
        UserInputException user = cause(t, UserInputException.class);
        if (user != null) return "error: " + firstLine(user.getMessage());
        IOException io = cause(t, IOException.class);
        if (io != null) return "error: " + AtomicFiles.reason(io) + "; check the files and free space";
        OutOfMemoryError oom = cause(t, OutOfMemoryError.class);
        if (oom != null) return "error: ran out of memory (" + firstLine(oom.getMessage()) + "); use smaller sizes";
        return "internal error: " + firstLine(String.valueOf(t));
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) return type.cast(c);
        }
        return null;
    }

    private static String firstLine(String text) {
        if (text == null) return "";
        return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    }
}
