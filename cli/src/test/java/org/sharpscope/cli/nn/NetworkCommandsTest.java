package org.sharpscope.cli.nn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.cli.Sharpscope;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.hessian.HessianOperator;
import org.sharpscope.nn.hessian.TrainingObjective;
import org.sharpscope.nn.model.Network;
import org.sharpscope.nn.model.Parameters;
import org.sharpscope.nn.train.Checkpoint;
import org.sharpscope.run.Json;
import org.sharpscope.run.Safetensors;
import org.sharpscope.study.Specs;
import org.sharpscope.study.nn.SharpnessSpec;

/** {@code data export} and {@code sharpness}: outputs, agreement with the library, user errors. */
class NetworkCommandsTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private static final String[] SMALL = {"--model", "fcn", "--depth", "3", "--width", "12", "--activation", "tanh",
            "--dataset", "synthetic", "--synthetic-shape", "5", "--synthetic-outputs", "2", "--subset", "20",
            "--dtype", "float64", "--seed", "3", "--threads", "1"};

    private static String[] with(String[] base, String... more) {
        String[] a = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, a, base.length, more.length);
        return a;
    }

    @Test
    void sharpnessJsonMatchesTheLibraryAndCheckpointsRoundTrip() throws Exception {
        Path ckpt = dir.resolve("w.safetensors");
        Path run = dir.resolve("run");
        int code = Sharpscope.execute(with(with(new String[] {"sharpness"}, SMALL), "--top", "2", "--tol", "1e-10",
                "--json", "--save-checkpoint", ckpt.toString(), "--out", run.toString()));
        assertThat(code).as(err.toString()).isZero();
        JsonNode j = Json.JSON.readTree(out.toString());
        assertThat(j.has("eigenvalues") && j.has("products") && j.has("seconds")).isTrue();
        double l1 = j.get("eigenvalues").get(0).asDouble();
        double l2 = j.get("eigenvalues").get(1).asDouble();
        assertThat(l1).isGreaterThanOrEqualTo(l2);

        // Independent check: power-free dense Rayleigh bound — λ1 ≥ vᵀHv for the saved weights and any unit v,
        // and λ1 equals the largest eigenvalue of the dense Hessian assembled column by column.
        // (the settings of the run, read back from its config.yaml)
        SharpnessSpec setup = Specs.bind(SharpnessSpec.class, Specs.readYaml(run.resolve("config.yaml")), "test");
        Dataset d = setup.openSource().loadData();
        Network net = setup.openSource().buildNetwork(d);
        Parameters p = Checkpoint.load(ckpt, net, Dtype.FLOAT64);
        assertThat(p.flatten()).containsExactly(Parameters.initialize(net, Dtype.FLOAT64, 3).flatten());
        HessianOperator h = new HessianOperator(new TrainingObjective(p, d, setup.loss(), 0));
        int n = h.dimension();
        org.ejml.simple.SimpleMatrix dense = new org.ejml.simple.SimpleMatrix(n, n);
        for (int k = 0; k < n; k++) {
            double[] e = new double[n];
            e[k] = 1;
            double[] col = new double[n];
            h.apply(e, col);
            for (int i = 0; i < n; i++) dense.set(i, k, col[i]);
        }
        var eig = dense.plus(dense.transpose()).divide(2).eig();
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) max = Math.max(max, eig.getEigenvalue(i).getReal());
        assertThat(l1).isCloseTo(max, org.assertj.core.data.Offset.offset(1e-8 * Math.abs(max)));
        double exactTrace = dense.trace();

        out.reset();
        assertThat(Sharpscope.execute(with(with(new String[] {"sharpness"}, SMALL), "--json", "--trace", "400",
                "--out", dir.resolve("trace").toString()))).isZero();
        JsonNode tj = Json.JSON.readTree(out.toString());
        double se = tj.get("trace_standard_error").asDouble();
        assertThat(se).isPositive();
        assertThat(tj.get("trace").asDouble()).isCloseTo(exactTrace, org.assertj.core.data.Offset.offset(4 * se));
        assertThat(tj.get("trace_products").asLong()).isEqualTo(400);

        out.reset();
        assertThat(Sharpscope.execute(with(with(new String[] {"sharpness"}, SMALL), "--checkpoint", ckpt.toString(),
                "--json", "--tol", "1e-10", "--out", dir.resolve("from-checkpoint").toString()))).isZero();
        assertThat(Json.JSON.readTree(out.toString()).get("eigenvalues").get(0).asDouble())
                .isCloseTo(l1, org.assertj.core.data.Offset.offset(1e-8 * Math.abs(l1)));
    }

    @Test
    void dataExportWritesInputsTargetsAndLabels() throws Exception {
        Path f = dir.resolve("d.safetensors");
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, "dataset: synthetic-mixture\nsubset: 30\nsynthetic_shape: 2x2\ndtype: float64\n"
                + "loss: ce\nmodel: fcn\nsteps: 5\n");
        int code = Sharpscope.execute("data", "export", "--config", cfg.toString(), "--subset", "20", "--out", f.toString());
        assertThat(code).as(err.toString()).isZero();
        Safetensors.Contents c = Safetensors.read(f);
        assertThat(c.tensors().get("inputs").shape()).containsExactly(20, 4);
        assertThat(c.tensors().get("inputs").dtype()).isEqualTo("F64");
        assertThat(c.tensors().get("targets").shape()).containsExactly(20, 10);
        double[] t = c.tensors().get("targets").toDoubles();
        double[] labels = c.tensors().get("labels").toDoubles();
        for (int i = 0; i < 20; i++) assertThat(t[i * 10 + (int) labels[i]]).isEqualTo(1.0);
        assertThat(c.metadata().get("sharpscope_config")).contains("\"subset\":20").contains("synthetic-mixture");
    }

    @Test
    void userErrorsExitTwoWithOneLine() {
        assertThat(Sharpscope.execute(with(new String[] {"sharpness"}, SMALL[0], SMALL[1], "--dataset", "fashion-mnist",
                "--data-dir", dir.resolve("none").toString()))).isEqualTo(2);
        assertThat(err.toString().trim()).startsWith("error: dataset fashion-mnist not found").doesNotContain("\n");
        err.reset();
        assertThat(Sharpscope.execute(with(with(new String[] {"sharpness"}, SMALL), "--method", "magic"))).isEqualTo(2);
        assertThat(err.toString()).contains("lanczos");
        err.reset();
        assertThat(Sharpscope.execute("sharpness", "--model", "myrtle", "--depth", "6")).isEqualTo(2);
        assertThat(err.toString()).contains("5, 7 or 10");
        err.reset();
        assertThat(Sharpscope.execute("sharpness", "--param", "xyz")).isEqualTo(2);
        assertThat(Sharpscope.execute("sharpness", "--bias", "maybe")).isEqualTo(2);
        assertThat(Sharpscope.execute("data", "export", "--dataset", "synthetic")).isEqualTo(2);
        assertThat(Sharpscope.execute("sharpness", "--config", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(Sharpscope.execute(with(with(new String[] {"sharpness"}, SMALL), "--checkpoint",
                dir.resolve("nope.safetensors").toString()))).isEqualTo(2);
    }

    @Test
    void configFileErrorsNameTheKeyAndTheFile() throws Exception {
        Path unknown = Files.writeString(dir.resolve("u.yaml"), "dataset: synthetic\nlearning_rate: 3\n");
        Path wrongType = Files.writeString(dir.resolve("w.yaml"), "dataset: synthetic\nsubset: many\n");
        Path listForOne = Files.writeString(dir.resolve("l.yaml"), "dataset: synthetic\nwidth: [3, 4]\n");
        for (Path p : new Path[] {unknown, wrongType, listForOne}) {
            err.reset();
            assertThat(Sharpscope.execute("data", "export", "--config", p.toString(), "--out",
                    dir.resolve("x.safetensors").toString())).as(err.toString()).isEqualTo(2);
            assertThat(err.toString().strip()).startsWith("error: config " + p).doesNotContain("\n");
        }
        assertThat(err.toString()).contains("'width'");
        err.reset();
        Sharpscope.execute("data", "export", "--config", unknown.toString(), "--out", dir.resolve("x.safetensors").toString());
        assertThat(err.toString()).contains("'learning_rate'");
        err.reset();
        Sharpscope.execute("data", "export", "--config", wrongType.toString(), "--out", dir.resolve("x.safetensors").toString());
        assertThat(err.toString()).contains("--subset").contains("many");
    }

    @Test
    void helpWorks() {
        assertThat(Sharpscope.execute("sharpness", "--help")).isZero();
        assertThat(out.toString()).contains("--last-layer-zero").contains("--output-scale").contains("--data-dir");
        assertThat(Sharpscope.execute("data", "export", "--help")).isZero();
    }
}
