package org.sharpscope.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.cli.Sharpscope;

/** The same UV sweep through Spark {@code local[2]} and through the local runner gives the same results.csv. */
class SparkSweepTest {
    /** 3 × 2 cells through the real {@code uv run}; λ₀ = 0.5 is refused by the command (a failed cell). */
    static final String SPEC = """
            command: uv run
            base:
              engine: function
              kappa: 1
              eta: 1
              f0: 0.35
              steps: 200
            axes:
              lambda0: [0.5, 1.0, 3.5]
              target: {from: 0.1, to: 0.3, points: 2}
            """;

    @TempDir
    Path tmp;

    @Test
    void sparkLocal2GivesTheSameResultsAsTheLocalRunner() throws Exception {
        Path spec = tmp.resolve("sweep.yaml");
        Files.writeString(spec, SPEC);
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        assertThat(Sharpscope.execute("sweep", "run", spec.toString(), "--out", local.toString(), "--workers", "2")).isZero();
        assertThat(SparkSweep.execute("run", spec.toString(), "--out", spark.toString(), "--master", "local[2]")).isZero();
        assertThat(Sharpscope.execute("sweep", "collect", local.toString())).isZero();
        assertThat(SparkSweep.execute("collect", spark.toString())).isZero();
        String expected = Files.readString(local.resolve("results.csv"));
        assertThat(expected.lines().filter(l -> l.contains(",finished,"))).hasSize(4);
        assertThat(expected.lines().filter(l -> l.contains(",failed,"))).hasSize(2);
        assertThat(Files.readString(spark.resolve("results.csv"))).isEqualTo(expected);

        // Resuming a finished Spark sweep runs nothing and changes nothing.
        assertThat(Sharpscope.execute("sweep", "run", spec.toString(), "--out", spark.toString(), "--resume",
                "--runner", "spark", "--master", "local[2]")).isZero();
        assertThat(SparkSweep.execute("collect", spark.toString())).isZero();
        assertThat(Files.readString(spark.resolve("results.csv"))).isEqualTo(expected);

        // A Hadoop URI as --out: cells run in scratch space and are uploaded through Hadoop's FileSystem.
        Path viaHadoop = tmp.resolve("hadoop");
        assertThat(SparkSweep.execute("run", spec.toString(), "--out", viaHadoop.toUri().toString(), "--master", "local[2]")).isZero();
        assertThat(viaHadoop.resolve("index.json")).isRegularFile();
        assertThat(SparkSweep.execute("collect", viaHadoop.toString())).isZero();
        assertThat(Files.readString(viaHadoop.resolve("results.csv"))).isEqualTo(expected);
    }

    /** The network sweep of the cli's NetworkSweepTest, smaller: a tiny FCN, c = 2^x against width, width 0 refused. */
    static final String TRAIN_SPEC = """
            command: train
            base:
              dataset: synthetic-mixture
              subset: 100
              depth: 3
              activation: tanh
              output-scale: 0.1
              steps: 30
              checkpoint-every: 5
            axes:
              c: {log2_from: 0, log2_to: 4, points: 2}
              width: [8, 0]
            seeds: [0]
            """;

    @Test
    void networkSweepOnSparkLocal2GivesTheSameResultsAsTheLocalRunner() throws Exception {
        Path spec = tmp.resolve("train.yaml");
        Files.writeString(spec, TRAIN_SPEC);
        Path local = tmp.resolve("train-local");
        Path spark = tmp.resolve("train-spark");
        assertThat(Sharpscope.execute("sweep", "run", spec.toString(), "--out", local.toString(), "--workers", "2")).isZero();
        assertThat(SparkSweep.execute("run", spec.toString(), "--out", spark.toString(), "--master", "local[2]")).isZero();
        assertThat(Sharpscope.execute("sweep", "collect", local.toString(), "--tail", "5")).isZero();
        assertThat(SparkSweep.execute("collect", spark.toString(), "--tail", "5")).isZero();
        String expected = Files.readString(local.resolve("results.csv"));
        assertThat(expected.lines().filter(l -> l.contains(",finished,"))).hasSize(2);
        assertThat(expected.lines().filter(l -> l.contains(",failed,"))).hasSize(2);
        assertThat(Files.readString(spark.resolve("results.csv"))).isEqualTo(expected);
        for (String f : new String[] {"critical-constants.csv", "bifurcation.csv"}) {
            assertThat(Files.readString(spark.resolve(f))).as(f).isEqualTo(Files.readString(local.resolve(f)));
        }
        // Each Spark task gets spark.task.cpus (1) libtorch threads.
        assertThat(Files.readString(spark.resolve("cells/cell-0000/config.yaml"))).containsPattern("(?m)^threads: 1$");
    }
}
