package org.sharpscope.cli.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sharpscope.cli.Sharpscope;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.Json;
import org.sharpscope.run.RunDirectory;
import picocli.CommandLine;

/**
 * Runs one cell in-process: the cell's command through {@link Sharpscope#commandLine()} with its
 * flags and {@code --out CELL_DIR}. Exit code 0 with a summary.json means finished; anything
 * else (non-zero exit, an exception) means failed, keeping the command's last error line. The
 * command's terminal output goes to {@code sweep-cell.log} in the cell directory, and the
 * outcome to the marker {@code sweep-cell.json}, written last.
 */
public final class CellExecutor {
    public static final String LOG = "sweep-cell.log";

    private CellExecutor() {}

    /** Runs {@code cell} into {@code cellDir} with the command's own thread setting; see {@link #run(CellCommand, Cell, Path, int)}. */
    public static CellOutcome run(CellCommand command, Cell cell, Path cellDir) {
        return run(command, cell, cellDir, 0);
    }

    /**
     * Runs {@code cell} into {@code cellDir}. A directory left by an interrupted attempt is
     * continued with {@code --resume} when the command supports it and has checkpoints there
     * (its config.yaml then supplies every flag, threads included); otherwise it is cleared and
     * the cell starts over. {@code threads} &gt; 0 is passed as {@code --threads} to a command
     * that has that flag, unless the spec sets it, so that cells running side by side do not
     * oversubscribe the cores.
     */
    public static CellOutcome run(CellCommand command, Cell cell, Path cellDir, int threads) {
        long t0 = System.nanoTime();
        List<String> args;
        if (Files.isDirectory(cellDir) && command.supportsResume() && hasCheckpoints(cellDir)) {
            args = new ArrayList<>(command.words());
            args.add(CellCommand.RESUME_FLAG);
            args.add(cellDir.toString());
        } else {
            deleteTree(cellDir);
            args = cell.args(command.words(), cellDir.toString());
            if (threads > 0 && command.takesThreads() && !cell.flags().contains(CellCommand.THREADS_FLAG)) {
                args.add(CellCommand.THREADS_FLAG);
                args.add(Integer.toString(threads));
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        String error = null;
        try {
            CommandLine cl = Sharpscope.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            code = cl.execute(args.toArray(String[]::new));
            if (code != 0) error = lastLine(err.toString(), "exit code " + code);
        } catch (Throwable t) { // a crashing cell must not stop the sweep
            code = -1;
            error = lastLine(String.valueOf(t), t.getClass().getName());
        }
        if (code == 0 && !Files.isRegularFile(cellDir.resolve(RunDirectory.SUMMARY))) {
            error = "the command ended without writing " + RunDirectory.SUMMARY;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        CellOutcome outcome = new CellOutcome(error == null ? CellOutcome.FINISHED : CellOutcome.FAILED, code, error, seconds);
        AtomicFiles.writeString(cellDir.resolve(LOG), out + err.toString());
        Json.writeJson(cellDir.resolve(SweepDirectory.CELL_MARKER), outcome);
        return outcome;
    }

    private static boolean hasCheckpoints(Path cellDir) {
        Path ck = cellDir.resolve("checkpoints");
        if (!Files.isDirectory(ck)) return false;
        try (Stream<Path> s = Files.list(ck)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
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
