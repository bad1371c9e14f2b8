package org.sharpscope.nn.torchscript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.SmallProblems;
import org.sharpscope.nn.hessian.HessianOperator;
import org.sharpscope.nn.hessian.TrainingObjective;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.ParameterSpec;
import org.sharpscope.nn.model.Parameters;
import org.sharpscope.nn.train.Checkpoint;
import org.sharpscope.nn.train.MetricsLog;
import org.sharpscope.nn.train.Optimizer;
import org.sharpscope.nn.train.Probe;
import org.sharpscope.nn.train.TrainConfig;
import org.sharpscope.nn.train.Trainer;
import org.sharpscope.run.Json;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.run.Safetensors;
import org.sharpscope.spectral.EigenResult;
import org.sharpscope.spectral.Lanczos;
import org.sharpscope.spectral.SolverOptions;
import org.sharpscope.uv.LearningRate;

/**
 * Users' TorchScript modules (issue 17) against PyTorch's own numbers: the fixtures and their
 * float64 references are written by {@code src/test/python/make_torchscript_fixtures.py} with
 * Debian's python3-torch — a scripted CNN with BatchNorm and a residual connection (CE, class
 * indices) in eval and train mode, and a traced transformer block (MSE, per-token targets).
 */
class TorchScriptNetworkTest {
    static final Path DIR = Path.of("src/test/resources/torchscript");
    static final Path PYTHON = Path.of("/usr/bin/python3");

    static {
        SmallProblems.norm(new double[0]); // one native thread, as every nn test
    }

    @TempDir
    Path tmp;

    static JsonNode reference(String name) throws IOException {
        return Json.JSON.readTree(DIR.resolve(name + ".json").toFile());
    }

    static TorchScriptSource open(String name, ModuleMode mode) throws IOException {
        JsonNode r = reference(name);
        return new TorchScriptConfig(DIR.resolve(r.get("model").asText()), DIR.resolve(r.get("data").asText()), null, mode,
                0, false, 0).open(Loss.parse(r.get("loss").asText()));
    }

    static Loss loss(String name) throws IOException {
        return Loss.parse(reference(name).get("loss").asText());
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asDouble();
        return out;
    }

    static double rel(double a, double b) {
        return Math.abs(a - b) / Math.abs(b);
    }

    /** Names, shapes and initial values are the module's (not re-initialised), in named_parameters order. */
    @ParameterizedTest
    @CsvSource({"rescnn", "transformer"})
    void parametersAreTheModulesOwn(String name) throws IOException {
        JsonNode r = reference(name);
        try (TorchScriptSource s = open(name, ModuleMode.EVAL)) {
            List<String> names = s.network().parameters().stream().map(ParameterSpec::name).toList();
            List<String> expected = new ArrayList<>();
            r.get("parameter_names").forEach(n -> expected.add(n.asText()));
            assertThat(names).isEqualTo(expected);
            assertThat(s.network().parameterCount()).isEqualTo(r.get("modes").get("eval").get("parameters").asLong());
            Parameters a = Parameters.initialize(s.network(), Dtype.FLOAT64, 1);
            Parameters b = Parameters.initialize(s.network(), Dtype.FLOAT64, 2);
            assertThat(a.flatten()).isEqualTo(b.flatten());
            assertThat(a.byName().get(names.get(0))).isEqualTo(s.network().initialValues().get(names.get(0)));
            assertThat(s.data().size()).isEqualTo(r.get("examples").asInt());
        }
    }

    /**
     * The loss (to 1e-12) and the top-3 Hessian eigenvalues from Lanczos on the HessianOperator
     * (top one to 1e-6 relative, as PyTorch's double-backward HVPs + ARPACK give them), float64.
     */
    @ParameterizedTest
    @CsvSource({"rescnn, eval", "rescnn, train", "transformer, eval"})
    void lossAndSharpnessMatchPyTorch(String name, String mode) throws IOException {
        JsonNode r = reference(name).get("modes").get(mode);
        try (TorchScriptSource s = open(name, ModuleMode.parse(mode))) {
            Parameters p = Parameters.initialize(s.network(), Dtype.FLOAT64, 0);
            TrainingObjective o = new TrainingObjective(p, s.data(), loss(name), 0);
            assertThat(rel(o.loss(), r.get("loss").asDouble())).isLessThan(1e-12);
            EigenResult e = new Lanczos().solve(new HessianOperator(o), 3,
                    SolverOptions.defaults().withTol(1e-10).withMaxProducts(1000).withSeed(0).withWantVectors(false));
            double[] ref = doubles(r.get("top_eigenvalues"));
            assertThat(rel(e.values()[0], ref[0])).as("lambda_1 %s vs %s", e.values()[0], ref[0]).isLessThan(1e-6);
            for (int i = 1; i < 3; i++) assertThat(rel(e.values()[i], ref[i])).as("lambda_%d", i + 1).isLessThan(1e-6);
        }
    }

