package org.sharpscope.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ejml.simple.SimpleEVD;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.DataConfig;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.data.DatasetKind;
import org.sharpscope.nn.data.DatasetLoader;
import org.sharpscope.nn.hessian.HessianOperator;
import org.sharpscope.nn.hessian.TrainingObjective;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.Activation;
import org.sharpscope.nn.model.ModelConfig;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Network;
import org.sharpscope.nn.model.Normalization;
import org.sharpscope.nn.model.Parameterization;
import org.sharpscope.nn.model.Parameters;
import org.sharpscope.nn.source.NetworkSource;
import org.sharpscope.regime.EarlyTrend;
import org.sharpscope.regime.LateState;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.uv.LearningRate;

/** The training loop on tiny float64 FCNs and synthetic data, checked against independent computations. */
class TrainerTest {
    @TempDir
    Path tmp;

    static ModelConfig fcn(String act, int width, double alpha) {
        return new ModelConfig(ModelKind.FCN, 3, width, Activation.parse(act), false, Parameterization.SP, false, alpha,
                Normalization.NONE);
    }

    static DataConfig data(DatasetKind kind, int n) {
        return new DataConfig(kind, null, n, false, true, 1.0, new long[] {10}, 1, 0);
    }

    static TrainConfig config(ModelConfig m, DataConfig d, Optimizer opt, double c, int batch, int steps,
                              int probeEvery, int checkpointEvery) {
        return new TrainConfig(m, d, Loss.MSE, Dtype.FLOAT64, 0, opt, LearningRate.c(c), batch, 0.9, steps, 0,
                probeEvery, 5, checkpointEvery, 2, false, 1e-8, 500, 1);
    }

    TrainSummary run(TrainConfig cfg, Path dir) {
        return new Trainer(cfg, RunDirectory.create(dir), null).run();
    }

