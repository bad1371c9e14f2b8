package org.sharpscope.nn.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.NativeThreads;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.hessian.GaussNewtonOperator;
import org.sharpscope.nn.hessian.HessianOperator;
import org.sharpscope.nn.hessian.TrainingObjective;
import org.sharpscope.nn.model.Network;
import org.sharpscope.nn.model.Parameters;
import org.sharpscope.nn.source.NetworkSource;
import org.sharpscope.regime.Divergence;
import org.sharpscope.regime.EdgeOfStability;
import org.sharpscope.regime.Regime;
import org.sharpscope.regime.RegimeAnalysis;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.spectral.EigenResult;
import org.sharpscope.uv.LearningRate;

/**
 * Trains a network with sharpness tracking, in the style of locuslab/edge-of-stability: one plain
 * loop over steps t = 0 … steps. At step t (weights θ_t) it probes when scheduled (loss, accuracy,
 * top-k Hessian eigenvalues by warm-started LOBPCG, norms), checkpoints when scheduled, with
 * {@code lyapunov} > 0 maps the tangent vectors of the Lyapunov exponents by the step's tangent
 * map ({@link TangentExponents}), then updates θ_{t+1} = θ_t − η·(gradient or momentum buffer). The learning rate η = c/λ₀^H is fixed
 * after the probe of step 0. Training stops early when the loss diverges (a result, not an
 * error). With held-out examples ({@link NetworkSource#loadTestData()}) each probe also measures
 * their loss and accuracy (metrics.csv columns test_loss and test_accuracy, which only such runs
 * have). Everything is written into a {@link RunDirectory}: manifest.json (with timings),
 * metrics.csv, summary.json ({@link TrainSummary}) and checkpoints/step-N.safetensors; the
 * run's settings (config.yaml) are the caller's to write.
 *
 * <p>Resuming from the newest checkpoint continues bit-for-bit: the checkpoint holds θ_t, the
 * momentum buffer, the LOBPCG warm-start vectors and the Lyapunov state; SGD batches are a pure function of (seed,
 * step) ({@link BatchSchedule}); metrics rows after the checkpoint step are dropped and recomputed.
 * Checkpoints carry the SHA-256 of the source's {@link NetworkSource#inputFiles()}, and a run
 * whose module or data file has changed since is not resumed.
 */
public final class Trainer {
    /** Called after every step and probe, for progress display. */
    public interface Listener {
        void onStep(int step, int steps, Probe lastProbe);
    }

    /** How long metrics.csv may lag behind the probes while a run goes on (it is always written at checkpoints). */
    private static final long METRICS_FLUSH_NANOS = 2_000_000_000L;

    private final TrainConfig cfg;
    private final NetworkSource source;
    private final RunDirectory dir;
    private final Listener listener;

    private Network network;
    private Dataset data;
    private Dataset testData;
    private Parameters params;
    private TrainingObjective objective;
    private TrainingObjective testObjective;
    /** SHA-256 of each file the source read, by flag (for checkpoints). */
    private Map<String, String> fingerprint;
    private HessianOperator hessian;
    private SharpnessTracker hessianTracker;
    private SharpnessTracker ntkTracker;
    /** The Lyapunov exponents being measured (null when the run measures none). */
    private TangentExponents tangent;
    /** The full-batch Hessian for the tangent map: no retained graphs, each step's block of products builds them once. */
    private HessianOperator tangentHessian;
    private BatchSchedule batches;
    private MetricsLog metrics;
    private double eta = Double.NaN;
    private double lambda0 = Double.NaN;
    private long probeNanos;
    private long updateNanos;
    private long lyapunovNanos;
    private long lastFlush;
    /** The full-batch gradient computed by the probe of step {@link #probedGradientStep}, reused by GD. */
    private double[] probedGradient;
    private int probedGradientStep = -1;

    public Trainer(TrainConfig cfg, RunDirectory dir, Listener listener) {
        this(cfg, null, dir, listener);
    }

    /**
     * A trainer whose examples and network come from {@code source} (a TorchScript module, or a
     * built-in one with held-out examples); {@code cfg.model()} and {@code cfg.data()} are then
     * not used (null for a TorchScript module). A null source is the built-in one of the config.
     * The caller closes the source.
     */
    public Trainer(TrainConfig cfg, NetworkSource source, RunDirectory dir, Listener listener) {
        this.cfg = cfg;
        this.source = source;
        this.dir = dir;
        this.listener = listener == null ? (t, s, p) -> { } : listener;
    }