    /**
     * In eval mode the network is per-example, so chunking changes nothing (chunks of 7 and 5 also
     * exercise a traced module on batch sizes other than the traced one); in train mode BatchNorm
     * sees each chunk's statistics, so the loss is a different function.
     */
    @Test
    void chunksAreExactInEvalModeAndChangeTrainMode() throws IOException {
        for (String name : new String[] {"rescnn", "transformer"}) {
            JsonNode r = reference(name).get("modes").get("eval");
            try (TorchScriptSource s = open(name, ModuleMode.EVAL)) {
                Parameters p = Parameters.initialize(s.network(), Dtype.FLOAT64, 0);
                TrainingObjective o = new TrainingObjective(p, s.data(), loss(name), 7);
                assertThat(rel(o.loss(), r.get("loss").asDouble())).isLessThan(1e-12);
                double[] g0 = new TrainingObjective(p, s.data(), loss(name), 0).gradient();
                assertThat(SmallProblems.relDiff(o.gradient(), g0)).isLessThan(1e-12);
                EigenResult e = new Lanczos().solve(new HessianOperator(new TrainingObjective(p, s.data(), loss(name), 5)), 1,
                        SolverOptions.defaults().withTol(1e-10).withMaxProducts(1000).withSeed(0).withWantVectors(false));
                assertThat(rel(e.values()[0], r.get("top_eigenvalues").get(0).asDouble())).isLessThan(1e-6);
            }
        }
        try (TorchScriptSource s = open("rescnn", ModuleMode.TRAIN)) {
            Parameters p = Parameters.initialize(s.network(), Dtype.FLOAT64, 0);
            double whole = new TrainingObjective(p, s.data(), Loss.CE, 0).loss();
            double chunked = new TrainingObjective(p, s.data(), Loss.CE, 8).loss();
            assertThat(rel(chunked, whole)).isGreaterThan(1e-6);
        }
    }

    /** u·Hv = v·Hu on random pairs, to 1e-10 of ‖u‖‖Hv‖ (exact double-backward products, float64). */
    @ParameterizedTest
    @CsvSource({"rescnn, eval, 0", "rescnn, train, 0", "rescnn, train, 10", "transformer, eval, 0"})
    void hessianIsSymmetric(String name, String mode, int chunk) throws IOException {
        try (TorchScriptSource s = open(name, ModuleMode.parse(mode))) {
            Parameters p = Parameters.initialize(s.network(), Dtype.FLOAT64, 0);
            HessianOperator h = new HessianOperator(new TrainingObjective(p, s.data(), loss(name), chunk));
            for (int pair = 0; pair < 3; pair++) {
                double[] u = SmallProblems.randomUnit(h.dimension(), 2 * pair);
                double[] v = SmallProblems.randomUnit(h.dimension(), 2 * pair + 1);
                double[] hu = new double[u.length];
                double[] hv = new double[u.length];
                h.apply(u, hu);
                h.apply(v, hv);
                double a = SmallProblems.dot(u, hv);
                double b = SmallProblems.dot(v, hu);
                assertThat(Math.abs(a - b)).as("pair %d: %s vs %s", pair, a, b)
                        .isLessThanOrEqualTo(1e-10 * SmallProblems.norm(hv));
            }
        }
    }

    /** 20 steps of θ ← θ − η∇L through the objective's gradient give PyTorch's losses to 1e-10. */
    @ParameterizedTest
    @CsvSource({"rescnn, eval", "rescnn, train", "transformer, eval"})
    void gradientDescentReproducesPyTorch(String name, String mode) throws IOException {
        JsonNode r = reference(name).get("modes").get(mode);
        double eta = r.get("eta").asDouble();
        double[] ref = doubles(r.get("gd_losses"));
        try (TorchScriptSource s = open(name, ModuleMode.parse(mode))) {
            Parameters p = Parameters.initialize(s.network(), Dtype.FLOAT64, 0);
            TrainingObjective o = new TrainingObjective(p, s.data(), loss(name), 0);
            double[] theta = p.flatten();
            for (int t = 0; t < ref.length; t++) {
                assertThat(rel(o.loss(), ref[t])).as("step %d", t).isLessThan(1e-10);
                if (t == ref.length - 1) break;
                double[] g = o.gradient();
                for (int i = 0; i < theta.length; i++) theta[i] -= eta * g[i];
                p.assign(theta);
            }
        }
    }

