package org.sharpscope.nn.train;

import org.sharpscope.UserInputException;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.DataConfig;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.ModelConfig;
import org.sharpscope.uv.LearningRate;

/**
 * Everything that defines a training run. The learning rate is η itself or c (η = c/λ₀^H with
 * λ₀^H measured at initialization), the same {@link LearningRate} value as the UV model's.
 * {@code batchSize} 0 means full batch. Probes run at every step below {@code denseSteps}, then
 * in consecutive pairs (t, t+1) every {@code probeEvery} steps — both phases of the period-2
 * oscillation at EoS are seen — and always at the last step; checkpoints every
 * {@code checkpointEvery} steps (0: only at the end). {@code tol} is the relative accuracy
 * of the sharpness eigenvalues ({@link SharpnessTracker}) and {@code maxProducts} the product
 * budget per probe.
 * {@code threads} sets libtorch's intra-op threads (0: its default); small networks run fastest
 * on one thread, and results are bit-reproducible for a fixed thread count.
 * {@code lyapunov} is the number of Lyapunov exponents of the training map measured along the run
 * (0: none), averaged over the steps after {@code lyapunovTransient}; {@code probeTail} probes
 * every one of the last that many steps (for bifurcation diagrams: every step of the late tail).
 */
public record TrainConfig(ModelConfig model, DataConfig data, Loss loss, Dtype dtype, int chunkSize,
                          Optimizer optimizer, LearningRate rate, int batchSize, double momentum,
                          int steps, long seed, int probeEvery, int denseSteps, int checkpointEvery,
                          int topK, boolean ntk, double tol, int maxProducts, int threads,
                          int lyapunov, int lyapunovTransient, int probeTail) {
    /** A run without Lyapunov exponents or a dense late tail. */
    public TrainConfig(ModelConfig model, DataConfig data, Loss loss, Dtype dtype, int chunkSize,
                       Optimizer optimizer, LearningRate rate, int batchSize, double momentum,
                       int steps, long seed, int probeEvery, int denseSteps, int checkpointEvery,
                       int topK, boolean ntk, double tol, int maxProducts, int threads) {
        this(model, data, loss, dtype, chunkSize, optimizer, rate, batchSize, momentum, steps, seed, probeEvery,
                denseSteps, checkpointEvery, topK, ntk, tol, maxProducts, threads, 0, 0, 0);
    }

    public TrainConfig {
        if (rate == null) throw new UserInputException("set the learning rate with exactly one of --eta or --c (η = c/λ₀)");
        if (rate.kind() == LearningRate.Kind.ETA_OVER_ETAC) {
            throw new UserInputException("--eta-over-etac is the UV model's; set a network's learning rate with --eta or --c (η = c/λ₀)");
        }
        if (steps < 0) throw new UserInputException("--steps must be >= 0, got " + steps);
        if (probeEvery < 1) throw new UserInputException("--probe-every must be >= 1, got " + probeEvery);
        if (denseSteps < 0) throw new UserInputException("--dense-steps must be >= 0, got " + denseSteps);
        if (checkpointEvery < 0) throw new UserInputException("--checkpoint-every must be >= 0 (0 = only at the end), got " + checkpointEvery);
        if (batchSize < 0) throw new UserInputException("--batch-size must be >= 0 (0 = full batch), got " + batchSize);
        if (chunkSize < 0) throw new UserInputException("--chunk must be >= 0 (0 = all examples at once), got " + chunkSize);
        if (threads < 0) throw new UserInputException("--threads must be >= 0 (0 = libtorch's default), got " + threads);
        if (topK < 1) throw new UserInputException("--top-k must be >= 1, got " + topK);
        if (!(momentum >= 0 && momentum < 1)) throw new UserInputException("--momentum must lie in [0, 1), got " + momentum);
        if (!(tol > 0 && tol < 1)) throw new UserInputException("--tol must lie in (0, 1), got " + tol);
        if (maxProducts < topK) throw new UserInputException("--max-products must be >= --top-k, got " + maxProducts);
        if (optimizer == Optimizer.GD && batchSize != 0) {
            throw new UserInputException("--batch-size " + batchSize + " needs --optimizer sgd or momentum (gd is full batch)");
        }
        if (optimizer == Optimizer.SGD && batchSize == 0) {
            throw new UserInputException("--optimizer sgd needs --batch-size > 0 (use gd for full batch)");
        }
        if (lyapunov < 0) throw new UserInputException("--lyapunov must be >= 0 (0 = no exponents), got " + lyapunov);
        if (lyapunovTransient < 0) throw new UserInputException("--lyapunov-transient must be >= 0, got " + lyapunovTransient);
        if (lyapunov > 0 && lyapunovTransient >= steps) {
            throw new UserInputException("--lyapunov-transient " + lyapunovTransient + " leaves no step of the " + steps
                    + " (--steps) to average the exponents over; lower it or raise --steps");
        }
        if (probeTail < 0) throw new UserInputException("--probe-tail must be >= 0 (0 = no dense tail), got " + probeTail);
        if (probeTail > steps) throw new UserInputException("--probe-tail " + probeTail + " is longer than the run (--steps " + steps + "); lower it");
        if (ntk && loss != Loss.MSE) throw new UserInputException("--ntk needs --loss mse (the NTK is read off the Gauss-Newton matrix of MSE)");
    }

    /** The heavy-ball coefficient β actually used (0 unless the optimizer is momentum). */
    public double beta() {
        return optimizer == Optimizer.MOMENTUM ? momentum : 0;
    }

    /** Whether step {@code t} is probed. */
    public boolean probeAt(int t) {
        return t < denseSteps || t % probeEvery == 0 || (probeEvery > 1 && t % probeEvery == 1) || t == steps
                || t > steps - probeTail;
    }

    /**
     * Whether a checkpoint is written after the probe of step {@code t}: at the last step, and at
     * every multiple of {@code checkpointEvery} including 0 (the initial weights, for references).
     */
    public boolean checkpointAt(int t) {
        return t == steps || (checkpointEvery > 0 && t % checkpointEvery == 0);
    }
}