    /** Runs from initialization; returns the summary also written to summary.json. */
    public TrainSummary run() {
        return train(null);
    }

    /** Continues the run in this directory from its newest checkpoint. */
    public TrainSummary resume() {
        return train(Checkpoint.latest(dir.checkpoints()));
    }

    private TrainSummary train(Path checkpointFile) {
        long start = System.nanoTime();
        // Both pools (libtorch's and OpenBLAS's): an OpenBLAS pool larger than the free cores spin-waits.
        // Left alone when libtorch already has that count, so a caller's separate OpenBLAS count
        // (the CLI's --blas-threads) stands.
        if (cfg.threads() > 0 && NativeThreads.get() != cfg.threads()) NativeThreads.set(cfg.threads());
        NetworkSource src = source != null ? source : NetworkSource.builtin(cfg.model(), cfg.data(), cfg.loss());
        data = src.loadData();
        testData = src.loadTestData();
        network = src.buildNetwork(data);
        fingerprint = new LinkedHashMap<>();
        for (NetworkSource.InputFile f : src.inputFiles()) fingerprint.put(f.flag(), f.sha256());
        if (checkpointFile != null) checkUnchanged(src.inputFiles(), Checkpoint.fingerprint(checkpointFile));
        Checkpoint ck = checkpointFile == null ? null : Checkpoint.read(checkpointFile, network);
        params = ck == null ? Parameters.initialize(network, cfg.dtype(), cfg.seed())
                : Parameters.of(network, cfg.dtype(), ck.weights());
        objective = new TrainingObjective(params, data, cfg.loss(), cfg.chunkSize());
        testObjective = testData == null ? null : new TrainingObjective(params, testData, cfg.loss(), cfg.chunkSize());
        hessian = new HessianOperator(objective);
        hessianTracker = new SharpnessTracker(cfg.topK(), cfg.tol(), cfg.maxProducts(), ck == null ? null : ck.hessianVectors());
        ntkTracker = cfg.ntk() ? new SharpnessTracker(1, cfg.tol(), cfg.maxProducts(), ck == null ? null : ck.ntkVectors()) : null;
        batches = cfg.batchSize() > 0 ? new BatchSchedule(data.size(), cfg.batchSize(), cfg.seed()) : null;
        if (cfg.lyapunov() > 0) {
            tangent = new TangentExponents(cfg, params.dimension(), ck == null ? null : ck.tangent());
            tangentHessian = new HessianOperator(objective, 0);
        }

        double[] theta = params.flatten();
        double[] velocity = cfg.beta() > 0 ? new double[theta.length] : null;
        int first = 0;
        if (ck == null) {
            dir.startManifest("train", cfg.seed());
            metrics = new MetricsLog(cfg.topK(), cfg.ntk(), testData != null, cfg.lyapunov());
        } else {
            if (!Files.isRegularFile(dir.file(RunDirectory.METRICS))) {
                throw new UserInputException("cannot resume " + dir.root() + ": metrics.csv is missing");
            }
            metrics = MetricsLog.read(dir.file(RunDirectory.METRICS), cfg.topK(), cfg.ntk(), testData != null, cfg.lyapunov(),
                    ck.step());
            if (metrics.size() == 0 || metrics.last().step() != ck.step()) {
                throw new UserInputException("cannot resume " + dir.root() + ": metrics.csv has no row for checkpoint step " + ck.step());
            }
            dir.startManifest("train", cfg.seed()); // only once the run is known to be whole
            dir.putManifest("resumed_from_step", ck.step());
            if (velocity != null && ck.momentum() != null) velocity = ck.momentum();
            eta = ck.eta();
            lambda0 = ck.lambda0();
            first = ck.step();
        }
        dir.putManifest("architecture", network.description());
        dir.putManifest("examples", data.size());
        dir.putManifest("data_source", data.source());
        if (testData != null) {
            dir.putManifest("test_examples", testData.size());
            dir.putManifest("test_data_source", testData.source());
        }
        if (!fingerprint.isEmpty()) dir.putManifest("input_sha256", fingerprint);
        dir.putManifest("torch_threads", org.bytedeco.pytorch.global.torch.get_num_threads());
        dir.putManifest("blas_threads", org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads());

        // A run resumed from the checkpoint of its divergence stays diverged.
        boolean diverged = ck != null && Divergence.isDiverged(metrics.last().loss(), metrics.probes().get(0).loss());
        for (int t = first; ; t++) {
            boolean alreadyDone = ck != null && t == first; // probe and checkpoint of the resume step exist
            boolean finite = allFinite(theta);
            if (!alreadyDone) {
                if (cfg.probeAt(t) || !finite) {
                    Probe p = probe(t, finite);
                    if (t == 0) {
                        lambda0 = p.top();
                        eta = cfg.rate().resolve(lambda0, Double.NaN); // networks have no η_c
                    }
                    metrics.add(p);
                    diverged = Divergence.isDiverged(p.loss(), metrics.probes().get(0).loss());
                }
                if (diverged || cfg.checkpointAt(t)) {
                    saveCheckpoint(t, theta, velocity);
                }
                maybeFlushMetrics();
            }
            listener.onStep(t, cfg.steps(), metrics.last());
            if (diverged) break;
            if (tangent != null && tangent.active(t) && finite) tangentStep(t);
            if (t == cfg.steps()) break;

            long u = System.nanoTime();
            double[] g = gradient(t);
            if (velocity != null) {
                for (int i = 0; i < theta.length; i++) velocity[i] = cfg.beta() * velocity[i] + g[i];
                g = velocity;
            }
            for (int i = 0; i < theta.length; i++) theta[i] -= eta * g[i];
            if (cfg.dtype() == Dtype.FLOAT32) {
                for (int i = 0; i < theta.length; i++) theta[i] = (float) theta[i];
            }
            params.assign(theta);
            updateNanos += System.nanoTime() - u;
        }
        writeMetrics();
        TrainSummary summary = summary();
        dir.writeSummary(summary);
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("total_s", (System.nanoTime() - start) / 1e9);
        timings.put("probes_s", probeNanos / 1e9);
        timings.put("updates_s", updateNanos / 1e9);
        if (tangent != null) timings.put("lyapunov_s", lyapunovNanos / 1e9);
        dir.putManifest("timings", timings);
        dir.finishManifest(diverged ? "diverged" : "finished");
        return summary;
    }