    static TrainConfig gd(String name, Optimizer opt, double eta, int steps, int checkpointEvery) throws IOException {
        return new TrainConfig(null, null, loss(name), Dtype.FLOAT64, 0, opt, LearningRate.eta(eta), 0,
                opt == Optimizer.MOMENTUM ? 0.5 : 0, steps, 0, 10, 0, checkpointEvery, 1, false, 1e-8, 500, 1);
    }

    /**
     * The Trainer on a TorchScript source: GD losses at the probed steps equal PyTorch's, the manifest
     * names the module (config.yaml is the study task's to write), and a mini-batch momentum run resumed from its step-10 checkpoint ends with
     * the same step-20 checkpoint (bytes) and metrics as the uninterrupted run.
     */
    @Test
    void trainerFollowsPyTorchAndResumesExactly() throws IOException {
        JsonNode r = reference("rescnn").get("modes").get("train");
        double[] ref = doubles(r.get("gd_losses"));
        try (TorchScriptSource s = open("rescnn", ModuleMode.TRAIN)) {
            Trainer t = new Trainer(gd("rescnn", Optimizer.GD, r.get("eta").asDouble(), 20, 0), s,
                    RunDirectory.create(tmp.resolve("gd")), null);
            t.run();
            List<Probe> probes = t.metrics().probes();
            assertThat(probes).extracting(Probe::step).containsExactly(0, 1, 10, 11, 20);
            for (Probe p : probes) assertThat(rel(p.loss(), ref[p.step()])).as("step %d", p.step()).isLessThan(1e-10);
            assertThat(rel(probes.get(0).top(), r.get("top_eigenvalues").get(0).asDouble())).isLessThan(1e-6);
            String manifest = Files.readString(tmp.resolve("gd/manifest.json"));
            assertThat(manifest).contains("model_file").contains("rescnn.pt").contains("module_mode").contains("model_sha256");

            Path a = tmp.resolve("a");
            Path b = tmp.resolve("b");
            TrainConfig mom = new TrainConfig(null, null, Loss.CE, Dtype.FLOAT64, 0, Optimizer.MOMENTUM, LearningRate.eta(0.2), 8,
                    0.5, 20, 3, 10, 0, 10, 1, false, 1e-8, 500, 1); // mini-batches of 8: BatchNorm sees each batch
            RunDirectory first = RunDirectory.create(a);
            first.writeConfig(Map.of("model_file", "rescnn.pt")); // the caller's to write; reopen needs one
            new Trainer(mom, s, first, null).run();
            org.sharpscope.nn.SmallProblems.copyTree(a, b);
            Files.delete(b.resolve("checkpoints/step-00000020.safetensors"));
            new Trainer(mom, s, RunDirectory.reopen(b), null).resume();
            for (String f : List.of("checkpoints/step-00000020.safetensors", "metrics.csv")) {
                assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
            }
        }
    }

