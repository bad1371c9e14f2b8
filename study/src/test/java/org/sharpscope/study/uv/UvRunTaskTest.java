package org.sharpscope.study.uv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sharpscope.UserInputException;
import org.sharpscope.regime.EarlyTrend;
import org.sharpscope.regime.LateState;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.Json;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Specs;
import org.sharpscope.study.Tasks;
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.uv.UvTheory;

/** The {@code uv run} task: the documented examples, its run directory, its spec's defaults and refusals. */
class UvRunTaskTest {
    static final Path EXAMPLES = Path.of("").toAbsolutePath().getParent().resolve("examples").resolve("uv");
    static final UvRunTask TASK = new UvRunTask();

    @TempDir
    Path tmp;

    UvRunSummary example(String name) throws IOException {
        UvRunSpec spec = Specs.bind(UvRunSpec.class, Specs.readYaml(EXAMPLES.resolve(name + ".yaml")), name);
        Path dir = tmp.resolve(name);
        UvRunSummary s = TASK.run(spec, RunContext.quiet(dir));
        assertThat(Files.readString(dir.resolve("summary.json"))).isEqualTo(Json.toJson(s) + "\n");
        return s;
    }

    static void expect(UvRunSummary s, EarlyTrend trend, boolean catapult, LateState late, int period) {
        assertThat(s.earlyTrend()).isEqualTo(trend);
        assertThat(s.catapult()).isEqualTo(catapult);
        assertThat(s.lateState()).isEqualTo(late);
        assertThat(s.period()).isEqualTo(period);
    }

    @Test
    void examplesAreClassifiedAsDocumented() throws IOException {
        expect(example("sharpness-reduction"), EarlyTrend.SHARPNESS_REDUCTION, false, LateState.CONVERGED, 1);
        expect(example("progressive-sharpening"), EarlyTrend.PROGRESSIVE_SHARPENING, false, LateState.CONVERGED, 1);
        UvRunSummary cat = example("catapult");
        expect(cat, EarlyTrend.SHARPNESS_REDUCTION, true, LateState.CONVERGED, 1);
        assertThat(cat.catapultAt()).isBetween(1L, 20L);
        assertThat(cat.sharpnessFinal() * cat.eta()).isLessThan(2);
        expect(example("chaos"), EarlyTrend.PROGRESSIVE_SHARPENING, false, LateState.CHAOTIC, 0);
        expect(example("function-engine"), EarlyTrend.SHARPNESS_REDUCTION, false, LateState.CONVERGED, 1);
        UvRunSummary div = example("divergence");
        assertThat(div.lateState()).isEqualTo(LateState.DIVERGED);
        assertThat(div.divergedAt()).isBetween(1L, 200L);
        assertThat(div.sharpnessFinal()).isNotNull();
    }

    /** Transient EoS: converges below 2/η after η·λ oscillated above 2 for many steps. */
    @Test
    void transientEosExample() throws IOException {
        UvRunSummary s = example("transient-eos");
        expect(s, EarlyTrend.PROGRESSIVE_SHARPENING, false, LateState.CONVERGED, 1);
        assertThat(s.etaOverEtac()).isLessThan(1);
        assertThat(s.eta() * s.lambdaInfGf()).isGreaterThan(2);
        double[] etaNtk = metrics(tmp.resolve("transient-eos"), "eta_ntk");
        int above = 0;
        for (int i = 5; i < etaNtk.length; i++) if (etaNtk[i] > 2) above++;
        assertThat(above).isGreaterThanOrEqualTo(20);
        assertThat(etaNtk[etaNtk.length - 1]).isLessThan(2);
    }

    /** Persistent EoS: the last two η·λ equal 1 + Y ± sqrt((Y − 1)(Y + 3)) (docs/theory.md §7). */
    @Test
    void persistentEosExampleMatchesClosedForm() throws IOException {
        UvRunSummary s = example("persistent-eos");
        expect(s, EarlyTrend.PROGRESSIVE_SHARPENING, false, LateState.EOS, 2);
        double y = s.etaOverEtac();
        double root = Math.sqrt((y - 1) * (y + 3));
        double[] etaNtk = metrics(tmp.resolve("persistent-eos"), "eta_ntk");
        double a = etaNtk[etaNtk.length - 1];
        double b = etaNtk[etaNtk.length - 2];
        assertThat(Math.max(a, b)).isCloseTo(1 + y + root, Offset.offset(1e-9));
        assertThat(Math.min(a, b)).isCloseTo(1 + y - root, Offset.offset(1e-9));
        double[] xs = UvTheory.periodTwoX(y);
        assertThat(Math.max(a, b)).isCloseTo(EosManifoldMap.etaLambda(xs[1], y), Offset.offset(1e-9));
        assertThat(s.lateSharpnessOrbit()).hasSize(2);
    }

    @Test
    void functionEngineMatchesWeightsEngine() {
        Path w = tmp.resolve("w");
        Path f = tmp.resolve("f");
        TASK.run(new UvRunSpec(200, null, null, 0.5, null, null, null, null, 1.5, null, 100, null, null, null, null),
                RunContext.quiet(w));
        TASK.run(new UvRunSpec(200, null, null, 0.5, null, null, null, null, 1.5, null, 100, UvRunSpec.Engine.function,
                null, null, null), RunContext.quiet(f));
        double[] fw = metrics(w, "ntk");
        double[] ff = metrics(f, "ntk");
        assertThat(ff).hasSameSizeAs(fw);
        for (int i = 0; i < fw.length; i++) assertThat(ff[i]).isCloseTo(fw[i], Percentage.withPercentage(1e-10));
    }