    /**
     * The Lyapunov step at θ_t (before the update): the tangent map of the update of step t, whose
     * Hessian is the full batch's or step t's mini-batch's; at the last step only the pending
     * loss map is completed.
     */
    private void tangentStep(int t) {
        long start = System.nanoTime();
        boolean last = t == cfg.steps();
        try (org.bytedeco.javacpp.PointerScope scope = new org.bytedeco.javacpp.PointerScope()) {
            HessianOperator h = batches == null || last ? tangentHessian
                    : new HessianOperator(new TrainingObjective(params, select(data, batches.batch(t)), cfg.loss(),
                            cfg.chunkSize()), 0);
            tangent.step(t, eta, h, new GaussNewtonOperator(objective), last);
        }
        lyapunovNanos += System.nanoTime() - start;
    }

    /** The gradient used by the update of step t: full batch, or the batch of step t. */
    private double[] gradient(int t) {
        if (batches == null) {
            double[] g = probedGradientStep == t ? probedGradient : objective.gradient();
            probedGradient = null;
            return g;
        }
        try (org.bytedeco.javacpp.PointerScope scope = new org.bytedeco.javacpp.PointerScope()) {
            // the batch's tensors are released when the scope closes, not whenever the GC runs
            Dataset batch = select(data, batches.batch(t));
            return new TrainingObjective(params, batch, cfg.loss(), cfg.chunkSize()).gradient();
        }
    }

    private Probe probe(int t, boolean finite) {
        long start = System.nanoTime();
        double loss = objective.loss();
        double[] out = objective.outputs();
        double accuracy = data.accuracy(out);
        double[] theta = params.flatten();
        double gradNorm = Double.NaN;
        if (finite) {
            probedGradient = objective.gradient();
            probedGradientStep = t;
            gradNorm = norm(probedGradient);
        }
        double[] sharp = new double[cfg.topK()];
        Arrays.fill(sharp, Double.NaN);
        double residual = Double.NaN;
        double ntk = Double.NaN;
        long hvps = 0;
        if (finite && Double.isFinite(loss) && (metrics.size() == 0
                || !Divergence.isDiverged(loss, metrics.probes().get(0).loss()))) {
            EigenResult r;
            try {
                // The operator keeps ∇L's graph (within its memory budget) for the whole probe: each product
                // is then one backward pass. Freed before training continues.
                r = hessianTracker.measure(hessian);
            } finally {
                hessian.release();
            }
            sharp = r.values().clone();
            residual = r.residuals()[0] / Math.abs(r.values()[0]);
            hvps = r.products();
            if (ntkTracker != null) {
                EigenResult n = ntkTracker.measure(new GaussNewtonOperator(objective));
                // For MSE, G = JᵀJ/(N·K) shares its nonzero spectrum with the NTK JJᵀ/(N·K)·(N·K).
                ntk = n.values()[0] * (double) data.size() * data.outputs();
                hvps += n.products();
            }
        }
        double testLoss = Double.NaN;
        double testAccuracy = Double.NaN;
        if (testObjective != null) {
            testLoss = testObjective.loss();
            testAccuracy = testData.accuracy(testObjective.outputs());
        }
        probeNanos += System.nanoTime() - start;
        return new Probe(t, loss, accuracy, sharp, residual, norm(theta), gradNorm, norm(out), ntk, hvps, testLoss,
                testAccuracy, tangent == null ? null : tangent.running());
    }