    /**
     * Checkpoints hold the module's state_dict under its names: parameters, then buffers (integer
     * ones as I64). The weights checkpoint (sharpness --save-checkpoint) and a train checkpoint
     * load with load_state_dict(strict=True) into the TorchScript module in PyTorch (train
     * checkpoints after dropping optimizer.* and tracker.*), which then computes the same loss.
     */
    @ParameterizedTest
    @CsvSource({"rescnn, train", "transformer, eval", "tied, eval"})
    void checkpointsLoadIntoThePyTorchModule(String name, String mode) throws Exception {
        JsonNode ref = reference(name);
        try (TorchScriptSource s = open(name, ModuleMode.parse(mode))) {
            Trainer t = new Trainer(gd(name, Optimizer.MOMENTUM, 0.1, 3, 0), s, RunDirectory.create(tmp.resolve("run")), null);
            t.run();
            Path trained = tmp.resolve("run/checkpoints/step-00000003.safetensors");
            Safetensors.Contents c = Safetensors.read(trained);
            List<String> keys = new ArrayList<>();
            ref.get("state_dict_keys").forEach(k -> keys.add(k.asText()));
            List<String> module = c.tensors().keySet().stream()
                    .filter(k -> !k.startsWith("optimizer.") && !k.startsWith("tracker.")).toList();
            assertThat(module).containsExactlyInAnyOrderElementsOf(keys);
            if (name.equals("rescnn")) assertThat(c.tensors().get("bn1.num_batches_tracked").dtype()).isEqualTo("I64");

            Parameters p = Parameters.of(s.network(), Dtype.FLOAT64,
                    Checkpoint.read(trained, s.network()).weights());
            double javaLoss = new TrainingObjective(p, s.data(), loss(name), 0).loss();
            Path weights = tmp.resolve("weights.safetensors");
            Checkpoint.save(weights, p, Map.of("source", "test"));
            assertThat(Safetensors.read(weights).tensors().keySet()).containsExactlyInAnyOrderElementsOf(keys);

            assumeTrue(pythonHasTorch(), "/usr/bin/python3 with torch is not installed");
            JsonNode out = python("check_torchscript_checkpoint.py", DIR.resolve(ref.get("model").asText()).toString(),
                    DIR.resolve(ref.get("data").asText()).toString(), ref.get("loss").asText(), mode, trained.toString(),
                    weights.toString());
            assertThat(out.size()).isEqualTo(2);
            for (JsonNode o : out) {
                assertThat(o.get("loss").asDouble()).as("%s", o.get("checkpoint")).isCloseTo(javaLoss, within(1e-10 * javaLoss));
            }
        }
    }

    private static Boolean pythonHasTorch;

    static synchronized boolean pythonHasTorch() {
        if (pythonHasTorch == null) pythonHasTorch = Files.isExecutable(PYTHON) && probePython();
        return pythonHasTorch;
    }

    private static boolean probePython() {
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static JsonNode python(String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "src/test/python/" + script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return Json.JSON.readTree(out);
    }

    /**
     * A weight shared by two layers is one parameter bound to both slots: its gradient is the sum
     * of both uses, as in PyTorch (loss and gradient to 1e-12, top eigenvalue to 1e-6 of the
     * dense float64 Hessian of an explicit functional forward).
     */
    @Test
    void tiedWeightsAreOneParameter() throws IOException {
        JsonNode ref = reference("tied");
        JsonNode r = ref.get("modes").get("eval");
        try (TorchScriptSource s = open("tied", ModuleMode.EVAL)) {
            assertThat(s.network().parameters()).extracting(ParameterSpec::name).containsExactly("a.weight", "a.bias", "b.bias");
            Parameters p = Parameters.initialize(s.network(), Dtype.FLOAT64, 0);
            TrainingObjective o = new TrainingObjective(p, s.data(), Loss.MSE, 0);
            assertThat(rel(o.loss(), r.get("loss").asDouble())).isLessThan(1e-12);
            assertThat(SmallProblems.relDiff(o.gradient(), doubles(r.get("gradient")))).isLessThan(1e-12);
            EigenResult e = new Lanczos().solve(new HessianOperator(o), 1,
                    SolverOptions.defaults().withTol(1e-10).withMaxProducts(200).withSeed(0).withWantVectors(false));
            assertThat(rel(e.values()[0], r.get("top_eigenvalues").get(0).asDouble())).isLessThan(1e-6);
            Path f = tmp.resolve("tied.safetensors");
            Checkpoint.save(f, p, Map.of());
            Safetensors.Contents c = Safetensors.read(f);
            assertThat(c.tensors().keySet()).containsExactlyInAnyOrder("a.weight", "a.bias", "b.weight", "b.bias");
            assertThat(c.tensors().get("b.weight").toDoubles()).isEqualTo(c.tensors().get("a.weight").toDoubles());
        }
    }

    /** float32 runs convert nothing but the parameters' dtype: the loss agrees with float64 to float precision. */
    @Test
    void float32Works() throws IOException {
        JsonNode r = reference("transformer").get("modes").get("eval");
        try (TorchScriptSource s = open("transformer", ModuleMode.EVAL)) {
            Parameters p = Parameters.initialize(s.network(), Dtype.FLOAT32, 0);
            TrainingObjective o = new TrainingObjective(p, s.data(), Loss.MSE, 0);
            assertThat(o.loss()).isCloseTo(r.get("loss").asDouble(), within(1e-5));
            assertThat(o.gradient()).hasSize(p.dimension());
        }
    }

    // ---- one-line errors ----

    Path writeData(String name, Map<String, Safetensors.Tensor> tensors) {
        Path f = tmp.resolve(name);
        Safetensors.write(f, tensors, Map.of());
        return f;
    }

    static Safetensors.Tensor floats(long... shape) {
        long n = 1;
        for (long s : shape) n *= s;
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) v[i] = Math.sin(i);
        return Safetensors.Tensor.ofDoubles(v, shape, "F32");
    }

