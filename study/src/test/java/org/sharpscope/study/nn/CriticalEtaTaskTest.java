package org.sharpscope.study.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.source.NetworkSource;
import org.sharpscope.regime.LateState;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Specs;

/**
 * The critical learning rate of a quadratic loss, known in closed form: a linear model (an FCN of
 * depth 1: f = Wx) under MSE has the constant Hessian H = XᵀX/(n·k) ⊗ I_k, so GD converges iff
 * η < η_c = 2/λ^H, and c_c = η_c·λ₀ = 2 exactly (λ₀ = λ^H). The search must bracket 2 within its
 * relative tolerance, with λ^H checked against a dense eigendecomposition of the data's Gram matrix.
 */
class CriticalEtaTaskTest {
    /** 64 synthetic examples of 4 inputs and 1 output, a depth-1 (linear) FCN, float64, 300 steps. */
    static Map<String, Object> linear() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", "fcn");
        m.put("depth", 1);
        m.put("dataset", "synthetic");
        m.put("subset", 64);
        m.put("synthetic-shape", 4);
        m.put("synthetic-outputs", 1);
        m.put("dtype", "float64");
        m.put("steps", 300);
        m.put("checkpoint-every", 100);
        m.put("tol", 1e-10);
        m.put("threads", 1);
        return m;
    }

    static CriticalEtaSpec spec(Map<String, Object> settings) {
        return Specs.bind(CriticalEtaSpec.class, settings, "test");
    }

    @Test
    void bracketsTheQuadraticsClosedFormInCAndReusesItsRunsWhenRunAgain(@TempDir Path tmp) throws Exception {
        Map<String, Object> m = linear();
        m.put("c", 0.75);
        m.put("rel-tol", 0.01);
        CriticalEtaSpec spec = spec(m);
        CriticalEtaSummary s = new CriticalEtaTask().run(spec, RunContext.quiet(tmp.resolve("search")));

        assertThat(s.bracketed()).isTrue();
        assertThat(s.reachedTolerance()).isTrue();
        assertThat(s.variable()).isEqualTo("c");
        // c_c = 2 exactly: the bracket holds it (to the 1e-9 of the measured λ₀) and is 1% wide.
        assertThat(s.cLow()).isLessThanOrEqualTo(2 * (1 + 1e-9));
        assertThat(s.cHigh()).isGreaterThanOrEqualTo(2 * (1 - 1e-9));
        assertThat(s.cHigh() / s.cLow() - 1).isLessThanOrEqualTo(0.01);
        assertThat(s.cC()).isCloseTo(2, within(0.01));
        assertThat(s.lowState()).isEqualTo(LateState.CONVERGED);
        // λ₀ against the dense Gram matrix of the examples the network trained on: λ^H = λmax(XᵀX)/(n·k).
        double lambdaH = denseLambda(spec.train(1.0));
        assertThat(s.lambda0()).isCloseTo(lambdaH, within(1e-8 * lambdaH));
        assertThat(s.etaC()).isCloseTo(2 / lambdaH, within(0.01 * 2 / lambdaH));
        // The bracket grew 0.75 → 1.5 → 3, then bisection: every run's verdict is the closed form's.
        assertThat(s.tries().get(0).c()).isEqualTo(0.75);
        assertThat(s.tries().get(1).c()).isEqualTo(1.5);
        assertThat(s.tries().get(2).c()).isEqualTo(3.0);
        for (CriticalEtaSummary.Run r : s.tries()) {
            if (Math.abs(r.c() - 2) > 1e-6) assertThat(r.converges()).as("c = %s", r.c()).isEqualTo(r.c() < 2);
            assertThat(r.eta()).isCloseTo(r.c() / lambdaH, within(1e-8 * r.eta()));
            assertThat(Files.isRegularFile(tmp.resolve("search").resolve(r.dir()).resolve("summary.json"))).isTrue();
            // A quadratic's sharpness is constant: η·λ/2 = c/2 at every late probe.
            assertThat(r.lateEtaSharpnessHalf()).isCloseTo(r.c() / 2, within(1e-6));
        }
        // c = 3 diverges outright (|1 − ηλ| = 2 per step); runs just above 2 do not, yet do not converge.
        assertThat(s.tries().get(2).lateState()).isEqualTo(LateState.DIVERGED);
        assertThat(s.tries()).anyMatch(r -> !r.converges() && r.lateState() == LateState.CONVERGED);
        CsvTable tries = CsvTable.read(tmp.resolve("search").resolve(CriticalEtaTask.TRIES));
        assertThat(tries.size()).isEqualTo(s.runs());
        assertThat(tries.doubles("c")).containsExactly(s.tries().stream().mapToDouble(CriticalEtaSummary.Run::c).toArray());
        assertThat(CriticalEtaSummary.read(tmp.resolve("search"))).isEqualTo(s);

        // Run again into the same directory: the same summary, and no run is trained again.
        Path firstSummary = tmp.resolve("search").resolve(s.tries().get(0).dir()).resolve(RunDirectory.SUMMARY);
        FileTime before = Files.getLastModifiedTime(firstSummary);
        Thread.sleep(20);
        assertThat(new CriticalEtaTask().run(spec, RunContext.quiet(tmp.resolve("search")))).isEqualTo(s);
        assertThat(Files.getLastModifiedTime(firstSummary)).isEqualTo(before);

        // Other settings into the same directory are refused in one line.
        Map<String, Object> other = new LinkedHashMap<>(m);
        other.put("steps", 200);
        assertThatThrownBy(() -> new CriticalEtaTask().run(spec(other), RunContext.quiet(tmp.resolve("search"))))
                .isInstanceOf(UserInputException.class).hasMessageContaining("other settings");
    }

    /**
     * The search on η from above: the first run does not converge, so the bracket shrinks by the
     * factor until one does; an interrupted run (its summary removed, its checkpoints kept) is
     * continued, and a run directory without checkpoints is trained again.
     */
    @Test
    void searchesEtaFromAboveAndContinuesInterruptedRuns(@TempDir Path tmp) throws Exception {
        double lambdaH = denseLambda(spec(with(linear(), "c", 1.0)).train(1.0));
        Map<String, Object> m = linear();
        m.put("eta", 5.0 / lambdaH);
        m.put("factor", 3.0);
        m.put("rel-tol", 0.02);
        CriticalEtaSpec spec = spec(m);
        CriticalEtaSummary s = new CriticalEtaTask().run(spec, RunContext.quiet(tmp.resolve("search")));
        assertThat(s.variable()).isEqualTo("eta");
        assertThat(s.tries().get(0).converges()).isFalse();
        assertThat(s.tries().get(1).eta()).isEqualTo(5.0 / lambdaH / 3);
        assertThat(s.etaLow()).isLessThanOrEqualTo(2 / lambdaH * (1 + 1e-9));
        assertThat(s.etaHigh()).isGreaterThanOrEqualTo(2 / lambdaH * (1 - 1e-9));
        assertThat(s.etaHigh() / s.etaLow() - 1).isLessThanOrEqualTo(0.02);

        Path interrupted = tmp.resolve("search").resolve(s.tries().get(1).dir());
        Files.delete(interrupted.resolve(RunDirectory.SUMMARY));
        Path bare = tmp.resolve("search").resolve(s.tries().get(2).dir());
        try (var files = Files.list(bare.resolve("checkpoints"))) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(bare.resolve(RunDirectory.SUMMARY));
        assertThat(new CriticalEtaTask().run(spec, RunContext.quiet(tmp.resolve("search")))).isEqualTo(s);
        assertThat(Specs.readYaml(interrupted.resolve(RunDirectory.MANIFEST))).containsEntry("resumed-from-step", 300);
        assertThat(Specs.readYaml(bare.resolve(RunDirectory.MANIFEST))).doesNotContainKey("resumed-from-step");
    }

    @Test
    void runsOutOfRunsWithoutABracketAndSaysWhichWayToLook(@TempDir Path tmp) {
        Map<String, Object> m = linear();
        m.put("c", 0.1);
        m.put("max-runs", 2);
        m.put("steps", 40);
        CriticalEtaSummary s = new CriticalEtaTask().run(spec(m), RunContext.quiet(tmp.resolve("search")));
        assertThat(s.bracketed()).isFalse();
        assertThat(s.etaC()).isNull();
        assertThat(s.runs()).isEqualTo(2);
        assertThat(s.note()).contains("every run up to c = 0.2 converged").contains("--max-runs");
    }

    @Test
    void badSearchSettingsAreOneLineErrors() {
        assertThatThrownBy(() -> spec(with(linear(), "factor", 1.0))).hasMessageContaining("--factor");
        assertThatThrownBy(() -> spec(with(linear(), "rel-tol", 0.0))).hasMessageContaining("--rel-tol");
        assertThatThrownBy(() -> spec(with(linear(), "max-runs", 1))).hasMessageContaining("--max-runs");
        assertThatThrownBy(() -> spec(with(linear(), "c", -1.0))).hasMessageContaining("--c must be a positive number");
        assertThatThrownBy(() -> spec(with(linear(), "steps", -1))).hasMessageContaining("--steps must be >= 0");
        // Every train key is a key here, in the same order.
        List<String> keys = Specs.keys(CriticalEtaSpec.class);
        assertThat(keys.subList(0, Specs.keys(TrainSpec.class).size())).isEqualTo(Specs.keys(TrainSpec.class));
        assertThat(spec(linear()).c()).isEqualTo(CriticalEtaSpec.DEFAULT_START_C);
    }

    static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>(m);
        out.put(key, value);
        return out;
    }

    /** λmax(XᵀX)/(n·k) of the training examples {@code spec} loads, by a dense symmetric eigendecomposition. */
    static double denseLambda(TrainSpec spec) {
        Dataset d;
        try (NetworkSource source = spec.openSource()) {
            d = source.loadData();
        }
        int n = d.size();
        int dim = d.inputs().length / n;
        SimpleMatrix x = new SimpleMatrix(n, dim);
        for (int i = 0; i < n; i++) for (int j = 0; j < dim; j++) x.set(i, j, d.inputs()[i * dim + j]);
        SimpleMatrix gram = x.transpose().mult(x);
        var eig = gram.eig();
        double max = 0;
        for (int i = 0; i < dim; i++) max = Math.max(max, eig.getEigenvalue(i).getReal());
        return max / ((double) n * d.outputs());
    }
}
