package org.sharpscope.cli.uv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.run.Json;
import org.sharpscope.run.Npy;
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

    @Test
    void doublingsJsonHasTheNamedKeysAndTheExactSecondDoubling() {
        Result r = run("uv", "doublings", "--max-period", "16", "--json", "--out", tmp.resolve("d").toString());
        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("doublings")).hasSize(4);
        JsonNode second = j.get("doublings").get(1);
        assertThat(second.get("period_before").asInt()).isEqualTo(2);
        assertThat(second.get("period_after").asInt()).isEqualTo(4);
        assertThat(second.get("eta_over_etac").asDouble()).isCloseTo(Math.sqrt(5) - 1, within(1e-9));
        assertThat(j.get("accumulation").asDouble()).isBetween(1.30, 1.31);
        assertThat(j.get("feigenbaum_ratios")).hasSize(2);
        assertThat(Files.exists(tmp.resolve("d/summary.json"))).isTrue();
        assertThat(Files.exists(tmp.resolve("d/doublings.csv"))).isTrue();
        assertThat(Files.exists(tmp.resolve("d/plots/doubling_gaps.png"))).isTrue();
    }

    @Test
    void lyapunovSingleValueAndRange() {
        JsonNode chaos = run("uv", "lyapunov", "--eta-over-etac", "1.9", "--steps", "20000", "--json", "--out", tmp.resolve("l1").toString()).json();
        assertThat(chaos.get("eta_over_etac").asDouble()).isEqualTo(1.9);
        assertThat(chaos.get("lyapunov").asDouble()).isPositive();
        assertThat(chaos.get("period").asInt()).isZero();
        JsonNode p2 = run("uv", "lyapunov", "--eta-over-etac", "1.1", "--steps", "20000", "--json", "--out", tmp.resolve("l2").toString()).json();
        assertThat(p2.get("period").asInt()).isEqualTo(2);
        // Period-2 exponent = ln|7 − 4Y − 2Y²| / 2.
        assertThat(p2.get("lyapunov").asDouble()).isCloseTo(Math.log(Math.abs(7 - 4 * 1.1 - 2 * 1.21)) / 2, within(1e-6));
        Result range = run("uv", "lyapunov", "--from", "1.0", "--to", "1.9", "--points", "5", "--steps", "5000", "--json",
                "--out", tmp.resolve("l3").toString());
        assertThat(range.code()).isZero();
        assertThat(range.json().get("lyapunov")).hasSize(5);
        assertThat(range.json().get("period")).hasSize(5);
        assertThat(Files.exists(tmp.resolve("l3/plots/lyapunov.png"))).isTrue();
    }

    @Test
    void bifurcationWritesNpyThatMatchesADirectIteration() {
        Path dir = tmp.resolve("b");
        Result r = run("uv", "bifurcation", "--from", "1.0", "--to", "1.9", "--points", "40", "--transient", "300",
                "--record", "50", "--json", "--out", dir.toString());
        assertThat(r.code()).isZero();
        Npy.Array ys = Npy.read(dir.resolve("eta_over_etac.npy"));
        Npy.Array orbit = Npy.read(dir.resolve("orbit_eta_lambda.npy"));
        assertThat(orbit.shape()).containsExactly(40, 50);
        int i = 17;
        double y = ys.data()[i];
        EosManifoldMap g = new EosManifoldMap(y);
        double x = 0.1;
        for (int t = 0; t < 300; t++) x = g.next(x);
        for (int t = 0; t < 50; t++) {
            assertThat(orbit.data()[i * 50 + t]).isEqualTo(EosManifoldMap.etaLambda(x, y));
            x = g.next(x);
        }
        assertThat(r.json().get("windows").isArray()).isTrue();
        for (String f : List.of("bifurcation.csv", "orbit_eta_lambda_h.npy", "plots/bifurcation_eta_lambda.png",
                "plots/bifurcation_eta_lambda_h.png", "config.yaml", "manifest.json")) {
            assertThat(Files.exists(dir.resolve(f))).as(f).isTrue();
        }
        Result full = run("uv", "bifurcation", "--map", "full", "--from", "1.1", "--to", "1.9", "--points", "10",
                "--transient", "2000", "--record", "32", "--json", "--out", tmp.resolve("bf").toString());
        assertThat(full.code()).isZero();
    }

    @Test
    void fixedPointsVectorFieldAndPhaseDiagramRun() {
        JsonNode fp = run("uv", "fixed-points", "--eta-over-etac", "0.5", "--max-period", "1", "--seeds", "20", "--json", "--out", tmp.resolve("f").toString()).json();
        assertThat(fp.get("orbits")).hasSize(3);
        assertThat(fp.get("lines")).hasSize(1);
        assertThat(fp.get("lines").get(0).get("segments").toString()).contains("\"flip\"");
        Result v = run("uv", "vector-field", "--eta-over-etac", "1.2", "--grid", "8", "--trajectory", "0.1,2.9", "--out", tmp.resolve("v").toString());
        assertThat(v.code()).isZero();
        assertThat(Files.exists(tmp.resolve("v/plots/vector_field.png"))).isTrue();
        assertThat(Files.exists(tmp.resolve("v/trajectories.csv"))).isTrue();
        JsonNode p = run("uv", "phase-diagram", "--grid", "6,5", "--steps", "400", "--json", "--out", tmp.resolve("p").toString()).json();
        assertThat(p.get("late_state_counts").toString()).contains("converged");
        assertThat(Files.exists(tmp.resolve("p/plots/phase_late_state.png"))).isTrue();
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