    static Safetensors.Tensor longs(long n, long value) {
        long[] v = new long[(int) n];
        java.util.Arrays.fill(v, value);
        return Safetensors.Tensor.ofLongs(v, new long[] {n});
    }

    void assertOneLine(Runnable r, String file, String... phrases) {
        assertThatThrownBy(r::run).isInstanceOf(UserInputException.class).satisfies(e -> {
            assertThat(e.getMessage()).doesNotContain("\n").contains(file);
            for (String p : phrases) assertThat(e.getMessage()).contains(p);
        });
    }

    TorchScriptSource openWith(Path model, Path data, Loss loss) {
        return new TorchScriptConfig(model, data, null, ModuleMode.EVAL, 0, false, 0).open(loss);
    }

    @Test
    void badInputsGiveOneLineErrors() throws IOException {
        Path cnn = DIR.resolve("rescnn.pt");
        Path block = DIR.resolve("transformer.pt");
        Path cnnData = DIR.resolve("rescnn.safetensors");
        Path junk = tmp.resolve("junk.pt");
        Files.writeString(junk, "not a model\n");

        // not a TorchScript file: text, a torch.save() pickle, a safetensors file
        for (Path notScript : List.of(junk, DIR.resolve("eager_pickle.pt"), cnnData)) {
            assertOneLine(() -> openWith(notScript, cnnData, Loss.CE), notScript.toString(), "not a TorchScript file",
                    "torch.jit.script");
        }
        assertOneLine(() -> openWith(tmp.resolve("missing.pt"), cnnData, Loss.CE), "missing.pt", "does not exist");
        // missing tensors, missing or non-safetensors data
        Path noTargets = writeData("no-targets.safetensors", Map.of("inputs", floats(4, 3, 6, 6)));
        assertOneLine(() -> openWith(cnn, noTargets, Loss.CE), noTargets.toString(), "no tensor 'targets'");
        Path noInputs = writeData("no-inputs.safetensors", Map.of("x", floats(4, 3, 6, 6), "targets", longs(4, 0)));
        assertOneLine(() -> openWith(cnn, noInputs, Loss.CE), noInputs.toString(), "no tensor 'inputs'", "it has");
        assertOneLine(() -> openWith(cnn, junk, Loss.CE), junk.toString(), "--data", "not a safetensors file");
        assertOneLine(() -> openWith(cnn, tmp.resolve("nothing.safetensors"), Loss.CE), "nothing.safetensors", "does not exist");
        // wrong input shape: 4 channels for a 3-channel CNN; flat vectors for the transformer
        Path fourChannels = writeData("c4.safetensors", ordered("inputs", floats(4, 4, 6, 6), "targets", longs(4, 0)));
        assertOneLine(() -> openWith(cnn, fourChannels, Loss.CE), cnn.toString(), "fails on inputs of shape [2, 4, 6, 6]",
                "channels");
        Path flat = writeData("flat.safetensors", ordered("inputs", floats(4, 40), "targets", floats(4, 5)));
        assertOneLine(() -> openWith(block, flat, Loss.MSE), block.toString(), "fails on inputs of shape [2, 40]");
        Path rows = writeData("rows.safetensors", ordered("inputs", floats(4, 5, 8), "targets", floats(3, 5)));
        assertOneLine(() -> openWith(block, rows, Loss.MSE), rows.toString(), "one target row per example");
        // outputs not fitting the targets
        Path sixTargets = writeData("t6.safetensors", ordered("inputs", floats(4, 5, 8), "targets", floats(4, 6)));
        assertOneLine(() -> openWith(block, sixTargets, Loss.MSE), sixTargets.toString(), "[4, 6]", "[batch, 5]",
                "give targets [4, 5]");
        assertOneLine(() -> openWith(block, sixTargets, Loss.CE), sixTargets.toString(), "--loss ce");
        Path classFive = writeData("c5.safetensors", ordered("inputs", floats(4, 3, 6, 6), "targets", longs(4, 5)));
        assertOneLine(() -> openWith(cnn, classFive, Loss.CE), classFive.toString(), "class index 5", "3 outputs");
        Path wideOneHot = writeData("w.safetensors", ordered("inputs", floats(4, 3, 6, 6), "targets", floats(4, 4)));
        assertOneLine(() -> openWith(cnn, wideOneHot, Loss.CE), wideOneHot.toString(), "one-hot", "[examples, 3]");
        Path notOneHot = writeData("soft.safetensors", ordered("inputs", floats(4, 3, 6, 6), "targets", floats(4, 3)));
        assertOneLine(() -> openWith(cnn, notOneHot, Loss.CE), notOneHot.toString(), "not one-hot");
        Path intInputs = writeData("ids.safetensors", ordered("inputs", Safetensors.Tensor.ofLongs(new long[8], new long[] {4, 2}),
                "targets", floats(4, 5)));
        assertOneLine(() -> openWith(block, intInputs, Loss.MSE), intInputs.toString(), "F32 or F64");
        // dropout in train mode; a held-out set of another shape; a subset too large
        Path dropout = DIR.resolve("dropout.pt");
        Path vec = writeData("v.safetensors", ordered("inputs", floats(4, 4), "targets", floats(4, 2)));
        assertOneLine(() -> new TorchScriptConfig(dropout, vec, null, ModuleMode.TRAIN, 0, false, 0).open(Loss.MSE),
                dropout.toString(), "dropout", "eval");
        try (TorchScriptSource ok = new TorchScriptConfig(dropout, vec, vec, ModuleMode.EVAL, 0, false, 0).open(Loss.MSE)) {
            assertThat(ok.testData().size()).isEqualTo(4);
        }
        Path other = writeData("o.safetensors", ordered("inputs", floats(4, 5), "targets", floats(4, 2)));
        assertOneLine(() -> new TorchScriptConfig(dropout, vec, other, ModuleMode.EVAL, 0, false, 0).open(Loss.MSE),
                other.toString(), "--test-data");
        assertOneLine(() -> new TorchScriptConfig(dropout, vec, null, ModuleMode.EVAL, 9, false, 0).open(Loss.MSE),
                vec.toString(), "--subset 9");
    }

