package org.sharpscope.study.uv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sharpscope.UserInputException;
import org.sharpscope.dynamics.Stability;
import org.sharpscope.regime.Regime;
import org.sharpscope.regime.RegimeAnalysis;
import org.sharpscope.run.Json;
import org.sharpscope.run.Npy;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Specs;
import org.sharpscope.study.Task;
import org.sharpscope.study.Tasks;
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.uv.UvDimensionlessMap;
import org.sharpscope.uv.UvSharpness;
import org.sharpscope.uv.UvTheory;

/** The six {@code uv} dynamics tasks: their numbers against theory, their files and their refusals. */
class DynamicsTasksTest {
    @TempDir
    Path tmp;

    static <S extends Record, R extends Record> R run(Task<S, R> task, String settings, Path dir) {
        return run(task, UvRunTaskTest.settings(settings), dir);
    }

    static <S extends Record, R extends Record> R run(Task<S, R> task, Map<String, Object> settings, Path dir) {
        S spec = Specs.bind(task.specType(), settings, task.name());
        R summary = task.run(spec, RunContext.quiet(dir));
        try {
            assertThat(Files.readString(dir.resolve("summary.json"))).isEqualTo(Json.toJson(summary) + "\n");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return summary;
    }

    static List<String> keys(Path dir, String file) throws IOException {
        JsonNode n = file.endsWith(".yaml") ? Json.YAML.readTree(dir.resolve(file).toFile()) : Json.JSON.readTree(dir.resolve(file).toFile());
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void doublingsFindTheExactSecondDoubling() throws IOException {
        Path dir = tmp.resolve("d");
        DoublingsSummary s = run(new DoublingsTask(), "max-period 16", dir);
        assertThat(s.doublings()).hasSize(4);
        DoublingsSummary.Doubling second = s.doublings().get(1);
        assertThat(second.periodBefore()).isEqualTo(2);
        assertThat(second.periodAfter()).isEqualTo(4);
        assertThat(second.etaOverEtac()).isCloseTo(UvTheory.PERIOD_FOUR_ONSET, within(1e-9));
        assertThat(s.doublings().get(0).etaOverEtac()).isCloseTo(UvTheory.EOS_ONSET, within(1e-9));
        assertThat(s.accumulation()).isBetween(1.30, 1.31);
        assertThat(s.feigenbaumRatios()).hasSize(2);
        assertThat(dir.resolve("doublings.csv")).exists();
        assertThat(keys(dir, "summary.json")).containsExactly("doublings", "accumulation", "feigenbaum_ratios", "map", "max_period");
        assertThat(keys(dir, "config.yaml")).containsExactly("command", "map", "max_period", "from", "to", "x0");
        assertThat(s.describe().get(1)).isEqualTo("period    2 ->    4 at η/η_c = 1.236067977499790");
    }

    @Test
    void lyapunovAtOneValueAndOverARange() throws IOException {
        LyapunovSummary chaos = run(new LyapunovTask(), "eta-over-etac 1.9 steps 20000", tmp.resolve("l1"));
        assertThat(chaos.overRange()).isNull();
        assertThat(chaos.atOneValue().etaOverEtac()).isEqualTo(1.9);
        assertThat(chaos.atOneValue().lyapunov()).isPositive();
        assertThat(chaos.atOneValue().period()).isZero();
        LyapunovSummary p2 = run(new LyapunovTask(), "eta-over-etac 1.1 steps 20000", tmp.resolve("l2"));
        assertThat(p2.atOneValue().period()).isEqualTo(2);
        // Period-2 exponent = ln|7 − 4Y − 2Y²| / 2.
        assertThat(p2.atOneValue().lyapunov()).isCloseTo(Math.log(Math.abs(7 - 4 * 1.1 - 2 * 1.21)) / 2, within(1e-6));
        assertThat(p2.atOneValue().lyapunov()).isCloseTo(UvTheory.periodTwoLyapunov(1.1), within(1e-6));
        assertThat(keys(tmp.resolve("l2"), "summary.json"))
                .containsExactly("eta_over_etac", "lyapunov", "period", "transverse", "full_map_spectrum", "diverged");
        LyapunovSummary range = run(new LyapunovTask(), "from 1.0 to 1.9 points 5 steps 5000", tmp.resolve("l3"));
        assertThat(range.atOneValue()).isNull();
        assertThat(range.overRange().lyapunov()).hasSize(5);
        assertThat(range.overRange().period()).hasSize(5);
        assertThat(keys(tmp.resolve("l3"), "summary.json"))
                .containsExactly("eta_over_etac", "lyapunov", "period", "transverse", "full_map_spectrum");
        assertThat(keys(tmp.resolve("l3"), "config.yaml"))
                .containsExactly("command", "eta_over_etac", "from", "to", "points", "transient", "steps", "x0");
    }

    @Test
    void bifurcationWritesNpyThatMatchesADirectIteration() throws IOException {
        Path dir = tmp.resolve("b");
        BifurcationSummary s = run(new BifurcationTask(), "from 1.0 to 1.9 points 40 transient 300 record 50", dir);
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
        assertThat(s.windows()).isNotNull();
        for (String f : List.of("bifurcation.csv", "config.yaml", "manifest.json")) {
            assertThat(dir.resolve(f)).as(f).exists();
        }
        assertThat(dir.resolve("orbit_eta_lambda_h.npy")).doesNotExist();
        assertThat(s.files()).doesNotContain("orbit_eta_lambda_h.npy", "plots/bifurcation_eta_lambda_h.png");
        assertThat(keys(dir, "summary.json")).containsExactly("map", "from", "to", "points", "transient", "record", "windows",
                "chaotic_fraction", "diverged_from", "orbit_seconds", "files");
        BifurcationSummary full = run(new BifurcationTask(), "map full from 1.1 to 1.9 points 10 transient 2000 record 32",
                tmp.resolve("bf"));
        assertThat(full.map()).isEqualTo(MapKind.full);
        assertThat(Json.YAML.readTree(tmp.resolve("bf/config.yaml").toFile()).get("lambda0_offset").asDouble()).isEqualTo(0.1);
    }

    @Test
    void bifurcationWritesTheSharpnessOrbitsWhenAskedAndTheSameEverythingElse() throws IOException {
        String settings = "from 1.0 to 1.9 points 40 transient 300 record 50";
        BifurcationSummary without = run(new BifurcationTask(), settings, tmp.resolve("b0"));
        Map<String, Object> asked = new java.util.LinkedHashMap<>(UvRunTaskTest.settings(settings));
        asked.put("sharpness-orbits", true);
        Path dir = tmp.resolve("b1");
        BifurcationSummary with = run(new BifurcationTask(), asked, dir);
        Npy.Array sharpness = Npy.read(dir.resolve("orbit_eta_lambda_h.npy"));
        assertThat(sharpness.shape()).containsExactly(40, 50);
        double[] ys = Npy.read(dir.resolve("eta_over_etac.npy")).data();
        for (int i : new int[] {0, 17, 39}) {
            double y = ys[i];
            EosManifoldMap g = new EosManifoldMap(y);
            double x = 0.1;
            for (int t = 0; t < 300; t++) x = g.next(x);
            for (int t = 0; t < 50; t++) {
                assertThat(sharpness.data()[i * 50 + t]).isEqualTo(UvSharpness.sharpness(x, EosManifoldMap.etaLambda(x, y), 1, y));
                x = g.next(x);
            }
        }
        assertThat(with.files()).contains("orbit_eta_lambda_h.npy", "plots/bifurcation_eta_lambda_h.png");
        assertThat(with.windows()).isEqualTo(without.windows());
        assertThat(with.chaoticFraction()).isEqualTo(without.chaoticFraction());
        assertThat(Files.readString(dir.resolve("bifurcation.csv"))).isEqualTo(Files.readString(tmp.resolve("b0/bifurcation.csv")));
        assertThat(Files.readAllBytes(dir.resolve("orbit_eta_lambda.npy"))).isEqualTo(Files.readAllBytes(tmp.resolve("b0/orbit_eta_lambda.npy")));
        assertThat(Json.YAML.readTree(dir.resolve("config.yaml").toFile()).get("sharpness_orbits").asBoolean()).isTrue();
        assertThat(Json.YAML.readTree(tmp.resolve("b0/config.yaml").toFile()).get("sharpness_orbits").asBoolean()).isFalse();
    }

    @Test
    void fixedPointsFindTheMinimaLineAndTheIsolatedPoints() throws IOException {
        Path dir = tmp.resolve("f");
        FixedPointsSummary fp = run(new FixedPointsTask(), "eta-over-etac 0.5 max-period 1 seeds 20", dir);
        assertThat(fp.orbits()).hasSize(3);
        assertThat(fp.lines()).hasSize(1);
        assertThat(fp.lines().get(0).segments()).anyMatch(seg -> seg.transverse() == Stability.FLIP);
        assertThat(Json.toJson(fp.lines().get(0).segments())).contains("\"flip\"");
        assertThat(dir.resolve("fixed_points.csv")).exists();
        assertThat(dir.resolve("fixed_lines.csv")).exists();
        assertThat(keys(dir, "summary.json")).containsExactly("eta_over_etac", "map", "box", "orbits", "lines");
        assertThat(keys(dir, "config.yaml")).containsExactly("command", "eta_over_etac", "max_period", "map", "box", "seeds_per_axis");
        assertThat(fp.describe().get(0)).isEqualTo("η/η_c = 0.5, map full");
    }

    @Test
    void vectorFieldWritesTheFieldAndTheTrajectories() throws IOException {
        Path dir = tmp.resolve("v");
        VectorFieldSummary v = run(new VectorFieldTask(),
                Map.of("eta-over-etac", 1.2, "grid", 8, "trajectory", List.of("0.1,2.9")), dir);
        assertThat(Files.readAllLines(dir.resolve("vector_field.csv"))).hasSize(65);
        assertThat(Files.readAllLines(dir.resolve("trajectories.csv"))).hasSize(42);
        assertThat(v.trajectories()).hasSize(1);
        assertThat(v.trajectories().get(0).start()).containsExactly(0.1, 2.9);
        assertThat(v.minimaLine().stableReachableEtaLambda()).isNull();
        VectorFieldSummary below = run(new VectorFieldTask(), "eta-over-etac 0.8", tmp.resolve("v2"));
        assertThat(below.minimaLine().stableReachableEtaLambda()).containsExactly(1.6, 2.0);
        assertThat(below.trajectories()).hasSize(2);
        assertThat(keys(dir, "summary.json")).containsExactly("eta_over_etac", "x_range", "lambda_range", "fixed_points",
                "minima_line", "trajectories", "files");
    }

    @Test
    void phaseDiagramCountsTheRegimes() throws IOException {
        Path dir = tmp.resolve("p");
        PhaseDiagramSummary p = run(new PhaseDiagramTask(), "grid 6,5 steps 400", dir);
        assertThat(p.lateStateCounts()).containsKey("converged");
        assertThat(p.lateStateCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(30);
        assertThat(p.etaOverEtac()).isEqualTo(0.8);
        assertThat(p.c()).isNull();
        assertThat(keys(dir, "summary.json")).containsExactly("x_axis", "x_range", "f0_over_y_range", "grid", "eta_over_etac",
                "c", "late_state_counts", "classifier", "files");
        PhaseDiagramSummary q = run(new PhaseDiagramTask(), "x-axis eta-over-etac c 3 grid 4,3 steps 100", tmp.resolve("q"));
        assertThat(q.xAxis()).isEqualTo(PhaseDiagramSpec.XAxis.eta_over_etac);
        assertThat(Json.toJson(q)).contains("\"x_axis\" : \"eta_over_etac\"");
    }

    /** Each cell is exactly the dimensionless map iterated with loss ½x² and sharpness ηλ^H at η = 1. */
    @Test
    void aPhaseDiagramCellIsTheDimensionlessMap() {
        for (double[] cell : new double[][] {{0.8, 3, 0.2}, {0.8, 3, 1.4}, {1.3, 3, 0.6}, {0.4, 5.5, -0.8}, {1.9, 4, 0.9}}) {
            double bigY = cell[0];
            double x0 = bigY * (cell[2] - 1);
            int steps = 500;
            UvDimensionlessMap m = new UvDimensionlessMap(bigY);
            long[] step = new long[steps];
            double[] loss = new double[steps];
            double[] sharp = new double[steps];
            double[] s = {x0, cell[1]};
            for (int t = 0; t < steps; t++) {
                step[t] = t;
                loss[t] = 0.5 * s[0] * s[0];
                sharp[t] = UvSharpness.sharpness(s[0], s[1], 1, bigY);
                m.step(s, s);
            }
            Regime expected = RegimeAnalysis.analyze(step, loss, sharp, 1.0);
            Regime got = PhaseDiagramTask.classify(bigY, cell[1], cell[2], steps);
            assertThat(got.lateState()).isEqualTo(expected.lateState());
            assertThat(got.earlyTrend()).isEqualTo(expected.earlyTrend());
            assertThat(got.catapultAt()).isEqualTo(expected.catapultAt());
            assertThat(got.period()).isEqualTo(expected.period());
        }
        assertThat(PhaseDiagramTask.classify(0.8, 0.1, 2, 100)).isNull();
    }

    @Test
    void everyDynamicsTaskIsRegistered() {
        for (String name : List.of("uv fixed-points", "uv doublings", "uv lyapunov", "uv bifurcation", "uv vector-field",
                "uv phase-diagram")) {
            assertThat(Tasks.named(name).name()).isEqualTo(name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "uv bifurcation: from 2 to 1",
            "uv bifurcation: points 0",
            "uv bifurcation: from NaN",
            "uv bifurcation: record 0",
            "uv bifurcation: from 1 to Infinity",
            "uv bifurcation: points 20000 record 10000",
            "uv bifurcation: lambda0-offset -1",
            "uv bifurcation: map full from 1 to 1.5 lambda0 1",
            "uv lyapunov: steps 10",
            "uv lyapunov: eta-over-etac 1 from 1 to 2",
            "uv lyapunov: from 1.5 to 1.5",
            "uv lyapunov: from 1.5",
            "uv lyapunov: eta-over-etac -1",
            "uv doublings: max-period 1",
            "uv doublings: from 1.2",
            "uv fixed-points: eta-over-etac 0",
            "uv fixed-points: max-period 2",
            "uv fixed-points: eta-over-etac 1 box 1,0,0,1",
            "uv fixed-points: eta-over-etac 1 map manifold box 0,1,2,3",
            "uv fixed-points: eta-over-etac 1 seeds 1",
            "uv vector-field: eta-over-etac 1 x-range 1,1",
            "uv vector-field: eta-over-etac 1 trajectory a,b",
            "uv vector-field: eta-over-etac 1 grid 1",
            "uv phase-diagram: grid 1,1",
            "uv phase-diagram: x-range 3,2",
            "uv phase-diagram: x-axis foo",
            "uv phase-diagram: steps 8"})
    void badSpecsAreOneLineUserErrors(String line) {
        String[] parts = line.split(": ");
        Task<?, ?> task = Tasks.named(parts[0]);
        assertThatThrownBy(() -> Specs.bind(task.specType(), UvRunTaskTest.settings(parts[1]), parts[0]))
                .isInstanceOf(UserInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void defaultsAreFilledInTheSpec() {
        assertThat(Specs.bind(BifurcationSpec.class, Map.of(), "test"))
                .isEqualTo(new BifurcationSpec(0.9, 2.0, 2000, 10_000, 1000, MapKind.manifold, 0.1, null, 0.1, 64, false));
        assertThat(Specs.bind(FixedPointsSpec.class, Map.of("eta-over-etac", 1.5), "test").box())
                .containsExactly(-3.0, 3.0, -1.0, 8.0);
        assertThat(Specs.bind(LyapunovSpec.class, Map.of("eta-over-etac", 1.5, "transient", 7), "test").transientSteps()).isEqualTo(7);
        assertThat(Specs.bind(PhaseDiagramSpec.class, Map.of("x-axis", "eta-over-etac"), "test").xRange()).containsExactly(0.1, 2.2);
    }
}