    @Test
    void sameSeedGivesIdenticalFiles() throws Exception {
        TrainConfig cfg = config(fcn("tanh", 16, 0.1), data(DatasetKind.SYNTHETIC_MIXTURE, 60), Optimizer.GD, 0.5, 0, 40, 5, 20);
        run(cfg, tmp.resolve("a"));
        run(cfg, tmp.resolve("b"));
        // config.yaml is the task's to write (TrainTask), not the loop's
        for (String f : List.of("metrics.csv", "summary.json", "checkpoints/step-00000040.safetensors",
                "checkpoints/step-00000020.safetensors")) {
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(f))).as(f).isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(f)));
        }
        assertThat(Files.readString(tmp.resolve("a/manifest.json")))
                .contains("\"data_source\" : \"synthetic Gaussian mixture: 60 examples drawn with seed 0\"");
        assertThat(Files.readString(tmp.resolve("a/metrics.csv")).lines().findFirst().orElseThrow())
                .isEqualTo("step,loss,accuracy,sharpness,eta_sharpness,sharpness_2,residual,weight_norm,grad_norm,output_norm,hvps");
    }

    /** θ_{t+1} = θ_t − η∇L(θ_t) exactly, with ∇L recomputed from the checkpoint of step t. */
    @Test
    void updateIsPlainGradientDescent() {
        TrainConfig cfg = config(fcn("relu", 8, 1), data(DatasetKind.SYNTHETIC, 40), Optimizer.GD, 0.3, 0, 3, 1, 1);
        TrainSummary s = run(cfg, tmp);
        double eta = s.eta();
        Dataset d = DatasetLoader.load(cfg.data(), Loss.MSE, true);
        Network net = cfg.model().build(d.exampleShape(), d.outputs());
        for (int t = 1; t < 3; t++) {
            Checkpoint a = Checkpoint.read(tmp.resolve("checkpoints").resolve(Checkpoint.fileName(t)), net);
            Checkpoint b = Checkpoint.read(tmp.resolve("checkpoints").resolve(Checkpoint.fileName(t + 1)), net);
            Parameters pa = Parameters.of(net, Dtype.FLOAT64, a.weights());
            double[] g = new TrainingObjective(pa, d, Loss.MSE, 0).gradient();
            double[] theta = pa.flatten();
            double[] next = Parameters.of(net, Dtype.FLOAT64, b.weights()).flatten();
            for (int i = 0; i < theta.length; i++) assertThat(next[i]).isEqualTo(theta[i] - eta * g[i]);
            assertThat(b.eta()).isEqualTo(eta);
        }
    }

    /**
     * The checkpoint of the last step loads back to weights with the recorded ‖θ‖, and the dense
     * Hessian built from HVPs on them (EJML eigendecomposition) has the recorded top-2 eigenvalues.
     */
    @Test
    void checkpointReloadsToRecordedSharpness() {
        TrainConfig cfg = config(fcn("tanh", 8, 0.1), data(DatasetKind.SYNTHETIC_MIXTURE, 30), Optimizer.GD, 0.8, 0, 30, 10, 0);
        run(cfg, tmp);
        MetricsLog log = MetricsLog.read(tmp.resolve("metrics.csv"), 2, false, Integer.MAX_VALUE);
        Probe last = log.last();
        assertThat(last.step()).isEqualTo(30);
        Dataset d = DatasetLoader.load(cfg.data(), Loss.MSE, true);
        Network net = cfg.model().build(d.exampleShape(), d.outputs());
        Checkpoint ck = Checkpoint.read(tmp.resolve("checkpoints").resolve(Checkpoint.fileName(30)), net);
        Parameters p = Parameters.of(net, Dtype.FLOAT64, ck.weights());
        double[] theta = p.flatten();
        double sq = 0;
        for (double x : theta) sq += x * x;
        assertThat(Math.sqrt(sq)).isEqualTo(last.weightNorm());
        HessianOperator h = new HessianOperator(new TrainingObjective(p, d, Loss.MSE, 0));
        int n = h.dimension();
        SimpleMatrix m = new SimpleMatrix(n, n);
        double[] e = new double[n];
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(e, 0);
            e[j] = 1;
            h.apply(e, col);
            for (int i = 0; i < n; i++) m.set(i, j, col[i]);
        }
        m = m.plus(m.transpose()).scale(0.5);
        SimpleEVD<SimpleMatrix> evd = m.eig();
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) ev[i] = evd.getEigenvalue(i).getReal();
        java.util.Arrays.sort(ev);
        double top = ev[n - 1];
        assertThat(last.top()).isCloseTo(top, within(1e-9 * top));
        assertThat(last.sharpness()[1]).isCloseTo(ev[n - 2], within(1e-6 * top));
    }

    /** c = ηλ₀ = 0.2, far below 2: the loss falls steadily and λ^H stays below 2/η. */
    @Test
    void convergesBelowTheThresholdAtSmallC() {
        TrainConfig cfg = config(fcn("relu", 32, 1), data(DatasetKind.SYNTHETIC, 100), Optimizer.GD, 0.2, 0, 300, 10, 0);
        TrainSummary s = run(cfg, tmp);
        MetricsLog log = MetricsLog.read(tmp.resolve("metrics.csv"), 2, false, Integer.MAX_VALUE);
        double eta = s.eta();
        for (Probe p : log.probes()) assertThat(eta * p.top()).isLessThan(2 * 0.9);
        assertThat(log.last().loss()).isLessThan(0.2 * log.probes().get(0).loss());
        assertThat(s.lateState()).isEqualTo(LateState.CONVERGED);
        assertThat(s.eosEnteredAt()).isNull();
    }

    /**
     * Small output multiplier α = 0.1 gives progressive sharpening (docs/theory.md §5); at c = 0.6 it
     * carries λ^H to 2/η, where GD stays: the EoS detector fires and the late sharpness (last
     * quarter of the probes) stays within 10% of 2/η. Checked on two seeds.
     */
    @Test
    void progressiveSharpeningReachesTheEdgeOfStability() {
        for (long seed : new long[] {0, 1}) {
            DataConfig d = new DataConfig(DatasetKind.SYNTHETIC_MIXTURE, null, 100, false, true, 1.0, new long[] {10}, 1, seed);
            TrainConfig cfg = new TrainConfig(fcn("tanh", 32, 0.1), d, Loss.MSE, Dtype.FLOAT64, 0, Optimizer.GD,
                    LearningRate.c(0.6), 0, 0, 400, seed, 10, 5, 0, 1, false, 1e-6, 500, 1);
            Path dir = tmp.resolve("seed" + seed);
            TrainSummary s = run(cfg, dir);
            assertThat(s.earlyTrend()).isEqualTo(EarlyTrend.PROGRESSIVE_SHARPENING);
            assertThat(s.lateState()).as("seed %d: %s", seed, s).isEqualTo(LateState.EOS);
            assertThat(s.eosEnteredAt()).isNotNull();
            double eta = s.eta();
            List<Probe> ps = MetricsLog.read(dir.resolve("metrics.csv"), 1, false, Integer.MAX_VALUE).probes();
            for (Probe p : ps.subList(ps.size() * 3 / 4, ps.size())) {
                assertThat(eta * p.top() / 2).as("seed %d step %d", seed, p.step()).isCloseTo(1.0, within(0.1));
            }
        }
    }

    /**
     * A linear model f = Wx (FCN of depth 1, MSE) has J = X ⊗ I_K, so the NTK's top eigenvalue is
     * σ_max(X)² and the Hessian equals the Gauss-Newton matrix: λ^H = σ_max(X)²/(N·K). Checked
     * against an EJML SVD of the data matrix at every probe.
     */
    @Test
    void ntkOfALinearModelIsTheDataGram() {
        ModelConfig linear = new ModelConfig(ModelKind.FCN, 1, 1, Activation.LINEAR, false, Parameterization.SP, false, 1.0,
                Normalization.NONE);
        DataConfig dc = new DataConfig(DatasetKind.SYNTHETIC, null, 30, false, true, 1.0, new long[] {6}, 2, 4);
        TrainConfig cfg = new TrainConfig(linear, dc, Loss.MSE, Dtype.FLOAT64, 0, Optimizer.GD, LearningRate.c(0.5), 0, 0,
                5, 0, 1, 0, 0, 1, true, 1e-10, 500, 1);
        run(cfg, tmp);
        Dataset d = DatasetLoader.load(dc, Loss.MSE, true);
        SimpleMatrix x = new SimpleMatrix(d.size(), 6);
        for (int i = 0; i < d.size(); i++) for (int j = 0; j < 6; j++) x.set(i, j, d.inputs()[i * 6 + j]);
        double sigma = x.svd().getSingleValue(0);
        double ntk = sigma * sigma;
        MetricsLog log = MetricsLog.read(tmp.resolve("metrics.csv"), 1, true, Integer.MAX_VALUE);
        assertThat(log.size()).isEqualTo(6);
        for (Probe p : log.probes()) {
            assertThat(p.ntk()).isCloseTo(ntk, within(1e-10 * ntk));
            assertThat(p.top()).isCloseTo(ntk / (d.size() * 2.0), within(1e-10 * ntk));
        }
    }

    /**
     * A linear model has a constant Hessian, so GD at c = ηλ^H = 3 &gt; 2 grows the residual along
     * the top eigenvector by |1 − c| = 2 per step: the loss passes the divergence bound (1e20 × the
     * initial loss) after about 35 steps; the run stops there and reports divergence.
     */
    @Test
    void divergenceStopsTheRunAndIsReported() throws Exception {
        ModelConfig linear = new ModelConfig(ModelKind.FCN, 1, 1, Activation.LINEAR, false, Parameterization.SP, false, 1.0,
                Normalization.NONE);
        TrainConfig cfg = config(linear, data(DatasetKind.SYNTHETIC, 40), Optimizer.GD, 3, 0, 500, 1, 0);
        TrainSummary s = run(cfg, tmp);
        assertThat(s.lateState()).isEqualTo(LateState.DIVERGED);
        Long at = s.divergedAt();
        assertThat(at).isNotNull();
        assertThat(at.intValue()).isLessThan(500);
        assertThat(s.lastStep()).isEqualTo(at.intValue());
        assertThat(Files.readString(tmp.resolve("manifest.json"))).contains("\"status\" : \"diverged\"");
        assertThat(tmp.resolve("checkpoints").resolve(Checkpoint.fileName(at.intValue()))).exists();
    }

    /**
     * Held-out examples add test_loss and test_accuracy to each probe (the loss and accuracy of
     * the test examples at that step's weights, as its checkpoint gives them) and the final ones
     * to the summary; every other column and the weights are those of the run without them.
     */
    @Test
    void heldOutExamplesAreMeasuredAtEachProbeAndChangeNothingElse() throws Exception {
        TrainConfig cfg = config(fcn("tanh", 8, 0.1), data(DatasetKind.SYNTHETIC_MIXTURE, 40), Optimizer.GD, 0.8, 0, 10, 5, 5);
        run(cfg, tmp.resolve("plain"));
        try (NetworkSource src = NetworkSource.builtin(cfg.model(), cfg.data(), Loss.MSE, 25)) {
            new Trainer(cfg, src, RunDirectory.create(tmp.resolve("held")), null).run();
        }
        List<String> plain = Files.readAllLines(tmp.resolve("plain/metrics.csv"));
        List<String> held = Files.readAllLines(tmp.resolve("held/metrics.csv"));
        assertThat(held.get(0)).isEqualTo(plain.get(0) + ",test_loss,test_accuracy");
        assertThat(held).hasSameSizeAs(plain);
        for (int r = 1; r < held.size(); r++) assertThat(held.get(r)).startsWith(plain.get(r) + ",");
        assertThat(Files.readAllBytes(tmp.resolve("held/checkpoints/step-00000010.safetensors")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("plain/checkpoints/step-00000010.safetensors")));

        DatasetLoader.Splits splits = DatasetLoader.load(cfg.data(), 25, Loss.MSE, true);
        Network net = cfg.model().build(splits.train().exampleShape(), splits.train().outputs());
        MetricsLog log = MetricsLog.read(tmp.resolve("held"));
        for (Probe p : log.probes()) {
            if (p.step() % 5 != 0) continue;
            Checkpoint ck = Checkpoint.read(tmp.resolve("held/checkpoints").resolve(Checkpoint.fileName(p.step())), net);
            TrainingObjective o = new TrainingObjective(Parameters.of(net, Dtype.FLOAT64, ck.weights()), splits.test(), Loss.MSE, 0);
            assertThat(p.testLoss()).as("step %d", p.step()).isEqualTo(o.loss());
            assertThat(p.testAccuracy()).isEqualTo(splits.test().accuracy(o.outputs()));
        }
        TrainSummary s = TrainSummary.read(tmp.resolve("held"));
        assertThat(s.finalTestLoss()).isEqualTo(log.last().testLoss());
        assertThat(s.finalTestAccuracy()).isEqualTo(log.last().testAccuracy());
        assertThat(Files.readString(tmp.resolve("plain/summary.json"))).doesNotContain("test");
        assertThat(Files.readString(tmp.resolve("held/summary.json")))
                .contains("\"final_test_loss\"", "\"final_test_accuracy\"");
        assertThat(Files.readString(tmp.resolve("held/manifest.json"))).contains("\"test_examples\" : 25");
    }
}
