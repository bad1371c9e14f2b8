package org.sharpscope.cli.train;

import java.nio.file.Path;
import java.util.List;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.DataConfig;
import org.sharpscope.nn.data.DatasetKind;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.Activation;
import org.sharpscope.nn.model.ModelConfig;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Normalization;
import org.sharpscope.nn.model.Parameterization;
import picocli.CommandLine.Option;

/**
 * The model, data, loss and precision flags of {@code train} (a picocli mixin), spelled like
 * {@link org.sharpscope.cli.nn.NetworkOptions} of the other network commands; unlike it, values
 * come only from picocli (config files are merged into the arguments by {@link YamlConfig}), so
 * train-specific keys can share one file. Flag names match the keys of {@link ModelConfig#toMap()} and
 * {@link DataConfig#toMap()} with dashes, so a run's config.yaml reads back as flags.
 */
public final class ModelDataOptions {
    @Option(names = "--model", defaultValue = "fcn", description = "fcn, myrtle, resnet or uv (default: ${DEFAULT-VALUE}).")
    String model;
    @Option(names = "--depth", defaultValue = "4", description = "Layers (fcn), 5/7/10 (myrtle), 6n+2 (resnet) (default: ${DEFAULT-VALUE}).")
    int depth;
    @Option(names = "--width", defaultValue = "512", description = "Hidden width or channels (default: ${DEFAULT-VALUE}).")
    int width;
    @Option(names = "--activation", defaultValue = "relu", description = "relu, tanh or linear (default: ${DEFAULT-VALUE}).")
    String activation;
    @Option(names = "--bias", arity = "0..1", defaultValue = "false", fallbackValue = "true", description = "Add biases (default: ${DEFAULT-VALUE}).")
    boolean bias;
    @Option(names = "--param", defaultValue = "sp", description = "Parameterization: sp, ntp, mup or s=VALUE (default: ${DEFAULT-VALUE}).")
    String param;
    @Option(names = "--last-layer-zero", arity = "0..1", defaultValue = "false", fallbackValue = "true",
            description = "Initialize the last layer at zero (default: ${DEFAULT-VALUE}).")
    boolean lastLayerZero;
    @Option(names = "--output-scale", defaultValue = "1", description = "Output multiplier α (default: ${DEFAULT-VALUE}).")
    double outputScale;
    @Option(names = "--norm", defaultValue = "none", description = "ResNet normalisation: none, layer or batch (default: ${DEFAULT-VALUE}).")
    String norm;

    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "fashion-mnist, mnist, cifar10, synthetic or synthetic-mixture (default: ${DEFAULT-VALUE}).")
    String dataset;
    @Option(names = "--data-dir", description = "Directory of the dataset files (default: the system location).")
    Path dataDir;
    @Option(names = "--subset", defaultValue = "5000", description = "Examples used, 0 = all (default: ${DEFAULT-VALUE}).")
    int subset;
    @Option(names = "--subset-mode", defaultValue = "stratified", description = "stratified (seeded, k/classes per class) or first (default: ${DEFAULT-VALUE}).")
    String subsetMode;
    @Option(names = "--standardize", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Per-channel zero mean, unit variance (default: ${DEFAULT-VALUE}).")
    boolean standardize;
    @Option(names = "--target-scale", defaultValue = "1", description = "Scale of one-hot MSE targets (default: ${DEFAULT-VALUE}).")
    double targetScale;
    @Option(names = "--synthetic-shape", split = "x", paramLabel = "CxHxW", defaultValue = "10", description = "Input shape of synthetic data, e.g. 10 or 3x8x8 (default: ${DEFAULT-VALUE}).")
    List<Long> syntheticShape;
    @Option(names = "--synthetic-outputs", defaultValue = "1", description = "Outputs of the synthetic regression (default: ${DEFAULT-VALUE}).")
    int syntheticOutputs;

    @Option(names = "--loss", defaultValue = "mse", description = "mse (½·mean squared error, one-hot targets) or ce (default: ${DEFAULT-VALUE}).")
    String loss;
    @Option(names = "--dtype", defaultValue = "float64", description = "float64 or float32 (default: ${DEFAULT-VALUE}).")
    String dtype;
    @Option(names = "--chunk", defaultValue = "0", description = "Examples per forward/backward chunk, 0 = all at once (default: ${DEFAULT-VALUE}).")
    int chunkSize;

    public ModelConfig modelConfig() {
        return new ModelConfig(ModelKind.parse(model), depth, width, Activation.parse(activation), bias,
                Parameterization.parse(param), lastLayerZero, outputScale, Normalization.parse(norm));
    }

    public DataConfig dataConfig(long seed) {
        boolean stratified = switch (subsetMode.trim().toLowerCase()) {
            case "stratified" -> true;
            case "first" -> false;
            default -> throw new org.sharpscope.UserInputException("--subset-mode must be stratified or first, got '" + subsetMode + "'");
        };
        long[] shape = syntheticShape.stream().mapToLong(Long::longValue).toArray();
        return new DataConfig(DatasetKind.parse(dataset), dataDir, subset, stratified, standardize, targetScale, shape,
                syntheticOutputs, seed);
    }

    public Loss lossKind() {
        return Loss.parse(loss);
    }

    public Dtype dtypeKind() {
        return Dtype.parse(dtype);
    }
}
