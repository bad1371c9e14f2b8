package org.sharpscope.study.nn;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.nio.file.Path;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.DatasetKind;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.Activation;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Normalization;
import org.sharpscope.nn.model.Parameterization;
import org.sharpscope.nn.torchscript.ModuleMode;
import org.sharpscope.nn.train.Optimizer;
import org.sharpscope.nn.train.TrainConfig;
import org.sharpscope.uv.LearningRate;

/**
 * The settings of {@code train}: the network settings (defaults in {@link NetworkSpec}), then the
 * training ones — gd (full batch), sgd or momentum; one learning rate, {@code eta} or {@code c}
 * (η = c/λ₀^H); mini-batch size (0 = full batch); heavy-ball β 0.9; 1000 steps; probes every
 * 10 steps in pairs (t, t+1), every step before step 20; checkpoints every 100 steps (0 = only at
 * the end); 1 tracked Hessian eigenvalue, no NTK, relative tolerance 1e-6 and 500 Hessian-vector
 * products per probe; no Lyapunov exponents (a count K measures the top K, averaged after a
 * transient of half the steps); no dense late tail. Null means the default. See {@link TrainConfig} for the schedule.
 */
public record TrainSpec(ModelKind model, @JsonSerialize(using = ToStringSerializer.class) Path modelFile,
                        ModuleMode moduleMode, Integer depth, Integer width, Activation activation, Boolean bias,
                        Parameterization param, Boolean lastLayerZero, Double outputScale, Normalization norm,
                        DatasetKind dataset, @JsonSerialize(using = ToStringSerializer.class) Path dataDir,
                        @JsonSerialize(using = ToStringSerializer.class) Path data,
                        @JsonSerialize(using = ToStringSerializer.class) Path testData,
                        Integer subset, SubsetMode subsetMode, Integer testSubset, Boolean standardize,
                        Double targetScale, ExampleShape syntheticShape, Integer syntheticOutputs, Loss loss,
                        Dtype dtype, Long seed, Integer chunk, Integer threads, Integer blasThreads,
                        Optimizer optimizer, Double eta, Double c, Integer batchSize, Double momentum, Integer steps,
                        Integer probeEvery, Integer denseSteps, Integer checkpointEvery, Integer topK, Boolean ntk,
                        Double tol, Integer maxProducts, Integer lyapunov, Integer lyapunovTransient,
                        Integer probeTail) implements NetworkSettings {
    /**
     * The most training steps of one run: every probe is kept in memory for the summary and each
     * step is at least one pass over the data, so 10⁷ steps is already days of training.
     */
    public static final int MAX_STEPS = 10_000_000;

    /**
     * The heavy-ball β when none is given. Every config.yaml records it, whatever the optimizer,
     * so this value next to gd or sgd is the stored default, not a setting that does nothing.
     */
    public static final double DEFAULT_MOMENTUM = 0.9;

    public TrainSpec {
        NetworkSpec n = new NetworkSpec(model, modelFile, moduleMode, depth, width, activation, bias, param,
                lastLayerZero, outputScale, norm, dataset, dataDir, data, testData, subset, subsetMode, testSubset,
                standardize, targetScale, syntheticShape, syntheticOutputs, loss, dtype, seed, chunk, threads, blasThreads);
        model = n.model(); modelFile = n.modelFile(); moduleMode = n.moduleMode(); depth = n.depth(); width = n.width();
        activation = n.activation(); bias = n.bias(); param = n.param(); lastLayerZero = n.lastLayerZero();
        outputScale = n.outputScale(); norm = n.norm(); dataset = n.dataset(); dataDir = n.dataDir(); data = n.data();
        testData = n.testData(); subset = n.subset(); subsetMode = n.subsetMode(); testSubset = n.testSubset();
        standardize = n.standardize(); targetScale = n.targetScale(); syntheticShape = n.syntheticShape();
        syntheticOutputs = n.syntheticOutputs(); loss = n.loss(); dtype = n.dtype(); seed = n.seed(); chunk = n.chunk();
        threads = n.threads(); blasThreads = n.blasThreads();

        if (optimizer == null) optimizer = Optimizer.GD;
        if (batchSize == null) batchSize = 0;
        if (momentum != null && optimizer != Optimizer.MOMENTUM && momentum != DEFAULT_MOMENTUM) {
            throw new UserInputException("--momentum " + momentum + " does nothing with --optimizer "
                    + optimizer.name().toLowerCase(java.util.Locale.ROOT) + "; add --optimizer momentum or drop --momentum");
        }
        if (momentum == null) momentum = DEFAULT_MOMENTUM;
        if (subset > 0 && batchSize > subset) {
            throw new UserInputException("--batch-size " + batchSize + " is larger than the " + subset
                    + " examples (--subset); every step would be the full batch, so use --optimizer gd or a smaller --batch-size");
        }
        if (steps == null) steps = 1000;
        if (steps > MAX_STEPS) {
            throw new UserInputException("--steps must be at most " + MAX_STEPS + " (every probe is kept in memory), got " + steps);
        }
        if (probeEvery == null) probeEvery = 10;
        if (denseSteps == null) denseSteps = 20;
        if (checkpointEvery == null) checkpointEvery = 100;
        if (topK == null) topK = 1;
        if (ntk == null) ntk = false;
        if (tol == null) tol = 1e-6;
        if (maxProducts == null) maxProducts = 500;
        if (lyapunov == null) lyapunov = 0;
        if (lyapunovTransient == null) lyapunovTransient = steps / 2;
        if (probeTail == null) probeTail = 0;
        config(n, optimizer, learningRate(eta, c), batchSize, momentum, steps, probeEvery, denseSteps, checkpointEvery,
                topK, ntk, tol, maxProducts, lyapunov, lyapunovTransient, probeTail); // checks the training settings
    }

    /** The learning rate: η itself or c = ηλ₀^H. */
    public LearningRate learningRate() {
        return learningRate(eta, c);
    }

    /** The run as the nn training loop takes it. */
    public TrainConfig config() {
        return config(this, optimizer, learningRate(), batchSize, momentum, steps, probeEvery, denseSteps,
                checkpointEvery, topK, ntk, tol, maxProducts, lyapunov, lyapunovTransient, probeTail);
    }

    private static LearningRate learningRate(Double eta, Double c) {
        if (eta != null && c != null) throw new UserInputException("give --eta or --c, not both");
        if (eta == null && c == null) throw new UserInputException("set the learning rate with exactly one of --eta or --c (η = c/λ₀)");
        return eta != null ? LearningRate.eta(eta) : LearningRate.c(c);
    }

    private static TrainConfig config(NetworkSettings n, Optimizer optimizer, LearningRate rate, int batchSize,
                                      double momentum, int steps, int probeEvery, int denseSteps, int checkpointEvery,
                                      int topK, boolean ntk, double tol, int maxProducts, int lyapunov,
                                      int lyapunovTransient, int probeTail) {
        return new TrainConfig(n.modelConfig(), n.dataConfig(), n.loss(), n.dtype(), n.chunk(), optimizer, rate,
                batchSize, momentum, steps, n.seed(), probeEvery, denseSteps, checkpointEvery, topK, ntk, tol,
                maxProducts, n.threads(), lyapunov, lyapunovTransient, probeTail);
    }
}