    @Test
    void configYamlIsTheResolvedSpecAndReproducesTheRun() throws IOException {
        Path dir = tmp.resolve("r");
        UvRunSpec spec = Specs.bind(UvRunSpec.class, Map.of("width", 50, "c", 0.5, "steps", 30), "test");
        TASK.run(spec, RunContext.quiet(dir));
        Map<String, Object> config = Specs.readYaml(dir.resolve("config.yaml"));
        assertThat(config.keySet()).containsExactly("width", "input-dim", "input", "param-s", "sigma-w", "target", "seed",
                "c", "steps", "engine");
        assertThat(config.get("engine")).isEqualTo("weights");
        UvRunSpec again = Specs.bind(UvRunSpec.class, config, "config.yaml");
        assertThat(again).isEqualTo(spec);
        TASK.run(again, RunContext.quiet(tmp.resolve("again")));
        assertThat(Files.readString(tmp.resolve("again/metrics.csv"))).isEqualTo(Files.readString(dir.resolve("metrics.csv")));
        assertThat(Files.readAllLines(dir.resolve("metrics.csv"))).hasSize(32);
    }

    @Test
    void summaryJsonHasTodaysKeysInOrder() throws IOException {
        Path dir = tmp.resolve("k");
        TASK.run(Specs.bind(UvRunSpec.class, Map.of("width", 20, "eta", 0.1, "steps", 20), "test"), RunContext.quiet(dir));
        JsonNode s = Json.JSON.readTree(dir.resolve("summary.json").toFile());
        List<String> keys = new ArrayList<>();
        s.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("engine", "width", "param_s", "target", "eta", "eta_c", "eta_over_etac", "c",
                "kappa", "f0", "lambda0", "sharpness0", "q0", "lambda_min", "lambda_inf_gf", "two_over_eta", "steps_run",
                "final_step", "sharpness_final", "ntk_final", "loss_final", "q_final", "early_trend", "catapult",
                "catapult_at", "late_state", "period", "diverged_at", "late_sharpness_orbit");
        assertThat(s.get("engine").asText()).isEqualTo("weights");
        assertThat(s.get("catapult_at").isNull()).isTrue();
    }

    @Test
    void aFunctionStartLeavesTheModelOutOfTheSummary() {
        UvRunSummary s = TASK.run(new UvRunSpec(null, null, null, null, null, null, null, null, null, 0.5, 50,
                UvRunSpec.Engine.function, -0.5, 1.0, 1.0), RunContext.quiet(tmp.resolve("fs")));
        assertThat(s.width()).isNull();
        assertThat(s.paramS()).isNull();
        assertThat(s.f0()).isEqualTo(-0.5);
        assertThat(s.describe(new UvRunSpec(null, null, null, null, null, null, null, null, null, 0.5, 50,
                UvRunSpec.Engine.function, -0.5, 1.0, 1.0), tmp.resolve("fs")))
                .startsWith("UV model from f0=-0.5000, λ0=1.000, κ=1.000, y=1.000 (function engine): η = ");
    }

    @Test
    void isRegistered() {
        assertThat(Tasks.named("uv  run")).isInstanceOf(UvRunTask.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "width 0 eta 0.1",
            "width -5 eta 0.1",
            "param-s 1.5 eta 0.1",
            "param-s -0.2 eta 0.1",
            "eta -1",
            "eta 0",
            "eta 0.1 c 1",
            "eta 0.1 c 1 eta-over-etac 1",
            "steps 10",
            "eta NaN",
            "target NaN eta 0.1",
            "sigma-w Infinity eta 0.1",
            "eta 0.1 no-such-key 1",
            "eta abc",
            "engine foo eta 0.1",
            "eta 0.1 steps 0",
            "eta 0.1 steps 2000000000",
            "eta 0.1 input-dim 3 input 1,2",
            "eta 0.1 input-dim 0",
            "eta 0.1 f0 1 lambda0 3 kappa 1",
            "eta 0.1 engine function f0 1 lambda0 1 kappa 1",
            "eta 0.1 engine function f0 1"})
    void badSpecsAreOneLineUserErrors(String settings) {
        assertThatThrownBy(() -> Specs.bind(UvRunSpec.class, settings(settings), "test"))
                .isInstanceOf(UserInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aRateThatResolvesToNoStepIsRefusedBeforeTheDirectoryExists() {
        Path dir = tmp.resolve("none");
        UvRunSpec spec = Specs.bind(UvRunSpec.class, settings("eta-over-etac 1.2 target 0"), "test");
        assertThatThrownBy(() -> TASK.run(spec, RunContext.quiet(dir))).isInstanceOf(UserInputException.class);
        assertThat(dir).doesNotExist();
    }

    /** "key value key value ..." with numbers, NaN/Infinity and comma lists typed as YAML would type them. */
    static Map<String, Object> settings(String s) {
        String[] w = s.split(" ");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < w.length; i += 2) m.put(w[i], value(w[i + 1]));
        return m;
    }

    private static Object value(String v) {
        if (v.contains(",")) {
            List<Object> list = new ArrayList<>();
            for (String p : v.split(",")) list.add(value(p));
            return list;
        }
        if (v.matches("-?\\d+")) {
            long n = Long.parseLong(v);
            return n == (int) n ? (Object) (int) n : (Object) n;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    static double[] metrics(Path dir, String column) {
        return CsvTable.read(dir.resolve("metrics.csv")).doubles(column);
    }
}
