package org.sharpscope.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.study.Progress;
import org.sharpscope.study.Tasks;
import org.sharpscope.study.sweep.CellOutcome;
import org.sharpscope.study.sweep.CollectSettings;
import org.sharpscope.study.sweep.IndexEntry;
import org.sharpscope.study.sweep.LocalRunner;
import org.sharpscope.study.sweep.SweepCollection;
import org.sharpscope.study.sweep.SweepDirectory;
import org.sharpscope.study.sweep.SweepIndex;

/**
 * Sweeps on a real Spark standalone cluster on this machine: a master and two workers of one
 * core each, each its own JVM ({@code spark/cluster.sh}), the sweep submitted through
 * spark-submit's main class, the cells run by executors in processes of their own that got the
 * program's classes and natives from the submitted jars. The results equal the local runner's;
 * a worker killed with its executor while cells run, and a driver killed mid-sweep and resumed,
 * change nothing; a sweep at an hdfs:// URI (a real namenode and datanode in this JVM) is
 * uploaded cell by cell and collected from there. The methods share one cluster and run in
 * order; the lost worker is last.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    /** 12 cells of about 1 s (200 steps of 5 ms) and 3 that the task refuses (r = 0). */
    static final String LOGISTIC_SPEC = """
            command: logistic
            base: {steps: 200, step-millis: 5}
            axes:
              r: [2.8, 3.2, 3.5, 3.9, 0.0]
              x0: [0.3, 0.6, 0.9]
            """;
    static final int CELLS = 15;
    static final int REFUSED = 3;

    @TempDir
    static Path tmp;
    static StandaloneCluster cluster;
    static Path reference;
    static final Map<String, Double> seconds = new LinkedHashMap<>();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandaloneCluster.start(tmp.toRealPath().resolve("cluster"), 2);
        reference = tmp.resolve("local");
        SparkSweepTest.sweep(LOGISTIC_SPEC, reference, new LocalRunner(2, Progress.NONE), LogisticMapTask::named);
        SweepCollection.collect(SweepDirectory.open(reference), CollectSettings.defaults());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) cluster.close();
        seconds.forEach((k, v) -> System.out.printf("cluster sweep timing: %s %.1f s%n", k, v));
    }

    @Test
    @Order(1)
    void sweepOnTwoWorkersGivesTheLocalRunnersResults() throws Exception {
        Path spec = write("logistic.yaml", LOGISTIC_SPEC);
        Path out = tmp.resolve("clean");
        Path log = tmp.resolve("clean.log");
        long before1 = cluster.tasksFinishedOn(1);
        long before2 = cluster.tasksFinishedOn(2);
        Process driver = cluster.submit(log, LogisticSparkSweep.class.getName(), StandaloneCluster.TESTS_JAR, List.of(),
                "run", spec.toString(), "--out", out.toString());
        assertThat(StandaloneCluster.await(driver, log, 10)).as(StandaloneCluster.tail(log)).isZero();
        seconds.put("clean", StandaloneCluster.sweepSeconds(log));

        assertThat(SparkSweep.execute(LogisticMapTask::named, "collect", out.toString())).isZero();
        assertSameTables(out, reference, "results.csv", "phase-diagram.csv", "bifurcation.csv");
        assertFinishedOnce(out);
        assertSameCells(out, reference);
        // Both workers' executors ran cells: the tasks crossed process boundaries.
        assertThat(cluster.tasksFinishedOn(1)).isGreaterThan(before1);
        assertThat(cluster.tasksFinishedOn(2)).isGreaterThan(before2);
    }

    /** 3 × 2 cells through the real {@code uv run} (from SparkSweepTest), λ₀ = 0.5 refused. Runs once 'uv run' is registered in Tasks. */
    @Test
    @Order(2)
    void uvSweepOnTheClusterGivesTheLocalRunnersTables() throws Exception {
        assumeTrue(registered("uv run"), "the task 'uv run' is not registered in org.sharpscope.study.Tasks yet");
        realTaskSweep("uv", SparkSweepTest.SPEC, CollectSettings.defaults(), List.of());
    }

    /** The small network sweep of SparkSweepTest through the real {@code train}. Runs once 'train' is registered in Tasks. */
    @Test
    @Order(3)
    void trainSweepOnTheClusterGivesTheLocalRunnersTables() throws Exception {
        assumeTrue(registered("train"), "the task 'train' is not registered in org.sharpscope.study.Tasks yet");
        realTaskSweep("train", SparkSweepTest.TRAIN_SPEC, new CollectSettings(null, null, null, null, null, null, 5, null, null),
                List.of("--tail", "5"));
    }

    private void realTaskSweep(String name, String yaml, CollectSettings settings, List<String> collectFlags) throws Exception {
        Path spec = write(name + ".yaml", yaml);
        Path local = tmp.resolve(name + "-local");
        SparkSweepTest.sweep(yaml, local, new LocalRunner(2, Progress.NONE), Tasks::named);
        SweepCollection.collect(SweepDirectory.open(local), settings);
        Path out = tmp.resolve(name + "-cluster");
        Path log = tmp.resolve(name + ".log");
        Process driver = cluster.submit(log, SparkSweep.class.getName(), StandaloneCluster.SPARK_JAR, List.of(),
                "run", spec.toString(), "--out", out.toString());
        assertThat(StandaloneCluster.await(driver, log, 10)).as(StandaloneCluster.tail(log)).isZero();
        List<String> collect = new ArrayList<>(List.of("collect", out.toString()));
        collect.addAll(collectFlags);
        assertThat(SparkSweep.execute(collect.toArray(String[]::new))).isZero();
        assertSameTables(out, local, "results.csv", "critical-constants.csv", "bifurcation.csv");
    }

    /**
     * A sweep into HDFS whose driver is killed with SIGKILL once some cells are on the store,
     * then resumed against the same cluster: the cells finished before the kill are kept as they
     * are, the store holds only complete cells, and collect, reading hdfs:// directly, gives the
     * local runner's tables.
     */
    @Test
    @Order(4)
    void hdfsSweepSurvivesAKilledDriverAndIsCollectedFromHdfs() throws Exception {
        Configuration conf = new Configuration();
        conf.set("dfs.replication", "1");
        MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf, tmp.resolve("dfs").toFile()).numDataNodes(1).build();
        try {
            dfs.waitActive();
            String uri = "hdfs://127.0.0.1:" + dfs.getNameNodePort() + "/sweeps/logistic";
            FileSystem fs = FileSystem.get(java.net.URI.create(uri), conf);
            Path spec = write("logistic.yaml", LOGISTIC_SPEC);
            List<String> sparkConf = List.of("spark.hadoop.dfs.replication=1");

            Path log = tmp.resolve("hdfs-killed.log");
            Process driver = cluster.submit(log, LogisticSparkSweep.class.getName(), StandaloneCluster.TESTS_JAR, sparkConf,
                    "run", spec.toString(), "--out", uri);
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (driver.isAlive() && System.nanoTime() < deadline && markers(fs, uri).size() < 4) Thread.sleep(20);
            assertThat(driver.isAlive()).as("driver still running at the kill; log:\n%s", StandaloneCluster.tail(log)).isTrue();
            driver.destroyForcibly().waitFor();
            while (!cluster.executors().isEmpty() && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(cluster.executors()).as("the killed driver's executors end").isEmpty();

            Map<String, String> before = markers(fs, uri);
            assertThat(before.size()).as("cells on the store at the kill").isBetween(4, CELLS - 1);
            Path resumeLog = tmp.resolve("hdfs-resumed.log");
            Process resumed = cluster.submit(resumeLog, LogisticSparkSweep.class.getName(), StandaloneCluster.TESTS_JAR, sparkConf,
                    "run", spec.toString(), "--out", uri, "--resume");
            assertThat(StandaloneCluster.await(resumed, resumeLog, 10)).as(StandaloneCluster.tail(resumeLog)).isZero();
            assertThat(Files.readString(resumeLog)).contains(CELLS + " cells, " + (CELLS - before.size()) + " to run");

            Map<String, String> after = markers(fs, uri);
            assertThat(after).hasSize(CELLS);
            before.forEach((id, marker) -> assertThat(after.get(id)).as("cell %s finished before the kill, untouched", id).isEqualTo(marker));
            assertThat(fs.exists(new org.apache.hadoop.fs.Path(uri + "/" + HadoopSweepStore.ATTEMPTS)))
                    .as("no half-uploaded cell left").isFalse();
            for (String id : after.keySet()) {
                assertThat(remoteFiles(fs, uri + "/cells/" + id)).as("cell %s complete", id).isEqualTo(localFiles(reference.resolve("cells/" + id)));
            }

            System.setProperty("spark.hadoop.dfs.replication", "1");
            try {
                assertThat(SparkSweep.execute(LogisticMapTask::named, "collect", uri)).isZero();
            } finally {
                System.clearProperty("spark.hadoop.dfs.replication");
            }
            for (String f : List.of("results.csv", "phase-diagram.csv", "bifurcation.csv")) {
                assertThat(read(fs, uri + "/" + f)).as(f).isEqualTo(Files.readString(reference.resolve(f)));
            }
        } finally {
            dfs.shutdown();
        }
    }

    /**
     * Worker 2 and its executor killed with SIGKILL while both workers run cells: Spark reruns the
     * lost task on worker 1, the sweep finishes, every cell is recorded finished (or refused)
     * once, no cell directory is torn or left over, and results.csv equals the uninterrupted run's.
     */
    @Test
    @Order(5)
    void sweepSurvivesALostWorker() throws Exception {
        Path spec = write("logistic.yaml", LOGISTIC_SPEC);
        Path out = tmp.resolve("lost-worker");
        Path log = tmp.resolve("lost-worker.log");
        Process driver = cluster.submit(log, LogisticSparkSweep.class.getName(), StandaloneCluster.TESTS_JAR, List.of(),
                "run", spec.toString(), "--out", out.toString());
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (driver.isAlive() && System.nanoTime() < deadline && !(finished(out) >= 2 && running(out).size() >= 2)) Thread.sleep(10);
        assertThat(driver.isAlive()).as("driver still running at the kill; log:\n%s", StandaloneCluster.tail(log)).isTrue();
        List<String> runningAtKill = running(out);
        cluster.killWorker(2);

        assertThat(StandaloneCluster.await(driver, log, 10)).as(StandaloneCluster.tail(log)).isZero();
        seconds.put("lost worker", StandaloneCluster.sweepSeconds(log));
        assertThat(Files.readString(log)).as("Spark saw the executor's task lost").containsPattern("Lost task|ExecutorLostFailure|Lost executor");
        for (String id : runningAtKill) {
            assertThat(out.resolve("cells/" + id + "/" + SweepDirectory.CELL_MARKER)).as("cell %s, running at the kill, finished", id).isRegularFile();
        }
        assertThat(SparkSweep.execute(LogisticMapTask::named, "collect", out.toString())).isZero();
        assertSameTables(out, reference, "results.csv", "phase-diagram.csv", "bifurcation.csv");
        assertFinishedOnce(out);
        assertSameCells(out, reference);
    }

    static boolean registered(String task) {
        try {
            Tasks.named(task);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static void assertSameTables(Path out, Path expected, String... files) throws IOException {
        for (String f : files) assertThat(Files.readString(out.resolve(f))).as(f).isEqualTo(Files.readString(expected.resolve(f)));
    }

    /** Each cell is in the index once, finished or refused by the task, as in the local run. */
    private static void assertFinishedOnce(Path out) {
        SweepIndex index = SweepDirectory.open(out).index();
        assertThat(index.cells()).hasSize(CELLS);
        assertThat(index.cells().stream().map(IndexEntry::id).distinct()).hasSize(CELLS);
        assertThat(index.count(CellOutcome.FINISHED)).isEqualTo(CELLS - REFUSED);
        assertThat(index.count(CellOutcome.FAILED)).isEqualTo(REFUSED);
    }

    /** cells/ holds exactly the reference's cell directories, each with the same files and the same run outputs. */
    private static void assertSameCells(Path out, Path expected) throws IOException {
        Map<String, List<String>> got = cellFiles(out);
        assertThat(got).isEqualTo(cellFiles(expected));
        for (Map.Entry<String, List<String>> cell : got.entrySet()) {
            for (String f : cell.getValue()) {
                if (!List.of("summary.json", "metrics.csv", "config.yaml").contains(f)) continue;
                Path rel = Path.of(SweepDirectory.CELLS, cell.getKey(), f);
                assertThat(Files.readString(out.resolve(rel))).as("%s", rel).isEqualTo(Files.readString(expected.resolve(rel)));
            }
        }
    }

    private static Map<String, List<String>> cellFiles(Path root) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Stream<Path> cells = Files.list(root.resolve(SweepDirectory.CELLS))) {
            for (Path c : cells.toList()) out.put(c.getFileName().toString(), localFiles(c));
        }
        return out;
    }

    private static List<String> localFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static List<String> remoteFiles(FileSystem fs, String dir) throws IOException {
        List<String> out = new ArrayList<>();
        org.apache.hadoop.fs.Path base = fs.makeQualified(new org.apache.hadoop.fs.Path(dir));
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(base, true);
        while (it.hasNext()) out.add(it.next().getPath().toUri().getPath().substring(base.toUri().getPath().length() + 1));
        out.sort(null);
        return out;
    }

    /** Cell id → its marker's text, for the cells on the store that have one. */
    private static Map<String, String> markers(FileSystem fs, String uri) throws IOException {
        Map<String, String> out = new TreeMap<>();
        org.apache.hadoop.fs.Path cells = new org.apache.hadoop.fs.Path(uri + "/" + SweepDirectory.CELLS);
        if (!fs.exists(cells)) return out;
        for (FileStatus c : fs.listStatus(cells)) {
            org.apache.hadoop.fs.Path marker = new org.apache.hadoop.fs.Path(c.getPath(), SweepDirectory.CELL_MARKER);
            if (fs.exists(marker)) out.put(c.getPath().getName(), read(fs, marker.toString()));
        }
        return out;
    }

    private static String read(FileSystem fs, String path) throws IOException {
        try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long finished(Path out) throws IOException {
        return cellDirs(out).stream().filter(c -> Files.isRegularFile(c.resolve(SweepDirectory.CELL_MARKER))).count();
    }

    /** Cells with a directory and no marker: running now. */
    private static List<String> running(Path out) throws IOException {
        return cellDirs(out).stream().filter(c -> !Files.isRegularFile(c.resolve(SweepDirectory.CELL_MARKER)))
                .map(c -> c.getFileName().toString()).toList();
    }

    private static List<Path> cellDirs(Path out) {
        Path cells = out.resolve(SweepDirectory.CELLS);
        if (!Files.isDirectory(cells)) return List.of();
        try (Stream<Path> s = Files.list(cells)) {
            return s.sorted().toList();
        } catch (IOException e) {
            return List.of(); // a directory appearing or going while listed: look again next time
        }
    }
}