    /** Refuses to resume when a file the source read differs from the one the checkpoint was made with. */
    private void checkUnchanged(List<NetworkSource.InputFile> now, Map<String, String> recorded) {
        for (NetworkSource.InputFile f : now) {
            String then = recorded.get(f.flag());
            if (then != null && !then.equals(f.sha256())) {
                throw new UserInputException("cannot resume " + dir.root() + ": " + f.flag() + " " + f.file()
                        + " has changed since the run started (SHA-256 now " + f.sha256() + ", the run's " + then
                        + "); put the original file back, or start a new run");
            }
        }
    }

    private void saveCheckpoint(int t, double[] theta, double[] velocity) {
        writeMetrics(); // metrics first: a checkpoint never points past the rows on disk
        Map<String, double[]> w = Parameters.split(network, theta);
        Checkpoint c = new Checkpoint(t, w, velocity == null ? null : velocity.clone(), hessianTracker.warmStart(),
                ntkTracker == null ? null : ntkTracker.warmStart(), eta, lambda0, fingerprint,
                tangent == null ? null : tangent.state());
        c.write(dir.checkpoints().resolve(Checkpoint.fileName(t)), network, cfg.dtype().safetensorsName());
    }

    private void maybeFlushMetrics() {
        if (System.nanoTime() - lastFlush > METRICS_FLUSH_NANOS) writeMetrics();
    }

    private void writeMetrics() {
        dir.writeMetrics(metrics.table(eta));
        lastFlush = System.nanoTime();
    }

    /** Regime fields plus λ₀, η, c, the EoS entry step, the threshold and totals. */
    private TrainSummary summary() {
        double effectiveEta = eta / (1 + cfg.beta());
        Regime regime = RegimeAnalysis.analyze(metrics.stepArray(), metrics.lossArray(), metrics.sharpnessArray(),
                effectiveEta, RegimeAnalysis.Thresholds.DEFAULT, EdgeOfStability.DEFAULT);
        double c = cfg.rate().kind() == LearningRate.Kind.C ? cfg.rate().value() : eta * lambda0;
        long hvps = 0;
        for (Probe p : metrics.probes()) hvps += p.hvps();
        return TrainSummary.of(regime, lambda0, eta, c, 2 / effectiveEta, EdgeOfStability.DEFAULT.band(),
                EdgeOfStability.DEFAULT.entry(metrics.stepArray(), metrics.sharpnessArray(), effectiveEta),
                metrics.last(), testData != null, metrics.size(), hvps, network.parameterCount(), data.size(),
                tangent == null ? null : tangent.result());
    }

    /** The examples with the given indices (a mini-batch). */
    static Dataset select(Dataset d, int[] idx) {
        int per = d.inputs().length / d.size();
        int k = d.outputs();
        double[] x = new double[idx.length * per];
        double[] y = new double[idx.length * k];
        int[] labels = d.labels() == null ? null : new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(d.inputs(), idx[i] * per, x, i * per, per);
            System.arraycopy(d.targets(), idx[i] * k, y, i * k, k);
            if (labels != null) labels[i] = d.labels()[idx[i]];
        }
        return new Dataset(d.name(), d.exampleShape(), x, y, k, labels, d.source());
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) if (!Double.isFinite(x)) return false;
        return true;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    /** η of the run (NaN before the probe of step 0). */
    public double eta() {
        return eta;
    }

    /** The metrics recorded so far. */
    public MetricsLog metrics() {
        return metrics;
    }
}
