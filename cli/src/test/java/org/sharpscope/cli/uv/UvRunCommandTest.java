package org.sharpscope.cli.uv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sharpscope.cli.Sharpscope;
import org.sharpscope.run.Json;
import picocli.CommandLine;

/** {@code sharpscope uv run}: what it prints, the run directory with its plots, config files and bad input. */
class UvRunCommandTest {
    static final Path EXAMPLES = Path.of("").toAbsolutePath().getParent().resolve("examples").resolve("uv");

    @TempDir
    Path tmp;

    record Outcome(int code, String out, String err) {}

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Sharpscope.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    JsonNode example(String name) throws IOException {
        Path dir = tmp.resolve(name);
        Outcome o = run("uv", "run", "--config", EXAMPLES.resolve(name + ".yaml").toString(), "--out", dir.toString(), "--json");
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode printed = Json.JSON.readTree(o.out());
        JsonNode written = Json.JSON.readTree(dir.resolve("summary.json").toFile());
        assertThat(printed).isEqualTo(written);
        assertThat(o.err()).contains("η = ").contains("Wrote " + dir);
        return written;
    }

    /** The examples' regimes are checked on the task (study's UvRunTaskTest); here, what the command prints. */
    @Test
    void examplesPrintTheirSummaryAndAParagraph() throws IOException {
        for (String name : List.of("catapult", "function-engine", "divergence")) {
            JsonNode s = example(name);
            Outcome o = run("uv", "run", "--config", EXAMPLES.resolve(name + ".yaml").toString(),
                    "--out", tmp.resolve(name + "-text").toString());
            assertThat(o.code()).as(o.err()).isZero();
            assertThat(o.out().strip()).contains("η = ").contains(s.get("late_state").asText().equals("diverged") ? "diverged at step" : "converged")
                    .endsWith("(metrics.csv, summary.json, plots/loss.png, plots/sharpness.png).");
        }
    }

    @Test
    void theParagraphSaysWhatRan() {
        Path dir = tmp.resolve("p");
        Outcome o = run("uv", "run", "--width", "50", "--c", "0.5", "--steps", "30", "--out", dir.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out().strip())
                .startsWith("UV model n=50, d=1, s=1.000, σ_w=1.000, y=1.000, seed=0 (weights engine): η = ")
                .contains("c = ηλ₀^H = 0.5000").contains("Over 30 steps the sharpness λ^H went ")
                .endsWith("Wrote " + dir + " (metrics.csv, summary.json, plots/loss.png, plots/sharpness.png).");
        assertThat(o.out().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void runDirectoryHasEveryFile() throws IOException {
        Path dir = tmp.resolve("r");
        Outcome o = run("uv", "run", "--width", "50", "--c", "0.5", "--steps", "30", "--out", dir.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("η = ").contains("sharpness").contains(dir.toString());
        for (String f : List.of("config.yaml", "manifest.json", "metrics.csv", "summary.json",
                "plots/loss.png", "plots/loss.svg", "plots/sharpness.png", "plots/sharpness.svg")) {
            assertThat(dir.resolve(f)).exists();
        }
        List<String> lines = Files.readAllLines(dir.resolve("metrics.csv"));
        assertThat(lines.get(0)).startsWith("step,f,residual,loss,ntk,sharpness,q,norm_u,norm_v");
        assertThat(lines).hasSize(32);
        JsonNode manifest = Json.JSON.readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.get("status").asText()).isEqualTo("finished");
        JsonNode summary = Json.JSON.readTree(dir.resolve("summary.json").toFile());
        for (String key : List.of("eta", "eta_c", "eta_over_etac", "kappa", "lambda0", "sharpness_final",
                "early_trend", "catapult", "catapult_at", "late_state", "period", "diverged_at")) {
            assertThat(summary.has(key)).as(key).isTrue();
        }
        // config.yaml is itself a valid --config file that reproduces the run
        Path again = tmp.resolve("again");
        assertThat(run("uv", "run", "--config", dir.resolve("config.yaml").toString(), "--out", again.toString()).code()).isZero();
        assertThat(Files.readString(again.resolve("metrics.csv"))).isEqualTo(Files.readString(dir.resolve("metrics.csv")));
    }

    @Test
    void flagsOverrideTheConfigFile() throws IOException {
        Path dir = tmp.resolve("o");
        Outcome o = run("uv", "run", "--config", EXAMPLES.resolve("persistent-eos.yaml").toString(),
                "--c", "0.2", "--steps", "40", "--out", dir.toString(), "--json");
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode s = Json.JSON.readTree(o.out());
        assertThat(s.get("c").asDouble()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(s.get("steps_run").asInt()).isEqualTo(40);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "--width 0 --eta 0.1",
            "--width -5 --eta 0.1",
            "--param-s 1.5 --eta 0.1",
            "--param-s -0.2 --eta 0.1",
            "--eta -1",
            "--eta 0",
            "--eta 0.1 --c 1",
            "--eta 0.1 --c 1 --eta-over-etac 1",
            "--steps 10",
            "--eta NaN",
            "--target NaN --eta 0.1",
            "--sigma-w Infinity --eta 0.1",
            "--eta 0.1 --no-such-flag",
            "--eta abc",
            "--engine foo --eta 0.1",
            "--eta 0.1 --steps 0",
            "--eta 0.1 --steps 2000000000",
            "--eta 0.1 --input 1,2 --input-dim 3",
            "--eta 0.1 --f0 1 --lambda0 3 --kappa 1",
            "--eta 0.1 --engine function --f0 1 --lambda0 1 --kappa 1",
            "--eta 0.1 --engine function --f0 1",
            "--eta-over-etac 1.2 --target 0",
            "--eta 0.1 --config /no/such/file.yaml"})
    void badInputIsOneLineAndExitTwo(String flags) {
        String[] args = concat(new String[] {"uv", "run", "--out", tmp.resolve("bad").toString()}, flags.split(" "));
        Outcome o = run(args);
        assertThat(o.code()).as(o.err()).isEqualTo(2);
        assertThat(o.err().strip()).startsWith("error: ").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void badConfigFileIsOneLineAndExitTwo() throws IOException {
        Path unknown = Files.writeString(tmp.resolve("u.yaml"), "width: 10\nlearning-rate: 3\n");
        Path badValue = Files.writeString(tmp.resolve("b.yaml"), "width: ten\neta: 0.1\n");
        Path notMap = Files.writeString(tmp.resolve("n.yaml"), "- 1\n- 2\n");
        for (Path p : List.of(unknown, badValue, notMap)) {
            Outcome o = run("uv", "run", "--config", p.toString(), "--eta", "0.1", "--out", tmp.resolve("x").toString());
            assertThat(o.code()).as(p + ": " + o.err()).isEqualTo(2);
            assertThat(o.err().strip()).startsWith("error: ").contains(p.toString()).doesNotContain("\n");
        }
    }

    static String[] concat(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
