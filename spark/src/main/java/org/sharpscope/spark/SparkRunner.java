package org.sharpscope.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.sharpscope.study.Task;
import org.sharpscope.study.Tasks;
import org.sharpscope.study.sweep.Cell;
import org.sharpscope.study.sweep.CellExecutor;
import org.sharpscope.study.sweep.CellOutcome;
import org.sharpscope.study.sweep.CellRunner;
import org.sharpscope.study.sweep.SweepDirectory;

/**
 * Runs a sweep's cells on Apache Spark, one Spark task per cell (submitted as its own small job,
 * so outcomes are recorded in the index as cells end). Each task runs the cell in-process on its
 * executor through {@link CellExecutor}, writing the run directory straight into the sweep
 * directory, which must therefore be a path every executor sees (a local path for
 * {@code local[N]}, a shared mount on a cluster), or, with a {@link HadoopSweepStore}, into a
 * local scratch directory that is then uploaded to the store (HDFS, S3, ...). A cell of a task
 * whose spec has {@code threads} (such as {@code train}) gets {@code spark.task.cpus} threads
 * (default 1), the cores Spark reserves for each task.
 */
public final class SparkRunner implements CellRunner {
    /** Finds a cell's task by name on an executor (the task itself does not travel, its name does). */
    public interface TaskLookup extends Serializable {
        Task<?, ?> named(String name);
    }

    private final String master;
    private final HadoopSweepStore store;
    private final TaskLookup tasks;

    /**
     * {@code master}: a Spark master URL, or null to take it from spark-submit (or
     * {@code local[*]}); {@code store}: where the sweep lives when it is a URI, else null. Cells
     * run the tasks of this build ({@link Tasks#named}).
     */
    public SparkRunner(String master, HadoopSweepStore store) {
        this(master, store, Tasks::named);
    }

    /** As {@link #SparkRunner(String, HadoopSweepStore)}, with the tasks found by {@code tasks}. */
    public SparkRunner(String master, HadoopSweepStore store, TaskLookup tasks) {
        this.master = master;
        this.store = store;
        this.tasks = tasks;
    }

    @Override
    public void run(SweepDirectory dir, Task<?, ?> task, List<Cell> cells) {
        if (store != null) {
            store.push(dir.root(), SweepDirectory.SPEC);
            store.push(dir.root(), SweepDirectory.INDEX);
        }
        if (cells.isEmpty()) return;
        SparkConf conf = new SparkConf().setAppName("sharpscope sweep " + dir.root().getFileName());
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        String root = dir.root().toAbsolutePath().toString();
        String name = task.name();
        HadoopSweepStore remote = store;
        TaskLookup lookup = tasks;
        int threads = conf.getInt("spark.task.cpus", 1);
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            List<JavaFutureAction<List<CellOutcome>>> jobs = new ArrayList<>();
            for (Cell cell : cells) {
                jobs.add(sc.parallelize(List.of(cell), 1).map(c -> remote == null
                        ? runCell(lookup.named(name), root, c, threads)
                        : runRemoteCell(lookup.named(name), remote, c, threads)).collectAsync());
            }
            for (int i = 0; i < cells.size(); i++) {
                dir.record(cells.get(i), jobs.get(i).get().get(0));
                if (store != null) store.push(dir.root(), SweepDirectory.INDEX);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted; continue it with --resume", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a Spark task failed outside its cell: " + e.getCause(), e.getCause());
        }
    }

    /** What a Spark task does for a sweep on a store: run the cell in scratch space, upload it, clean up. */
    static CellOutcome runRemoteCell(Task<?, ?> task, HadoopSweepStore store, Cell cell, int threads) throws IOException {
        Path scratch = Files.createTempDirectory("sharpscope-cell");
        try {
            Path cellDir = scratch.resolve(cell.id());
            CellOutcome o = CellExecutor.run(task, cell, cellDir, threads);
            store.uploadCell(cellDir, cell.id());
            return o;
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    /** What a Spark task does: run one cell into {@code root/cells/<id>} (resuming it when its task can). */
    static CellOutcome runCell(Task<?, ?> task, String root, Cell cell, int threads) {
        return CellExecutor.run(task, cell, Path.of(root, SweepDirectory.CELLS, cell.id()), threads);
    }
}
