package org.sharpscope.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.cli.Sharpscope;
import picocli.CommandLine;

/** The train command's config handling, errors and outputs. */
class TrainCommandTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {}

    Result run(String... args) {
        CommandLine cl = Sharpscope.commandLine();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cl.setOut(new java.io.PrintWriter(new PrintStream(out), true));
        cl.setErr(new java.io.PrintWriter(new PrintStream(err), true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    Path yaml(String text) throws Exception {
        Path f = tmp.resolve("c" + System.nanoTime() + ".yaml");
        Files.writeString(f, text);
        return f;
    }

    static final String TINY = "model: fcn\ndepth: 2\nwidth: 8\ndataset: synthetic\nsubset: 20\nsteps: 6\nthreads: 1\nprogress: false\n"
            + "dtype: float64\nsynthetic-shape: 10\nsynthetic-outputs: 1\n";

    void assertOneLineError(Result r, String... mentions) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: ");
        for (String m : mentions) assertThat(r.err()).contains(m);
    }

    @Test
    void badConfigsGiveOneLineErrorsNamingTheKey() throws Exception {
        assertOneLineError(run("train", "--config", yaml(TINY + "c: 0.5\nlearning-rate: 3\n").toString()), "learning-rate");
        assertOneLineError(run("train", "--config", yaml(TINY + "c: 0.5\nprobe-every: often\n").toString()), "--probe-every", "often");
        assertOneLineError(run("train", "--config", yaml(TINY.replace("steps: 6", "steps: -5") + "c: 0.5\n").toString()), "--steps");
        assertOneLineError(run("train", "--config", yaml(TINY.replace("dataset: synthetic", "dataset: cifar10") + "c: 0.5\ndata-dir: "
                + tmp.resolve("nowhere") + "\n").toString(), "--out", tmp.resolve("o").toString()), "cifar10", "--data-dir");
        assertOneLineError(run("train", "--config", yaml(TINY).toString(), "--out", tmp.resolve("o2").toString()), "--eta", "--c");
        assertOneLineError(run("train", "--config", tmp.resolve("missing.yaml").toString()), "missing.yaml");
        assertOneLineError(run("train", "--steps", "ten"), "--steps");
        assertOneLineError(run("train", "--resume", tmp.resolve("nothing").toString()), "nothing");
    }

    @Test
    void flagsOverrideTheConfigFileAndConfigYamlReadsBack() throws Exception {
        Path out = tmp.resolve("run");
        Result r = run("train", "--config", yaml(TINY + "c: [0.7, 1.4]\n").toString(), "--steps", "4", "--c", "0.5", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String cfg = Files.readString(out.resolve("config.yaml"));
        assertThat(cfg).contains("steps: 4").contains("c: 0.5").contains("width: 8");
        assertThat(Files.readString(out.resolve("metrics.csv")).lines().skip(1).map(l -> l.split(",")[0]).toList())
                .containsExactly("0", "1", "2", "3", "4");
        for (String f : new String[] {"summary.json", "manifest.json", "plots/loss.png", "plots/sharpness.png",
                "plots/weight-norm-vs-sharpness.png", "checkpoints/step-00000004.safetensors"}) {
            assertThat(out.resolve(f)).exists();
        }
        String summary = Files.readString(out.resolve("summary.json"));
        for (String k : new String[] {"early_trend", "late_state", "lambda0", "\"eta\"", "\"c\"", "eos_entered_at"}) {
            assertThat(summary).contains(k);
        }
        // The run's own config.yaml is a valid --config file and reproduces the run.
        Path again = tmp.resolve("again");
        assertThat(run("train", "--config", out.resolve("config.yaml").toString(), "--out", again.toString()).code()).isZero();
        assertThat(Files.readString(again.resolve("metrics.csv"))).isEqualTo(Files.readString(out.resolve("metrics.csv")));
        // ... and configures data export too (train's own keys are skipped there): the same 20 examples.
        Path data = tmp.resolve("d.safetensors");
        Result export = run("data", "export", "--config", out.resolve("config.yaml").toString(), "--out", data.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(org.sharpscope.run.Safetensors.read(data).tensors().get("inputs").shape()).containsExactly(20, 10);
    }

    @Test
    void severalLearningRatesGiveOneRunEachAndAnOverlay() throws Exception {
        Path out = tmp.resolve("sweep");
        Result r = run("train", "--config", yaml(TINY + "c: [0.5, 1.0]\n").toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("c-0.5/metrics.csv")).exists();
        assertThat(out.resolve("c-1.0/metrics.csv")).exists();
        assertThat(out.resolve("plots/sharpness.png")).exists();
    }

    /**
     * --lyapunov on a float32 run: the paragraph names the exponents, summary.json has them (finite),
     * metrics.csv the running columns, plots/ the lyapunov panel; a run without has none of these.
     */
    @Test
    void lyapunovExponentsArePrintedRecordedAndDrawn() throws Exception {
        Path out = tmp.resolve("lyap");
        Result r = run("train", "--config", yaml(TINY.replace("dtype: float64", "dtype: float32") + "c: 1.5\n").toString(),
                "--steps", "40", "--lyapunov", "2", "--lyapunov-transient", "20", "--top-k", "2", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Lyapunov exponents per step over steps 20–40: weight space", "seen by the loss (top-2");
        org.sharpscope.nn.train.LyapunovExponents l = org.sharpscope.nn.train.TrainSummary.read(out).lyapunov();
        assertThat(l.averagedSteps()).isEqualTo(20);
        assertThat(java.util.Arrays.stream(l.weightSpace()).boxed().toList()).hasSize(2).allMatch(Double::isFinite);
        assertThat(java.util.Arrays.stream(l.lossSpectrum()).boxed().toList()).hasSize(2).allMatch(Double::isFinite);
        assertThat(Files.readString(out.resolve("metrics.csv")).lines().findFirst().orElseThrow()).endsWith(",hvps,lyap_1,lyap_2,lyap_loss");
        assertThat(out.resolve("plots/lyapunov.png")).exists();

        Path plain = tmp.resolve("plain");
        Result p = run("train", "--config", yaml(TINY + "c: 1.5\n").toString(), "--out", plain.toString());
        assertThat(p.out()).doesNotContain("Lyapunov");
        assertThat(Files.readString(plain.resolve("summary.json"))).doesNotContain("lyapunov");
        assertThat(plain.resolve("plots/lyapunov.png")).doesNotExist();
    }
}
