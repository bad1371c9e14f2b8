package org.sharpscope.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
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
import org.sharpscope.nn.model.Normalization;
import org.sharpscope.nn.model.Parameterization;
import org.sharpscope.nn.model.Network;
import org.sharpscope.nn.model.Parameters;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.uv.LearningRate;

/**
 * The Lyapunov exponents of training on small float64 FCNs against independent computations:
 * twin trajectories (two runs of the optimizer from nearby states, separation renormalised each
 * step — gradients only), and the closed form at a converged minimum (dense Hessian).
 */
class TangentExponentsTest {
    @TempDir
    Path tmp;

    static ModelConfig twoLayer(int width) {
        return new ModelConfig(ModelKind.FCN, 2, width, Activation.TANH, false, Parameterization.SP, false, 1.0,
                Normalization.NONE);
    }

    static TrainConfig config(ModelConfig m, DataConfig d, Optimizer opt, double c, int batch, double beta, int steps,
                              int warmup, int lyapunov, int topK) {
        return new TrainConfig(m, d, Loss.MSE, Dtype.FLOAT64, 0, opt, LearningRate.c(c), batch, beta, steps, 0, 50, 0, 0,
                topK, false, 1e-8, 500, 1, lyapunov, warmup, 0);
    }

    /** A tanh FCN 5-4-1 (24 weights) on 40 teacher examples: fewer weights than outputs to fit, so no flat directions. */
    static final ModelConfig SMALL = twoLayer(4);
    static final DataConfig FORTY = new DataConfig(DatasetKind.SYNTHETIC, null, 40, false, true, 1.0, new long[] {5}, 1, 0);

    /**
     * The mean over steps [transient, steps) of ln(‖δ_{t+1}‖/ε) for two runs of the optimizer, the
     * second started at step transient/2 at distance ε along the first vector of the run's
     * weight-space frame, and pulled back to distance ε after every step.
     */
    static double twin(TrainConfig cfg, double eta, double eps) {
        Dataset d = DatasetLoader.load(cfg.data(), Loss.MSE, true);
        Network net = cfg.model().build(d.exampleShape(), d.outputs());
        Parameters p = Parameters.initialize(net, Dtype.FLOAT64, cfg.seed());
        int n = p.dimension();
        boolean momentum = cfg.beta() > 0;
        int dim = momentum ? 2 * n : n;
        BatchSchedule batches = cfg.batchSize() > 0 ? new BatchSchedule(d.size(), cfg.batchSize(), cfg.seed()) : null;
        double[] a = Arrays.copyOf(p.flatten(), dim);
        double[] b = null;
        int start = cfg.lyapunovTransient() / 2;
        double sum = 0;
        for (int t = 0; t < cfg.steps(); t++) {
            if (t == start) {
                double[] u = TangentExponents.initialFrame(1, dim, cfg.seed()).vectors()[0];
                b = a.clone();
                for (int i = 0; i < dim; i++) b[i] += eps * u[i];
            }
            Dataset batch = batches == null ? d : Trainer.select(d, batches.batch(t));
            step(a, p, batch, eta, cfg.beta());
            if (b == null) continue;
            step(b, p, batch, eta, cfg.beta());
            double sq = 0;
            for (int i = 0; i < dim; i++) sq += (b[i] - a[i]) * (b[i] - a[i]);
            double dist = Math.sqrt(sq);
            if (t >= cfg.lyapunovTransient()) sum += Math.log(dist / eps);
            for (int i = 0; i < dim; i++) b[i] = a[i] + eps * (b[i] - a[i]) / dist;
        }
        return sum / (cfg.steps() - cfg.lyapunovTransient());
    }

    /** One update of state (θ, and v for momentum), as the trainer does it. */
    private static void step(double[] state, Parameters p, Dataset batch, double eta, double beta) {
        int n = p.dimension();
        p.assign(Arrays.copyOf(state, n));
        double[] g = new TrainingObjective(p, batch, Loss.MSE, 0).gradient();
        for (int i = 0; i < n; i++) {
            if (beta > 0) {
                state[n + i] = beta * state[n + i] + g[i];
                state[i] -= eta * state[n + i];
            } else {
                state[i] -= eta * g[i];
            }
        }
    }

    private LyapunovExponents run(TrainConfig cfg, String name) {
        return new Trainer(cfg, RunDirectory.create(tmp.resolve(name)), null).run().lyapunov();
    }

    @Test
    void largestExponentMatchesTwinTrajectories() {
        TrainConfig[] cases = {
                config(SMALL, FORTY, Optimizer.GD, 2.8, 0, 0, 1000, 500, 1, 1),
                config(SMALL, FORTY, Optimizer.SGD, 1.5, 10, 0, 600, 300, 1, 1),
                config(SMALL, FORTY, Optimizer.MOMENTUM, 1.5, 0, 0.5, 600, 300, 1, 1)};
        for (TrainConfig cfg : cases) {
            TrainSummary s = new Trainer(cfg, RunDirectory.create(tmp.resolve(cfg.optimizer().key())), null).run();
            LyapunovExponents l = s.lyapunov();
            double twin = twin(cfg, s.eta(), 1e-7);
            System.out.printf("%s: benettin %.6f ± %.6f, twin %.6f, loss %.6f ± %.6f%n", cfg.optimizer().key(), l.largest(),
                    l.weightSpaceError()[0], twin, l.loss(), l.lossError());
            assertThat(l.averagedSteps()).isEqualTo(cfg.steps() - cfg.lyapunovTransient());
            assertThat(l.largest()).as(cfg.optimizer().key()).isCloseTo(twin, within(l.weightSpaceError()[0]));
        }
    }

