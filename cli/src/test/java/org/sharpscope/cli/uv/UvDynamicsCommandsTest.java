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

class UvDynamicsCommandsTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
        JsonNode json() {
            try {
                return Json.JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("stdout is not JSON: " + out, e);
            }
        }
    }

    static Result run(String... args) {
        CommandLine cl = Sharpscope.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The numbers are checked on the tasks (study's DynamicsTasksTest); here, what the commands print and draw. */
    static void printsItsSummaryAndDraws(Path dir, List<String> plots, String... args) throws IOException {
        String[] line = new String[args.length + 3];
        System.arraycopy(args, 0, line, 0, args.length);
        line[args.length] = "--json";
        line[args.length + 1] = "--out";
        line[args.length + 2] = dir.toString();
        Result r = run(line);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(dir.resolve("summary.json")).strip() + System.lineSeparator());
        for (String f : plots) assertThat(dir.resolve(f)).as(f).exists();
        assertThat(Json.JSON.readTree(dir.resolve("manifest.json").toFile()).get("status").asText()).isEqualTo("finished");
    }

    @Test
    void eachCommandPrintsItsSummaryAndDrawsItsPlots() throws IOException {
        printsItsSummaryAndDraws(tmp.resolve("d"), List.of("doublings.csv", "plots/doubling_gaps.png", "plots/doubling_gaps.svg"),
                "uv", "doublings", "--max-period", "16");
        printsItsSummaryAndDraws(tmp.resolve("l1"), List.of("metrics.csv"), "uv", "lyapunov", "--eta-over-etac", "1.9", "--steps", "20000");
        assertThat(tmp.resolve("l1/plots/lyapunov.png")).doesNotExist();
        printsItsSummaryAndDraws(tmp.resolve("l3"), List.of("plots/lyapunov.png"),
                "uv", "lyapunov", "--from", "1.0", "--to", "1.9", "--points", "5", "--steps", "5000");
        printsItsSummaryAndDraws(tmp.resolve("b"), List.of("bifurcation.csv", "eta_over_etac.npy", "orbit_eta_lambda.npy",
                "plots/bifurcation_eta_lambda.png", "config.yaml"),
                "uv", "bifurcation", "--from", "1.0", "--to", "1.9", "--points", "40", "--transient", "300", "--record", "50");
        assertThat(tmp.resolve("b/orbit_eta_lambda_h.npy")).doesNotExist();
        assertThat(tmp.resolve("b/plots/bifurcation_eta_lambda_h.png")).doesNotExist();
        printsItsSummaryAndDraws(tmp.resolve("bh"), List.of("orbit_eta_lambda_h.npy", "plots/bifurcation_eta_lambda.png",
                "plots/bifurcation_eta_lambda_h.png"),
                "uv", "bifurcation", "--from", "1.0", "--to", "1.9", "--points", "40", "--transient", "300", "--record", "50",
                "--sharpness-orbits");
        printsItsSummaryAndDraws(tmp.resolve("bf"), List.of("plots/bifurcation_eta_lambda.png"),
                "uv", "bifurcation", "--map", "full", "--from", "1.1", "--to", "1.9", "--points", "10", "--transient", "2000",
                "--record", "32");
        printsItsSummaryAndDraws(tmp.resolve("f"), List.of("fixed_points.csv", "fixed_lines.csv", "plots/fixed_points.png"),
                "uv", "fixed-points", "--eta-over-etac", "0.5", "--max-period", "1", "--seeds", "20");
        printsItsSummaryAndDraws(tmp.resolve("v"), List.of("vector_field.csv", "trajectories.csv", "plots/vector_field.png"),
                "uv", "vector-field", "--eta-over-etac", "1.2", "--grid", "8", "--trajectory", "0.1,2.9");
        printsItsSummaryAndDraws(tmp.resolve("p"), List.of("phase_diagram.csv", "plots/phase_late_state.png", "plots/phase_early_trend.png"),
                "uv", "phase-diagram", "--grid", "6,5", "--steps", "400");
        printsItsSummaryAndDraws(tmp.resolve("q"), List.of("plots/phase_late_state.png"),
                "uv", "phase-diagram", "--x-axis", "eta-over-etac", "--c", "3", "--grid", "4,3", "--steps", "100");
    }

    @Test
    void withoutJsonTheCommandsPrintLinesForPeople() {
        Result d = run("uv", "doublings", "--max-period", "16", "--out", tmp.resolve("d").toString());
        assertThat(d.code()).isZero();
        assertThat(d.out().lines().toList()).hasSize(7)
                .contains("period    2 ->    4 at η/η_c = 1.236067977499790")
                .endsWith("wrote " + tmp.resolve("d"));
        Result f = run("uv", "fixed-points", "--eta-over-etac", "0.5", "--max-period", "1", "--seeds", "20",
                "--out", tmp.resolve("f").toString());
        assertThat(f.out()).startsWith("η/η_c = 0.5, map full").contains("  period 1: saddle at [{x=-0.5, eta_lambda=")
                .contains("  line minima (Δf = 0) from {x=");
        Result l = run("uv", "lyapunov", "--eta-over-etac", "1.1", "--steps", "20000", "--out", tmp.resolve("l").toString());
        assertThat(l.out()).startsWith("η/η_c = 1.1: largest exponent -0.857").contains("period 2 (0: chaotic, -1: diverged)");
        Result v = run("uv", "vector-field", "--eta-over-etac", "0.8", "--out", tmp.resolve("v").toString());
        assertThat(v.out()).startsWith("fixed points [{x=-0.8, eta_lambda=").contains("stability=saddle, admissible=true}]");
        Result p = run("uv", "phase-diagram", "--grid", "6,5", "--steps", "400", "--out", tmp.resolve("p").toString());
        assertThat(p.out()).startsWith("late states: {unreachable=");
        Result b = run("uv", "bifurcation", "--from", "1.0", "--to", "1.9", "--points", "40", "--transient", "300",
                "--record", "50", "--out", tmp.resolve("b").toString());
        assertThat(b.out()).startsWith("40 values × 50 recorded (after 300 transient) in ").contains("; diverged from null");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "uv bifurcation --from 2 --to 1",
            "uv bifurcation --points 0",
            "uv bifurcation --from NaN",
            "uv bifurcation --record 0",
            "uv bifurcation --from 1 --to Infinity",
            "uv lyapunov",
            "uv lyapunov --eta-over-etac 1 --from 1 --to 2",
            "uv lyapunov --from 1.5 --to 1.5",
            "uv lyapunov --eta-over-etac -1",
            "uv doublings --max-period 1",
            "uv doublings --from 1.2",
            "uv fixed-points --eta-over-etac 0",
            "uv fixed-points --eta-over-etac 1 --box 1,0,0,1",
            "uv vector-field --eta-over-etac 1 --x-range 1,1",
            "uv vector-field --eta-over-etac 1 --trajectory a,b",
            "uv phase-diagram --grid 1,1",
            "uv phase-diagram --x-range 3,2",
            "uv bifurcation --points abc"})
    void badInputIsOneLineAndExitTwo(String line) {
        Path out = tmp.resolve("bad");
        String[] args = (line + " --out " + out).split(" ");
        Result r = run(args);
        assertThat(r.code()).as(line).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: ");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(Files.exists(out)).isFalse();
    }
}
