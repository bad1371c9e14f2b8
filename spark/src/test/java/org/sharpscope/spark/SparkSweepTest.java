package org.sharpscope.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.study.Progress;
import org.sharpscope.study.sweep.CellRunner;
import org.sharpscope.study.sweep.CellRunnerProvider;
import org.sharpscope.study.sweep.CollectSettings;
import org.sharpscope.study.sweep.LocalRunner;
import org.sharpscope.study.sweep.SweepCollection;
import org.sharpscope.study.sweep.SweepDirectory;
import org.sharpscope.study.sweep.SweepPlan;
import org.sharpscope.study.sweep.SweepSpec;

/** The same sweep through Spark {@code local[2]} and through the local runner gives the same results.csv. */
class SparkSweepTest {
    @TempDir
    Path tmp;

    /** Runs {@code yaml} into {@code root} with {@code runner}, its tasks found by {@code tasks}. */
    static SweepDirectory sweep(String yaml, Path root, CellRunner runner, SparkRunner.TaskLookup tasks) {
        SweepPlan plan = SweepPlan.of(SweepSpec.parse(yaml, "spec"), tasks::named);
        SweepDirectory dir = SweepDirectory.prepare(root, plan, yaml, false, false);
        runner.run(dir, plan.task(), dir.pending(plan));
        return dir;
    }

    static String collect(Path root, CollectSettings settings) throws Exception {
        SweepCollection.collect(SweepDirectory.open(root), settings);
        return Files.readString(root.resolve(SweepCollection.RESULTS));
    }

    /** A stand-in task (module-local), so that the runner is checked whatever tasks the build has. */
    static final String LOGISTIC_SPEC = """
            command: logistic
            axes:
              r: [2.8, 3.2, 3.5, 0.0]
              x0: [0.3, 0.6]
            """;

    @Test
    void sparkRunsTheCellsOfAnyTaskLikeTheLocalRunner() throws Exception {
        SparkRunner.TaskLookup tasks = LogisticMapTask::named;
        Path local = tmp.resolve("local");
        sweep(LOGISTIC_SPEC, local, new LocalRunner(2, Progress.NONE), tasks);
        Path spark = tmp.resolve("spark");
        sweep(LOGISTIC_SPEC, spark, new SparkRunner("local[2]", null, tasks), tasks);
        String expected = collect(local, CollectSettings.defaults());
        assertThat(expected.lines().filter(l -> l.contains(",finished,"))).hasSize(6);
        assertThat(expected.lines().filter(l -> l.contains(",failed,\"error: --r must be > 0, got 0.0\","))).hasSize(2);
        assertThat(collect(spark, CollectSettings.defaults())).isEqualTo(expected);
        for (String f : new String[] {"phase-diagram.csv", "bifurcation.csv"}) {
            assertThat(Files.readString(spark.resolve(f))).as(f).isEqualTo(Files.readString(local.resolve(f)));
        }
        // Each Spark task gets spark.task.cpus (1) threads.
        assertThat(spark.resolve("cells/cell-0000/config.yaml")).content().containsPattern("(?m)^threads: 1$");

        // A Hadoop URI: cells run in scratch space and are uploaded through Hadoop's FileSystem; the index is staged.
        Path viaHadoop = tmp.resolve("hadoop");
        HadoopSweepStore store = new HadoopSweepStore(viaHadoop.toUri().toString());
        Path staging = Files.createTempDirectory(tmp, "staging");
        store.pull(staging);
        sweep(LOGISTIC_SPEC, staging, new SparkRunner("local[2]", store, tasks), tasks);
        assertThat(viaHadoop.resolve("index.json")).isRegularFile();
        assertThat(collect(viaHadoop, CollectSettings.defaults())).isEqualTo(expected);
    }

    /** 3 × 2 cells through the real {@code uv run}; λ₀ = 0.5 is refused by the task (a failed cell). */
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

    @Test
    void sparkLocal2GivesTheSameResultsAsTheLocalRunner() throws Exception {
        Path spec = tmp.resolve("sweep.yaml");
        Files.writeString(spec, SPEC);
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        sweep(SPEC, local, new LocalRunner(2, Progress.NONE), org.sharpscope.study.Tasks::named);
        assertThat(SparkSweep.execute("run", spec.toString(), "--out", spark.toString(), "--master", "local[2]")).isZero();
        String expected = collect(local, CollectSettings.defaults());
        assertThat(expected.lines().filter(l -> l.contains(",finished,"))).hasSize(4);
        assertThat(expected.lines().filter(l -> l.contains(",failed,"))).hasSize(2);
        assertThat(SparkSweep.execute("collect", spark.toString())).isZero();
        assertThat(Files.readString(spark.resolve("results.csv"))).isEqualTo(expected);

        // Resuming a finished Spark sweep (through the runner the program finds by name) runs nothing and changes nothing.
        SweepPlan plan = SweepPlan.of(SweepSpec.read(spec));
        SweepDirectory dir = SweepDirectory.prepare(spark, plan, SPEC, true, false);
        assertThat(dir.pending(plan)).isEmpty();
        CellRunnerProvider.find("spark").create("local[2]").run(dir, plan.task(), dir.pending(plan));
        assertThat(collect(spark, CollectSettings.defaults())).isEqualTo(expected);

        // A Hadoop URI as --out: cells run in scratch space and are uploaded through Hadoop's FileSystem.
        Path viaHadoop = tmp.resolve("hadoop");
        assertThat(SparkSweep.execute("run", spec.toString(), "--out", viaHadoop.toUri().toString(), "--master", "local[2]")).isZero();
        assertThat(viaHadoop.resolve("index.json")).isRegularFile();
        assertThat(collect(viaHadoop, CollectSettings.defaults())).isEqualTo(expected);
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
        sweep(TRAIN_SPEC, local, new LocalRunner(2, Progress.NONE), org.sharpscope.study.Tasks::named);
        assertThat(SparkSweep.execute("run", spec.toString(), "--out", spark.toString(), "--master", "local[2]")).isZero();
        CollectSettings tail5 = new CollectSettings(null, null, null, null, null, null, 5, null, null);
        String expected = collect(local, tail5);
        assertThat(SparkSweep.execute("collect", spark.toString(), "--tail", "5")).isZero();
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
