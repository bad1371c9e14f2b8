package org.sharpscope.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sharpscope.cli.Sharpscope;
import picocli.CommandLine;

/**
 * Runs {@code sharpscope ARGS} in this JVM as a user would (picocli's writers and the JVM's
 * System.out/err both captured), on a worker thread so that a case that runs away is stopped
 * at the wall-clock limit instead of stalling the suite.
 */
final class CaseRunner implements AutoCloseable {
    /** What one invocation did. {@code exit} is -1 when it threw or timed out. */
    record Outcome(int exit, String out, String err, Throwable uncaught, boolean timedOut, double seconds) {}

    private Thread thread;
    private ExecutorService worker = newWorker();
    /** Runaway cases whose thread could not be stopped: they keep a core busy. */
    private int runaways;

    private ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    /** True once two runaway threads are left: later cases would be timed on a machine they share. */
    boolean poisoned() {
        return runaways >= 2;
    }

    /** Interrupts the case's thread, and stops it if it ignores that (the process only runs tests). */
    @SuppressWarnings({"deprecation", "removal"})
    private void stopRunaway() {
        Thread t = thread;
        worker.shutdownNow();
        try {
            t.join(2_000);
            if (t.isAlive()) {
                try {
                    t.stop();
                } catch (UnsupportedOperationException e) {
                    // Java 20+: a thread can no longer be stopped; it is counted as a runaway
                }
                t.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) runaways++;
        worker = newWorker();
    }

    Outcome run(List<String> args, long limitMillis) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
        ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        long t0 = System.nanoTime();
        int exit = -1;
        Throwable uncaught = null;
        boolean timedOut = false;
        // Swapped before the command line is built: picocli otherwise keeps writers on the JVM's streams.
        System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
        CommandLine cl = Sharpscope.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        Future<Integer> f = worker.submit(() -> cl.execute(args.toArray(String[]::new)));
        try {
            exit = f.get(limitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            timedOut = true;
            f.cancel(true);
            stopRunaway();
        } catch (ExecutionException e) {
            uncaught = e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            uncaught = e;
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Outcome(exit, out + sysOut.toString(StandardCharsets.UTF_8),
                err + sysErr.toString(StandardCharsets.UTF_8), uncaught, timedOut, seconds);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
