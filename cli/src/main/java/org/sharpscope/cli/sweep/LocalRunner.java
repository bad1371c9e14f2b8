package org.sharpscope.cli.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs cells on this machine with a bounded pool of {@code workers} threads, each cell
 * in-process, with a progress bar over cells when the output is a terminal. Cells of a command
 * with {@code --threads} (such as {@code train}) get {@code --threads cores/workers} unless the
 * spec sets it, so libtorch's and OpenBLAS's pools do not oversubscribe the cores.
 */
public final class LocalRunner implements CellRunner {
    /**
     * Test hook: with this system property set to n, the JVM halts (as if killed) right after
     * the n-th cell of this process has been recorded; used to test {@code --resume}.
     */
    public static final String HALT_AFTER_PROPERTY = "sharpscope.sweep.haltAfterCells";

    private final int workers;
    private final boolean progress;

    /** {@code workers} ≥ 1 threads; {@code progress} shows a bar (give false when not a terminal). */
    public LocalRunner(int workers, boolean progress) {
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1");
        this.workers = workers;
        this.progress = progress;
    }

    /** The default worker count: one per core. */
    public static int defaultWorkers() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Intra-op threads for each libtorch cell when {@code workers} cells run at once. */
    public static int torchThreadsPerCell(int workers) {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
    }

    @Override
    public void run(SweepDirectory dir, CellCommand command, List<Cell> cells) {
        if (cells.isEmpty()) return;
        int n = Math.min(workers, cells.size());
        int threads = torchThreadsPerCell(workers);
        int haltAfter = Integer.getInteger(HALT_AFTER_PROPERTY, -1);
        AtomicInteger recorded = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "sweep-cell");
            t.setDaemon(true);
            return t;
        });
        ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName("sweep").setInitialMax(cells.size())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setUnit(" cells", 1).build() : null;
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Cell cell : cells) {
                futures.add(pool.submit(() -> {
                    CellOutcome o = CellExecutor.run(command, cell, dir.cellDir(cell), threads);
                    dir.record(cell, o);
                    if (bar != null) bar.step();
                    if (recorded.incrementAndGet() == haltAfter) Runtime.getRuntime().halt(137);
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted; continue it with --resume", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sweep runner failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            if (bar != null) bar.close();
        }
    }
}