    /** The dense Hessian of the network at the run's final weights (symmetrised HVP columns), eigenvalues ascending. */
    static double[] denseSpectrum(TrainConfig cfg, Path runDir) {
        Dataset d = DatasetLoader.load(cfg.data(), Loss.MSE, true);
        Network net = cfg.model().build(d.exampleShape(), d.outputs());
        Checkpoint ck = Checkpoint.read(runDir.resolve("checkpoints").resolve(Checkpoint.fileName(cfg.steps())), net);
        HessianOperator h = new HessianOperator(new TrainingObjective(Parameters.of(net, Dtype.FLOAT64, ck.weights()), d, Loss.MSE, 0));
        int n = h.dimension();
        SimpleMatrix m = new SimpleMatrix(n, n);
        double[] e = new double[n];
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            Arrays.fill(e, 0);
            e[j] = 1;
            h.apply(e, col);
            for (int i = 0; i < n; i++) m.set(i, j, col[i]);
        }
        var evd = m.plus(m.transpose()).scale(0.5).eig();
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) ev[i] = evd.getEigenvalue(i).getReal();
        Arrays.sort(ev);
        return ev;
    }

    /** A tanh FCN 3-8-1 (32 weights) on 2 examples: it interpolates, and its Hessian has 30 flat directions there. */
    static final ModelConfig TINY = twoLayer(8);
    static final DataConfig TWO = new DataConfig(DatasetKind.SYNTHETIC, null, 2, false, true, 1.0, new long[] {3}, 1, 0);

    /**
     * GD converged to a minimum θ* (c = 0.8, loss 1e-34): the tangent map is the constant I − ηH(θ*),
     * so the exponents seen by the loss (top-2 Gauss–Newton directions, which at an interpolating
     * minimum are the top-2 Hessian eigenvectors) are ln|1 − ηλ_i| of the top two eigenvalues of the
     * dense Hessian, and the weight-space ones are the largest values of ln|1 − ηλ| over the whole
     * spectrum: 0 on the flat directions.
     */
    @Test
    void convergedGradientDescentHasTheClosedForm() {
        TrainConfig cfg = config(TINY, TWO, Optimizer.GD, 0.8, 0, 0, 600, 300, 2, 2);
        TrainSummary s = new Trainer(cfg, RunDirectory.create(tmp.resolve("gd")), null).run();
        assertThat(s.finalLoss()).isLessThan(1e-25);
        double[] ev = denseSpectrum(cfg, tmp.resolve("gd"));
        int n = ev.length;
        double eta = s.eta();
        LyapunovExponents l = s.lyapunov();
        assertThat(l.lossSpectrum()[0]).isCloseTo(Math.log(Math.abs(1 - eta * ev[n - 2])), within(1e-9));
        assertThat(l.lossSpectrum()[1]).isCloseTo(Math.log(Math.abs(1 - eta * ev[n - 1])), within(1e-9));
        assertThat(l.loss()).isEqualTo(l.lossSpectrum()[0]);
        double[] all = Arrays.stream(ev).map(x -> Math.log(Math.abs(1 - eta * x))).sorted().toArray();
        assertThat(l.weightSpace()[0]).isCloseTo(all[n - 1], within(1e-9));
        assertThat(l.weightSpace()[1]).isCloseTo(all[n - 2], within(1e-9));
        assertThat(l.lossSubspaceRotation()).isCloseTo(0, within(1e-9));
    }

    /**
     * Heavy-ball momentum (β = 0.1, c = 0.3) converged: on the top Hessian eigenvector (eigenvalue
     * λ) the tangent map on (δθ, δv) is the 2×2 matrix [[1 − ηλ, −ηβ], [λ, β]], whose eigenvalues μ
     * solve μ² − (1 + β − ηλ)μ + β = 0 (real here), so the two exponents seen by the loss are ln|μ±|.
     */
    @Test
    void convergedMomentumHasTheClosedForm() {
        TrainConfig cfg = config(TINY, TWO, Optimizer.MOMENTUM, 0.3, 0, 0.1, 600, 300, 2, 1);
        TrainSummary s = new Trainer(cfg, RunDirectory.create(tmp.resolve("momentum")), null).run();
        assertThat(s.finalLoss()).isLessThan(1e-25);
        double[] ev = denseSpectrum(cfg, tmp.resolve("momentum"));
        double lambda = ev[ev.length - 1];
        double trace = 1 + 0.1 - s.eta() * lambda;
        double disc = trace * trace - 4 * 0.1;
        assertThat(disc).isPositive();
        LyapunovExponents l = s.lyapunov();
        assertThat(l.lossSpectrum()).hasSize(2);
        assertThat(l.lossSpectrum()[0]).isCloseTo(Math.log(Math.abs((trace + Math.signum(trace) * Math.sqrt(disc)) / 2)), within(1e-9));
        assertThat(l.lossSpectrum()[1]).isCloseTo(Math.log(Math.abs((trace - Math.signum(trace) * Math.sqrt(disc)) / 2)), within(1e-9));
        // Flat directions: multipliers 1 and β, so the top two weight-space exponents are 0.
        assertThat(l.weightSpace()[0]).isCloseTo(0, within(1e-9));
        assertThat(l.weightSpace()[1]).isCloseTo(0, within(1e-9));
    }
}
