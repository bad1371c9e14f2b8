package org.sharpscope.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.sharpscope.cli.sweep.Cell;
import org.sharpscope.cli.sweep.CellCommand;
import org.sharpscope.cli.sweep.CellExecutor;
import org.sharpscope.cli.sweep.CellOutcome;
import org.sharpscope.cli.sweep.CellRunner;
import org.sharpscope.cli.sweep.SweepDirectory;

/**
 * Runs a sweep's cells on Apache Spark, one Spark task per cell (submitted as its own small job,
 * so outcomes are recorded in the index as cells end). Each task runs the cell in-process on its
 * executor through {@link CellExecutor}, writing the run directory straight into the sweep
 * directory, which must therefore be a path every executor sees (a local path for
 * {@code local[N]}, a shared mount on a cluster), or, with a {@link HadoopSweepStore}, into a
 * local scratch directory that is then uploaded to the store (HDFS, S3, ...). A cell of a command
 * with {@code --threads} (such as {@code train}) gets {@code spark.task.cpus} threads (default 1),
 * the cores Spark reserves for each task.
 */
public final class SparkRunner implements CellRunner {
    private final String master;
    private final HadoopSweepStore store;

    /**
     * {@code master}: a Spark master URL, or null to take it from spark-submit (or
     * {@code local[*]}); {@code store}: where the sweep lives when it is a URI, else null.
     */
    public SparkRunner(String master, HadoopSweepStore store) {
        this.master = master;
        this.store = store;
    }

    @Override
    public void run(SweepDirectory dir, CellCommand command, List<Cell> cells) {
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
        String name = command.name();
        HadoopSweepStore remote = store;
        int threads = conf.getInt("spark.task.cpus", 1);
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            List<JavaFutureAction<List<CellOutcome>>> jobs = new ArrayList<>();
            for (Cell cell : cells) {
                jobs.add(sc.parallelize(List.of(cell), 1).map(c -> remote == null ? runCell(name, root, c, threads) : runRemoteCell(name, remote, c, threads)).collectAsync());
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
    static CellOutcome runRemoteCell(String command, HadoopSweepStore store, Cell cell, int threads) throws java.io.IOException {
        Path scratch = java.nio.file.Files.createTempDirectory("sharpscope-cell");
        try {
            Path cellDir = scratch.resolve(cell.id());
            CellOutcome o = CellExecutor.run(CellCommand.of(command), cell, cellDir, threads);
            store.uploadCell(cellDir, cell.id());
            return o;
        } finally {
            try (var files = java.nio.file.Files.walk(scratch)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) java.nio.file.Files.delete(p);
            }
        }
    }

    /** What a Spark task does: run one cell into {@code root/cells/<id>} (resuming it from its checkpoints when it has some). */
    static CellOutcome runCell(String command, String root, Cell cell, int threads) {
        return CellExecutor.run(CellCommand.of(command), cell, Path.of(root, SweepDirectory.CELLS, cell.id()), threads);
    }
}
