package org.sharpscope.cli.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sharpscope.cli.Sharpscope;
import org.sharpscope.nn.train.Checkpoint;
import org.sharpscope.nn.train.MetricsLog;
import org.sharpscope.nn.train.Probe;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.Json;
import org.sharpscope.run.Safetensors;
import picocli.CommandLine;

/**
 * Bring your own network (issue 17) through the commands: {@code sharpness}, {@code train},
 * {@code data export} and a sweep on the TorchScript fixtures of the nn module (written, with
 * PyTorch's float64 reference numbers, by {@code nn/src/test/python/make_torchscript_fixtures.py}),
 * exact resume, held-out examples, and one-line errors (exit 2) for inputs that do not fit.
 */
class OwnModelCommandsTest {
    static final Path FIXTURES = Path.of("../nn/src/test/resources/torchscript").toAbsolutePath().normalize();
    static final Path CHECK_SCRIPT = Path.of("../nn/src/test/python/check_torchscript_checkpoint.py").toAbsolutePath().normalize();
    static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {}

    static Result sharpscope(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Sharpscope.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Result(cl.execute(args), out.toString(), err.toString());
    }

    static JsonNode reference(String name) throws IOException {
        return Json.JSON.readTree(FIXTURES.resolve(name + ".json").toFile());
    }

    /** The flags of a fixture: its module, its data and its loss, in float64 on one thread. */
    static List<String> own(String name) throws IOException {
        JsonNode r = reference(name);
        return new ArrayList<>(List.of("--model-file", FIXTURES.resolve(r.get("model").asText()).toString(),
                "--data", FIXTURES.resolve(r.get("data").asText()).toString(), "--loss", r.get("loss").asText(),
                "--dtype", "float64", "--threads", "1"));
    }