    static Map<String, Safetensors.Tensor> ordered(String k1, Safetensors.Tensor v1, String k2, Safetensors.Tensor v2) {
        Map<String, Safetensors.Tensor> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /** One-hot float targets are read as the class indices they encode; subsets are stratified like the built-in sets. */
    @Test
    void oneHotTargetsAndSubsets() throws IOException {
        Safetensors.Contents c = Safetensors.read(DIR.resolve("rescnn.safetensors"));
        double[] labels = c.tensors().get("targets").toDoubles();
        double[] hot = new double[labels.length * 3];
        for (int i = 0; i < labels.length; i++) hot[i * 3 + (int) labels[i]] = 1;
        Path f = writeData("hot.safetensors", ordered("inputs", c.tensors().get("inputs"), "targets",
                Safetensors.Tensor.ofDoubles(hot, new long[] {labels.length, 3}, "F64")));
        JsonNode r = reference("rescnn").get("modes").get("eval");
        try (TorchScriptSource s = openWith(DIR.resolve("rescnn.pt"), f, Loss.CE)) {
            Parameters p = Parameters.initialize(s.network(), Dtype.FLOAT64, 0);
            assertThat(rel(new TrainingObjective(p, s.data(), Loss.CE, 0).loss(), r.get("loss").asDouble())).isLessThan(1e-12);
            for (int i = 0; i < labels.length; i++) assertThat(s.data().labels()[i]).isEqualTo((int) labels[i]);
        }
        try (TorchScriptSource s = new TorchScriptConfig(DIR.resolve("rescnn.pt"), DIR.resolve("rescnn.safetensors"), null,
                ModuleMode.EVAL, 9, true, 3).open(Loss.CE)) {
            assertThat(s.data().size()).isEqualTo(9);
            int[] count = new int[3];
            for (int l : s.data().labels()) count[l]++;
            assertThat(count).containsExactly(3, 3, 3);
        }
    }
}
