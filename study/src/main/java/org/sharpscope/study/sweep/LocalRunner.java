package org.sharpscope.study.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sharpscope.study.Progress;
import org.sharpscope.study.Task;

/**
 * Runs cells on this machine with a bounded pool of {@code workers} threads, each cell
 * in-process, reporting progress over cells. Cells of a task whose spec has {@code threads}
 * (such as {@code train}) get {@code cores/workers} threads unless the sweep sets it, so
 * libtorch's and OpenBLAS's pools do not oversubscribe the cores.
 */
public final class LocalRunner implements CellRunner {
    private final int workers;
    private final Progress progress;

    /** {@code workers} ≥ 1 threads; {@code progress} hears of every finished cell. */
    public LocalRunner(int workers, Progress progress) {
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
    public void run(SweepDirectory dir, Task<?, ?> task, List<Cell> cells) {
        if (cells.isEmpty()) return;
        int n = Math.min(workers, cells.size());
        int threads = torchThreadsPerCell(workers);
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "sweep-cell");
            t.setDaemon(true);
            return t;
        });
        progress.start("sweep", cells.size());
        int[] done = {0};
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Cell cell : cells) {
                futures.add(pool.submit(() -> {
                    CellOutcome o = CellExecutor.run(task, cell, dir.cellDir(cell), threads);
                    dir.record(cell, o);
                    synchronized (done) {
                        progress.update(++done[0], cell.id() + " " + o.status());
                    }
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
            progress.finish();
        }
    }
}
