package org.sharpscope.spark;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.sharpscope.run.Json;
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
 * {@code local[N]} or a cluster on one machine, a shared mount otherwise), or, with a
 * {@link HadoopSweepStore}, into a local scratch directory that is then uploaded to the store
 * (HDFS, S3, ...). A cell of a task whose spec has {@code threads} (such as {@code train}) gets
 * {@code spark.task.cpus} threads (default 1), the cores Spark reserves for each task.
 *
 * <p>Spark reruns the task of a lost executor elsewhere. A rerun that finds the cell already
 * finished by the lost attempt (its marker written, its result not yet back at the driver) takes
 * that outcome instead of running the cell again; one that finds a partial cell starts it over
 * (or continues it, for a resumable task), as a resumed sweep does.
 */
public final class SparkRunner implements CellRunner {
    /**
     * System property naming the jars executors need besides Spark's own (the program and its
     * libraries, path-separated); the launcher sets it. Used for a cluster master when
     * {@code spark.jars} is unset (spark-submit sets that from {@code --jars}).
     */
    public static final String APPLICATION_JARS = "sharpscope.spark.jars";

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
        SparkConf conf = conf("sharpscope sweep " + dir.root().getFileName());
        String root = dir.root().toAbsolutePath().toString();
        String name = task.name();
        HadoopSweepStore remote = store;
        TaskLookup lookup = tasks;
        int threads = conf.getInt("spark.task.cpus", 1);
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            Map<Cell, JavaFutureAction<List<CellOutcome>>> running = new LinkedHashMap<>();
            for (Cell cell : cells) {
                running.put(cell, sc.parallelize(List.of(cell), 1).map(c -> remote == null
                        ? runCell(lookup.named(name), root, c, threads)
                        : runRemoteCell(lookup.named(name), remote, c, threads)).collectAsync());
            }
            while (!running.isEmpty()) {
                boolean any = false;
                for (var it = running.entrySet().iterator(); it.hasNext(); ) {
                    var job = it.next();
                    if (!job.getValue().isDone()) continue;
                    dir.record(job.getKey(), job.getValue().get().get(0));
                    if (store != null) store.push(dir.root(), SweepDirectory.INDEX);
                    it.remove();
                    any = true;
                }
                if (!any) Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted; continue it with --resume", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a Spark task failed outside its cell: " + e.getCause(), e.getCause());
        }
        if (store != null) store.clearAttempts();
    }

    /**
     * The application's configuration: {@code master} (else spark-submit's, else
     * {@code local[*]}), no web UI unless asked for, the program's jars for a cluster's executors
     * ({@link #APPLICATION_JARS}), and a driver reachable on 127.0.0.1 when the master is there.
     */
    SparkConf conf(String appName) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        String url = conf.get("spark.master");
        if (!url.startsWith("local")) {
            String jars = System.getProperty(APPLICATION_JARS);
            if (jars != null && !conf.contains("spark.jars")) conf.set("spark.jars", String.join(",", jars.split(File.pathSeparator)));
            if (onLoopback(url)) conf.setIfMissing("spark.driver.host", "127.0.0.1");
        }
        return conf;
    }

    /** True for a master such as {@code spark://127.0.0.1:7077}: its executors run on this machine. */
    static boolean onLoopback(String masterUrl) {
        try {
            String host = URI.create(masterUrl).getHost();
            return host != null && (host.equals("localhost") || host.startsWith("127."));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * What a Spark task does for a sweep on a store: run the cell in scratch space, upload it,
     * clean up. The scratch space is in the executor's own directory, which its worker removes
     * when the application ends, so a killed task leaves nothing behind.
     */
    static CellOutcome runRemoteCell(Task<?, ?> task, HadoopSweepStore store, Cell cell, int threads) throws IOException {
        CellOutcome earlier = store.finished(cell.id());
        if (earlier != null) return earlier;
        Path scratch = Files.createTempDirectory(Path.of(SparkFiles.getRootDirectory()), "sharpscope-cell");
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
        Path cellDir = Path.of(root, SweepDirectory.CELLS, cell.id());
        CellOutcome earlier = finishedMarker(cellDir);
        if (earlier != null) return earlier;
        return CellExecutor.run(task, cell, cellDir, threads);
    }

    /** The outcome in the cell's marker when it says finished; null when there is none (or it is unreadable or failed). */
    static CellOutcome finishedMarker(Path cellDir) {
        Path marker = cellDir.resolve(SweepDirectory.CELL_MARKER);
        if (!Files.isRegularFile(marker)) return null;
        try {
            CellOutcome o = Json.JSON.readValue(marker.toFile(), CellOutcome.class);
            return o.finished() ? o : null;
        } catch (IOException e) {
            return null;
        }
    }
}