    static String[] args(String command, List<String> flags, String... more) {
        List<String> a = new ArrayList<>(Arrays.asList(command.split(" ")));
        a.addAll(flags);
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static double rel(double a, double b) {
        return Math.abs(a - b) / Math.abs(b);
    }

    /** PyTorch's top Hessian eigenvalue (double-backward HVPs + ARPACK) to 1e-6, the loss to 1e-12. */
    @ParameterizedTest
    @CsvSource({"rescnn, eval", "rescnn, train", "transformer, eval"})
    void sharpnessGivesPyTorchsEigenvalue(String name, String mode) throws IOException {
        JsonNode r = reference(name).get("modes").get(mode);
        Result res = sharpscope(args("sharpness", own(name), "--module-mode", mode, "--chunk", "0", "--tol", "1e-10",
                "--json", "--out", tmp.resolve("s").toString()));
        assertThat(res.code()).as(res.err()).isZero();
        JsonNode j = Json.JSON.readTree(res.out());
        double lambda = j.get("eigenvalues").get(0).asDouble();
        double ref = r.get("top_eigenvalues").get(0).asDouble();
        assertThat(rel(lambda, ref)).as("λ %s vs PyTorch %s", lambda, ref).isLessThan(1e-6);
        assertThat(rel(j.get("loss").asDouble(), r.get("loss").asDouble())).isLessThan(1e-12);
        assertThat(j.get("config").get("model_file").asText()).endsWith(name + ".pt");
        assertThat(j.get("config").get("module_mode").asText()).isEqualTo(mode);
        assertThat(j.has("test_loss")).isFalse();
        assertThat(Files.readString(tmp.resolve("s/manifest.json"))).contains("input_sha256", "--model-file");
    }

    /**
     * 20 steps of float64 gradient descent give PyTorch's losses at every step to 1e-10; the final
     * checkpoint holds the module's state_dict under its names and, loaded into the TorchScript
     * module by PyTorch (load_state_dict, strict), gives the loss Sharpscope measured.
     */
    @ParameterizedTest
    @CsvSource({"rescnn, eval", "transformer, eval"})
    void trainFollowsPyTorchAndItsCheckpointLoadsIntoTheModule(String name, String mode) throws Exception {
        JsonNode ref = reference(name);
        JsonNode r = ref.get("modes").get(mode);
        double[] losses = doubles(r.get("gd_losses"));
        Path run = tmp.resolve("run");
        Result res = sharpscope(args("train", own(name), "--eta", r.get("eta").asText(), "--steps", "20",
                "--dense-steps", "21", "--checkpoint-every", "0", "--progress=false", "--out", run.toString()));
        assertThat(res.code()).as(res.err()).isZero();
        List<Probe> probes = MetricsLog.read(run).probes();
        assertThat(probes).hasSize(21);
        for (Probe p : probes) {
            assertThat(rel(p.loss(), losses[p.step()])).as("step %d: %s vs %s", p.step(), p.loss(), losses[p.step()])
                    .isLessThan(1e-10);
        }
        assertThat(Files.readString(run.resolve("config.yaml"))).contains("model-file: " + FIXTURES.resolve(name + ".pt"))
                .contains("module-mode: eval").doesNotContain("depth").doesNotContain("dataset");

        Path last = run.resolve("checkpoints").resolve(Checkpoint.fileName(20));
        List<String> keys = new ArrayList<>();
        ref.get("state_dict_keys").forEach(k -> keys.add(k.asText()));
        List<String> stored = Safetensors.read(last).tensors().keySet().stream()
                .filter(k -> !k.startsWith("optimizer.") && !k.startsWith("tracker.")).toList();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(keys);

        assumeTrue(pythonHasTorch(), "/usr/bin/python3 with torch is not installed");
        JsonNode py = python(FIXTURES.resolve(ref.get("model").asText()).toString(),
                FIXTURES.resolve(ref.get("data").asText()).toString(), ref.get("loss").asText(), mode, last.toString());
        assertThat(py.get(0).get("keys")).hasSize(keys.size());
        double pytorchLoss = py.get(0).get("loss").asDouble();
        assertThat(rel(pytorchLoss, probes.get(20).loss())).as("PyTorch %s vs %s", pytorchLoss, probes.get(20).loss())
                .isLessThan(1e-10);
    }

    /**
     * A killed run resumes from config.yaml alone to the same files; a run whose data file or
     * module has changed since is refused in one line (exit 2).
     */
    @Test
    void resumeRebuildsTheModuleExactlyAndRefusesAChangedFile() throws Exception {
        Path model = Files.copy(FIXTURES.resolve("rescnn.pt"), tmp.resolve("model.pt"));
        Path data = Files.copy(FIXTURES.resolve("rescnn.safetensors"), tmp.resolve("data.safetensors"));
        List<String> flags = List.of("--model-file", model.toString(), "--data", data.toString(), "--loss", "ce",
                "--dtype", "float64", "--threads", "1", "--optimizer", "momentum", "--momentum", "0.5", "--batch-size", "8",
                "--eta", "0.2", "--steps", "8", "--probe-every", "2", "--dense-steps", "0", "--checkpoint-every", "4",
                "--module-mode", "train", "--progress=false");
        Path whole = tmp.resolve("whole");
        assertThat(sharpscope(args("train", flags, "--out", whole.toString())).code()).isZero();
        Path killed = tmp.resolve("killed");
        assertThat(sharpscope(args("train", flags, "--out", killed.toString())).code()).isZero();
        Files.delete(killed.resolve("checkpoints").resolve(Checkpoint.fileName(8)));
        Result resumed = sharpscope("train", "--resume", killed.toString(), "--progress=false");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        for (String f : List.of("metrics.csv", "summary.json", "config.yaml", "checkpoints/" + Checkpoint.fileName(8))) {
            assertThat(Files.readAllBytes(killed.resolve(f))).as(f).isEqualTo(Files.readAllBytes(whole.resolve(f)));
        }

        Files.delete(killed.resolve("checkpoints").resolve(Checkpoint.fileName(8)));
        Safetensors.Contents c = Safetensors.read(data);
        Safetensors.write(data, c.tensors(), Map.of("note", "the same examples, another file"));
        Result refused = sharpscope("train", "--resume", killed.toString(), "--progress=false");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err().strip()).doesNotContain("\n").contains("cannot resume", "--data " + data, "has changed");

        Files.copy(FIXTURES.resolve("rescnn.safetensors"), data, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.write(model, "trailing bytes a zip reader skips".getBytes(), java.nio.file.StandardOpenOption.APPEND);
        Result moduleChanged = sharpscope("train", "--resume", killed.toString(), "--progress=false");
        assertThat(moduleChanged.code()).isEqualTo(2);
        assertThat(moduleChanged.err().strip()).doesNotContain("\n").contains("--model-file " + model, "has changed");
    }

    /**
     * Held-out examples: with the training file as --test-data, test_loss and test_accuracy equal
     * loss and accuracy at every probe; summary.json and sharpness report them; a built-in
     * dataset's --test-subset adds the same columns.
     */
    @Test
    void heldOutExamplesAreRecorded() throws Exception {
        Path run = tmp.resolve("held");
        Path data = FIXTURES.resolve("rescnn.safetensors");
        Result res = sharpscope(args("train", own("rescnn"), "--test-data", data.toString(), "--eta", "0.5", "--steps", "4",
                "--progress=false", "--out", run.toString()));
        assertThat(res.code()).as(res.err()).isZero();
        CsvTable m = CsvTable.read(run.resolve("metrics.csv"));
        assertThat(m.columns()).endsWith("hvps", "test_loss", "test_accuracy");
        int loss = m.columns().indexOf("loss");
        int acc = m.columns().indexOf("accuracy");
        for (int i = 0; i < m.size(); i++) {
            assertThat(m.get(i, m.columns().indexOf("test_loss"))).isEqualTo(m.get(i, loss));
            assertThat(m.get(i, m.columns().indexOf("test_accuracy"))).isEqualTo(m.get(i, acc));
        }
        JsonNode summary = Json.JSON.readTree(run.resolve("summary.json").toFile());
        assertThat(summary.get("final_test_loss").asDouble()).isEqualTo(summary.get("final_loss").asDouble());
        assertThat(summary.get("final_test_accuracy").asDouble()).isEqualTo(summary.get("final_accuracy").asDouble());

        Result s = sharpscope(args("sharpness", own("rescnn"), "--test-data", data.toString(), "--json",
                "--out", tmp.resolve("sharp").toString()));
        assertThat(s.code()).as(s.err()).isZero();
        JsonNode j = Json.JSON.readTree(s.out());
        assertThat(j.get("test_loss").asDouble()).isEqualTo(j.get("loss").asDouble());
        assertThat(j.get("config").get("test_data").asText()).isEqualTo(data.toString());

        Path builtin = tmp.resolve("builtin");
        Result b = sharpscope("train", "--dataset", "synthetic-mixture", "--synthetic-shape", "4", "--subset", "30",
                "--test-subset", "20", "--depth", "2", "--width", "8", "--c", "0.5", "--steps", "3", "--threads", "1",
                "--progress=false", "--out", builtin.toString());
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(CsvTable.read(builtin.resolve("metrics.csv")).columns()).endsWith("test_loss", "test_accuracy");
        assertThat(Files.readString(builtin.resolve("config.yaml"))).contains("test-subset: 20");
        assertThat(Files.readString(builtin.resolve("summary.json"))).contains("final_test_accuracy");
    }

    /** data export writes the examples as the module sees them: float64 inputs, one-hot targets, labels; held-out ones too. */
    @Test
    void dataExportWritesTheModulesExamples() throws Exception {
        Path f = tmp.resolve("export.safetensors");
        Path data = FIXTURES.resolve("rescnn.safetensors");
        Result res = sharpscope(args("data export", own("rescnn"), "--test-data", data.toString(), "--out", f.toString()));
        assertThat(res.code()).as(res.err()).isZero();
        Safetensors.Contents given = Safetensors.read(data);
        Safetensors.Contents out = Safetensors.read(f);
        assertThat(out.tensors().get("inputs").dtype()).isEqualTo("F64");
        assertThat(out.tensors().get("inputs").toDoubles()).isEqualTo(given.tensors().get("inputs").toDoubles());
        double[] labels = given.tensors().get("targets").toDoubles();
        assertThat(out.tensors().get("labels").toDoubles()).isEqualTo(labels);
        double[] hot = out.tensors().get("targets").toDoubles();
        for (int i = 0; i < labels.length; i++) assertThat(hot[i * 3 + (int) labels[i]]).isEqualTo(1.0);
        assertThat(out.tensors().get("test_inputs").toDoubles()).isEqualTo(given.tensors().get("inputs").toDoubles());
        assertThat(out.metadata().get("sharpscope_config")).contains("torchscript").contains("rescnn.pt");
        assertThat(res.out()).contains("test_inputs [24, 3, 6, 6]");
    }

    /** A sweep's cells take the module flags like the command line: both cells train the module. */
    @Test
    void sweepCellsTrainTheModule() throws Exception {
        Path spec = tmp.resolve("sweep.yaml");
        Files.writeString(spec, "command: train\nbase:\n"
                + "  model-file: " + FIXTURES.resolve("transformer.pt") + "\n"
                + "  data: " + FIXTURES.resolve("transformer.safetensors") + "\n"
                + "  dtype: float64\n  steps: 3\n  checkpoint-every: 0\n  threads: 1\n"
                + "axes:\n  eta: [0.1, 0.2]\n");
        Path out = tmp.resolve("sweep");
        Result r = sharpscope("sweep", "run", spec.toString(), "--out", out.toString(), "--workers", "1");
        assertThat(r.code()).as(r.err()).isZero();
        try (var cells = Files.list(out.resolve("cells"))) {
            List<Path> dirs = cells.filter(Files::isDirectory).toList();
            assertThat(dirs).hasSize(2);
            for (Path d : dirs) {
                assertThat(d.resolve("summary.json")).exists();
                assertThat(Files.readString(d.resolve("config.yaml"))).contains("model-file:");
            }
        }
    }

    // ---- one-line errors, exit 2, no run directory ----

    @Test
    void inputsThatDoNotFitAreOneLineErrors() throws Exception {
        Path cnn = FIXTURES.resolve("rescnn.pt");
        Path cnnData = FIXTURES.resolve("rescnn.safetensors");
        Path block = FIXTURES.resolve("transformer.pt");
        Path blockData = FIXTURES.resolve("transformer.safetensors");
        Path noTargets = tmp.resolve("no-targets.safetensors");
        Safetensors.write(noTargets, Map.of("inputs", Safetensors.read(cnnData).tensors().get("inputs")), Map.of());
        Path wideTargets = tmp.resolve("wide.safetensors");
        Map<String, Safetensors.Tensor> w = new LinkedHashMap<>();
        w.put("inputs", Safetensors.read(blockData).tensors().get("inputs"));
        long n = Safetensors.read(blockData).tensors().get("inputs").shape()[0];
        w.put("targets", Safetensors.Tensor.ofDoubles(new double[(int) n * 7], new long[] {n, 7}, "F64"));
        Safetensors.write(wideTargets, w, Map.of());

        Map<List<String>, List<String>> cases = new LinkedHashMap<>();
        // not TorchScript
        cases.put(List.of("--model-file", cnnData.toString(), "--data", cnnData.toString(), "--loss", "ce"),
                List.of(cnnData.toString(), "not a TorchScript file", "torch.jit.script"));
        cases.put(List.of("--model-file", FIXTURES.resolve("eager_pickle.pt").toString(), "--data", cnnData.toString(), "--loss", "ce"),
                List.of("eager_pickle.pt", "not a TorchScript file"));
        // wrong input shape
        cases.put(List.of("--model-file", cnn.toString(), "--data", blockData.toString(), "--loss", "mse"),
                List.of(cnn.toString(), "fails on inputs of shape", "channels"));
        // missing tensor
        cases.put(List.of("--model-file", cnn.toString(), "--data", noTargets.toString(), "--loss", "ce"),
                List.of(noTargets.toString(), "no tensor 'targets'", "save the examples as"));
        // outputs that do not fit the targets
        cases.put(List.of("--model-file", block.toString(), "--data", wideTargets.toString(), "--loss", "mse"),
                List.of(wideTargets.toString(), "for --loss mse give targets"));
        // flags that do not go together
        cases.put(List.of("--model-file", cnn.toString(), "--loss", "ce"), List.of("--model-file needs --data"));
        cases.put(List.of("--data", cnnData.toString()), List.of("--data goes with --model-file"));
        cases.put(List.of("--model-file", cnn.toString(), "--data", cnnData.toString(), "--width", "8"), List.of("drop --width"));
        cases.put(List.of("--model-file", cnn.toString(), "--data", cnnData.toString(), "--test-subset", "5"), List.of("--test-data"));
        cases.put(List.of("--model-file", cnn.toString(), "--data", cnnData.toString(), "--test-data", blockData.toString(), "--loss", "ce"),
                List.of(blockData.toString(), "--test-data", "input shape"));
        int i = 0;
        for (Map.Entry<List<String>, List<String>> c : cases.entrySet()) {
            for (String command : List.of("train", "sharpness")) {
                Path out = tmp.resolve("run-" + i++);
                List<String> a = new ArrayList<>(List.of(command));
                a.addAll(c.getKey());
                a.addAll(List.of("--threads", "1", "--out", out.toString()));
                if (command.equals("train")) a.addAll(List.of("--eta", "0.1", "--steps", "1", "--progress=false"));
                Result r = sharpscope(a.toArray(String[]::new));
                assertThat(r.code()).as("%s: %s", a, r.err()).isEqualTo(2);
                String line = r.err().strip();
                assertThat(line).as("%s", a).doesNotContain("\n").startsWith("error: ");
                for (String phrase : c.getValue()) assertThat(line).as("%s", a).contains(phrase);
                assertThat(out).as("%s leaves no run directory", a).doesNotExist();
            }
        }
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asDouble();
        return out;
    }

    private static Boolean pythonHasTorch;

    static synchronized boolean pythonHasTorch() {
        if (pythonHasTorch == null) {
            boolean ok = false;
            if (Files.isExecutable(PYTHON)) {
                try {
                    Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch").redirectErrorStream(true).start();
                    p.getInputStream().readAllBytes();
                    ok = p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
                } catch (IOException | InterruptedException e) {
                    ok = false;
                }
            }
            pythonHasTorch = ok;
        }
        return pythonHasTorch;
    }

    /** Runs the nn module's check script: loads each checkpoint into the module in PyTorch; its JSON answer. */
    static JsonNode python(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), CHECK_SCRIPT.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return Json.JSON.readTree(out);
    }
}
