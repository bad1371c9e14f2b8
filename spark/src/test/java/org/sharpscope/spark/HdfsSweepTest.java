package org.sharpscope.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.protocol.HdfsConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.study.Progress;
import org.sharpscope.study.sweep.CellRunnerProvider;
import org.sharpscope.study.sweep.CollectSettings;
import org.sharpscope.study.sweep.LocalRunner;
import org.sharpscope.study.sweep.SweepCollection;
import org.sharpscope.study.sweep.SweepDirectory;
import org.sharpscope.study.sweep.SweepStore;

/**
 * Sweeps at an hdfs:// URI on a real HDFS — a namenode and a datanode in this JVM (Hadoop's
 * MiniDFSCluster) — through Spark {@code local[2]}: cells are uploaded whole or not at all, the
 * sweep collects from the URI to the local runner's tables, and a finished sweep resumes to
 * nothing.
 */
class HdfsSweepTest {
    @TempDir
    static Path tmp;
    static MiniDFSCluster dfs;
    static FileSystem fs;
    static String base;

    @BeforeAll
    static void startHdfs() throws Exception {
        Configuration conf = new Configuration();
        conf.set("dfs.replication", "1");
        dfs = new MiniDFSCluster.Builder(conf, tmp.resolve("dfs").toFile()).numDataNodes(1).build();
        dfs.waitActive();
        base = "hdfs://127.0.0.1:" + dfs.getNameNodePort();
        fs = FileSystem.get(URI.create(base), conf);
        // One datanode: files keep one replica (the drivers read spark.hadoop.* system properties).
        System.setProperty("spark.hadoop.dfs.replication", "1");
    }

    @AfterAll
    static void stopHdfs() {
        System.clearProperty("spark.hadoop.dfs.replication");
        if (dfs != null) dfs.shutdown();
    }

    @Test
    void sweepAtAnHdfsUriCollectsFromThereToTheLocalRunnersTables() throws Exception {
        Path spec = Files.writeString(tmp.resolve("logistic.yaml"), SparkSweepTest.LOGISTIC_SPEC);
        Path local = tmp.resolve("local");
        SparkSweepTest.sweep(SparkSweepTest.LOGISTIC_SPEC, local, new LocalRunner(2, Progress.NONE), LogisticMapTask::named);
        SweepCollection.collect(SweepDirectory.open(local), CollectSettings.defaults());

        String uri = base + "/sweeps/logistic";
        assertThat(SparkSweep.execute(LogisticMapTask::named, "run", spec.toString(), "--out", uri, "--master", "local[2]")).isZero();
        assertThat(fs.exists(new org.apache.hadoop.fs.Path(uri + "/" + HadoopSweepStore.ATTEMPTS))).isFalse();
        assertThat(SparkSweep.execute(LogisticMapTask::named, "collect", uri)).isZero();
        for (String f : List.of("results.csv", "phase-diagram.csv", "bifurcation.csv")) {
            assertThat(read(uri + "/" + f)).as(f).isEqualTo(Files.readString(local.resolve(f)));
        }

        // The store the program finds for a URI (as 'sharpscope sweep collect hdfs://...' uses it) copies the whole sweep.
        SweepStore store = CellRunnerProvider.openStore(uri);
        Path copy = store.copy();
        try {
            assertThat(Files.readString(copy.resolve("index.json"))).isEqualTo(read(uri + "/index.json"));
            assertThat(copy.resolve("cells/cell-0000/metrics.csv")).hasSameTextualContentAs(local.resolve("cells/cell-0000/metrics.csv"));
            assertThat(copy.resolve("cells/cell-0000/sweep-cell.json")).isRegularFile();
        } finally {
            SweepStore.deleteCopy(copy);
        }

        // Resuming the finished sweep at the URI runs nothing and changes nothing.
        String index = read(uri + "/index.json");
        String marker = read(uri + "/cells/cell-0000/sweep-cell.json");
        assertThat(SparkSweep.execute(LogisticMapTask::named, "run", spec.toString(), "--out", uri, "--master", "local[2]", "--resume"))
                .isZero();
        assertThat(read(uri + "/index.json")).isEqualTo(index);
        assertThat(read(uri + "/cells/cell-0000/sweep-cell.json")).isEqualTo(marker);
    }

    @Test
    void aCellIsUploadedWholeOrNotAtAll() throws Exception {
        String uri = base + "/sweeps/upload";
        HadoopSweepStore store = new HadoopSweepStore(uri);
        Path cell = Files.createDirectories(tmp.resolve("cell-0000"));
        Files.writeString(cell.resolve("metrics.csv"), "step,loss\n0,1.0\n");
        Files.writeString(cell.resolve("sweep-cell.json"), "{\"status\":\"finished\",\"exit_code\":0,\"error\":null,\"seconds\":1.0}");
        store.uploadCell(cell, "cell-0000");
        assertThat(read(uri + "/cells/cell-0000/metrics.csv")).isEqualTo("step,loss\n0,1.0\n");
        assertThat(store.finished("cell-0000")).isNotNull();

        // A second attempt whose upload breaks part-way (the namenode's file-count quota runs out after
        // two more names) leaves the first one as it was, and a cell never uploaded whole is absent.
        Files.writeString(cell.resolve("metrics.csv"), "step,loss\n0,2.0\n");
        Files.writeString(cell.resolve("summary.json"), "{}");
        Files.writeString(cell.resolve("config.yaml"), "r: 3.2\n");
        DistributedFileSystem hdfs = (DistributedFileSystem) fs;
        org.apache.hadoop.fs.Path sweep = new org.apache.hadoop.fs.Path(uri);
        hdfs.setQuota(sweep, hdfs.getContentSummary(sweep).getFileAndDirectoryCount() + 2, HdfsConstants.QUOTA_DONT_SET);
        try {
            for (String id : List.of("cell-0000", "cell-0001")) {
                assertThatThrownBy(() -> store.uploadCell(cell, id)).hasMessageContaining("cannot upload cell " + id).hasMessageContaining("quota");
            }
        } finally {
            hdfs.setQuota(sweep, HdfsConstants.QUOTA_RESET, HdfsConstants.QUOTA_DONT_SET);
        }
        assertThat(read(uri + "/cells/cell-0000/metrics.csv")).isEqualTo("step,loss\n0,1.0\n");
        assertThat(fs.exists(new org.apache.hadoop.fs.Path(uri + "/cells/cell-0000/summary.json"))).isFalse();
        assertThat(fs.exists(new org.apache.hadoop.fs.Path(uri + "/cells/cell-0001"))).isFalse();
        assertThat(store.finished("cell-0001")).isNull();
        // What the broken attempts left in .attempts goes at the end of a run.
        assertThat(fs.exists(new org.apache.hadoop.fs.Path(uri + "/" + HadoopSweepStore.ATTEMPTS))).isTrue();
        store.clearAttempts();
        assertThat(fs.exists(new org.apache.hadoop.fs.Path(uri + "/" + HadoopSweepStore.ATTEMPTS))).isFalse();
    }

    private static String read(String path) throws Exception {
        try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
