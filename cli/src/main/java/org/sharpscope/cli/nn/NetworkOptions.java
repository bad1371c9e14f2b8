package org.sharpscope.cli.nn;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.sharpscope.UserInputException;
import org.sharpscope.cli.ConfigFile;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.NetworkSetup;
import org.sharpscope.nn.data.DataConfig;
import org.sharpscope.nn.data.DatasetKind;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.Activation;
import org.sharpscope.nn.model.ModelConfig;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Normalization;
import org.sharpscope.nn.model.Parameterization;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The model and data flags shared by every command that builds a network ({@code data export},
 * {@code sharpness}, {@code train}, sweeps), declared once here. Every flag is also a key of the
 * YAML {@code --config} file read by {@link ConfigFile} (same name without dashes); a flag given on
 * the command line wins over the file, the file over the defaults below (float32, chunks of 1000
 * examples, all cores).
 */
public final class NetworkOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML file of settings: keys are the flag names without dashes; flags on the command line win.")
    Path config;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--model", paramLabel = "fcn|myrtle|resnet|uv", description = "Network family (default fcn).")
    String model;

    @Option(names = "--depth", description = "Layers: fcn weight layers (default 4), myrtle 5|7|10, resnet 6n+2 (default 20), uv 2.")
    Integer depth;

    @Option(names = "--width", description = "Hidden width / channels (defaults: fcn 512, myrtle 64, resnet 16, uv 512).")
    Integer width;

    @Option(names = "--activation", paramLabel = "relu|tanh|linear", description = "Hidden nonlinearity (default relu; uv: linear).")
    String activation;

    @Option(names = "--bias", paramLabel = "true|false", arity = "0..1", fallbackValue = "true", description = "Biases (default false).")
    Boolean bias;

    @Option(names = "--param", paramLabel = "sp|ntp|mup|s=VALUE", description = "Parameterization (default sp; s=0 is ntp, s=1 is mup).")
    String param;

    @Option(names = "--last-layer-zero", paramLabel = "true|false", arity = "0..1", fallbackValue = "true", description = "Initialise the last layer to zero (default false).")
    Boolean lastLayerZero;

    @Option(names = "--output-scale", paramLabel = "ALPHA", description = "Output multiplier α (default 1).")
    Double outputScale;

    @Option(names = "--norm", paramLabel = "none|layer|batch", description = "ResNet normalisation (default none).")
    String norm;

    @Option(names = "--dataset", paramLabel = "NAME", description = "fashion-mnist|mnist|cifar10|synthetic|synthetic-mixture (default fashion-mnist).")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory of the dataset files (default: /usr/share/datasets/<name>).")
    Path dataDir;

    @Option(names = "--subset", paramLabel = "N", description = "Number of training examples, 0 = all (default 5000; synthetic default 1000).")
    Integer subset;

    @Option(names = "--subset-mode", paramLabel = "stratified|first", description = "N/classes per class drawn with the seed, or the first N (default stratified).")
    String subsetMode;

    @Option(names = "--standardize", paramLabel = "true|false", arity = "0..1", fallbackValue = "true", description = "Per-channel zero mean, unit variance (default true).")
    Boolean standardize;

    @Option(names = "--target-scale", paramLabel = "S", description = "Value of the hot entry of one-hot MSE targets (default 1).")
    Double targetScale;

    @Option(names = "--synthetic-shape", paramLabel = "D", split = "[x,]", splitSynopsisLabel = "x",
            description = "Example shape of synthetic data, e.g. 10 or 3x8x8 (default 3x8x8).")
    List<Long> syntheticShape;

    @Option(names = "--synthetic-outputs", paramLabel = "K", description = "Outputs of the synthetic teacher (default 10; 1 for uv).")
    Integer syntheticOutputs;

    @Option(names = "--loss", paramLabel = "mse|ce", description = "Loss (default mse: ½·mean over examples and outputs).")
    String loss;

    @Option(names = "--dtype", paramLabel = "float32|float64", description = "Precision (default float32).")
    String dtype;

    @Option(names = "--seed", description = "Seed of the initial weights, the subset, synthetic data and (train) the batches (default 0).")
    Long seed;

    @Option(names = "--chunk", paramLabel = "N", description = "Examples per chunk of a Hessian product, 0 = all (default 1000).")
    Integer chunk;

    @Option(names = "--threads", paramLabel = "N", description = "libtorch and OpenBLAS threads, 0 = all cores (default: all cores).")
    Integer threads;

    @Option(names = "--blas-threads", paramLabel = "N", description = "OpenBLAS threads (default: --threads; 1 is fastest on an oversubscribed machine).")
    Integer blasThreads;

    /** The {@code --config} file, or null. */
    public Path config() {
        return config;
    }

    /**
     * Sets the options of the command using this mixin from its {@code --config} file, where the
     * command line did not set them (see {@link ConfigFile#apply}); does nothing without a file.
     * Returns the keys it set.
     */
    public List<String> applyConfig(Collection<String> group, Collection<String> alreadySet, Collection<String> ignored) {
        return config == null ? List.of() : ConfigFile.apply(config, command, group, alreadySet, ignored);
    }

    /**
     * Keys of {@code train}, skipped by the other network commands, so that a run's config.yaml
     * (or one file for several commands) configures {@code data export} and {@code sharpness} too.
     */
    static java.util.Set<String> trainKeys() {
        return ConfigFile.keysOf(org.sharpscope.cli.train.TrainCommand.class);
    }

    /** Resolves the flags (already merged with any config file) over the defaults, and applies --threads. */
    public NetworkSetup resolve() {
        ModelKind kind = ModelKind.parse(or(model, "fcn"));
        int defDepth = switch (kind) { case FCN -> 4; case MYRTLE -> 5; case RESNET -> 20; case UV -> 2; };
        int defWidth = switch (kind) { case FCN, UV -> 512; case MYRTLE -> 64; case RESNET -> 16; };
        ModelConfig mc = new ModelConfig(kind, or(depth, defDepth), or(width, defWidth),
                Activation.parse(or(activation, kind == ModelKind.UV ? "linear" : "relu")),
                or(bias, false), Parameterization.parse(or(param, "sp")), or(lastLayerZero, false),
                or(outputScale, 1.0), Normalization.parse(or(norm, "none")));
        DatasetKind dk = DatasetKind.parse(or(dataset, "fashion-mnist"));
        long sd = or(seed, 0L);
        String mode = or(subsetMode, "stratified").trim().toLowerCase();
        if (!mode.equals("stratified") && !mode.equals("first")) {
            throw new UserInputException("--subset-mode must be stratified or first, got '" + subsetMode + "'");
        }
        long[] shape = syntheticShape == null ? new long[] {3, 8, 8}
                : syntheticShape.stream().mapToLong(Long::longValue).toArray();
        DataConfig dc = new DataConfig(dk, dataDir, or(subset, dk.synthetic() ? 1000 : 5000), mode.equals("stratified"),
                or(standardize, true), or(targetScale, 1.0), shape,
                or(syntheticOutputs, kind == ModelKind.UV ? 1 : 10), sd);
        int ch = or(chunk, 1000);
        if (ch < 0) throw new UserInputException("--chunk must be >= 0 (0 = all examples at once), got " + ch);
        int t = threads();
        int bt = or(blasThreads, t);
        if (bt < 1) throw new UserInputException("--blas-threads must be >= 1, got " + bt);
        org.sharpscope.nn.NativeThreads.set(t, bt);
        return new NetworkSetup(mc, dc, Loss.parse(or(loss, "mse")), Dtype.parse(or(dtype, "float32")), sd, ch);
    }

    /** The number of libtorch threads {@link #resolve()} sets (--threads; 0 or unset: all cores). */
    public int threads() {
        int t = or(threads, 0);
        if (t < 0) throw new UserInputException("--threads must be >= 0 (0 = all cores), got " + t);
        return t == 0 ? Runtime.getRuntime().availableProcessors() : t;
    }

    private static <T> T or(T flag, T fallback) {
        return flag == null ? fallback : flag;
    }
}
