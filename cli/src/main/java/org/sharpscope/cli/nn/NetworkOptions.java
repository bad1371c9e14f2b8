package org.sharpscope.cli.nn;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sharpscope.cli.options.SpecBinding;
import org.sharpscope.study.Specs;
import org.sharpscope.study.nn.NetworkSpec;
import org.sharpscope.study.nn.SharpnessSpec;
import org.sharpscope.study.nn.TrainSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The model and data flags shared by every command that builds a network ({@code data export},
 * {@code sharpness}, {@code train}), declared once here: the keys of {@link NetworkSpec}, which
 * holds their defaults (the descriptions repeat them for --help). Every flag is also a key of the
 * YAML {@code --config} file (same name without dashes); a flag given on the command line wins.
 */
public final class NetworkOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML file of settings: keys are the flag names without dashes; flags on the command line win.")
    Path config;

    @Option(names = "--model", paramLabel = "fcn|myrtle|resnet|uv", description = "Network family (default fcn).")
    String model;

    @Option(names = "--model-file", paramLabel = "FILE.pt",
            description = "Your own network instead of a family: a TorchScript module (torch.jit.script(model).save(FILE)); needs --data. See docs/own-models.md.")
    Path modelFile;

    @Option(names = "--module-mode", paramLabel = "eval|train",
            description = "Mode the --model-file module runs in: eval (running BatchNorm statistics, no dropout) or train (batch statistics) (default eval).")
    String moduleMode;

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

    @Option(names = "--data", paramLabel = "FILE.safetensors",
            description = "Training examples of --model-file: tensors 'inputs' [examples, ...] and 'targets' (regression values, class indices or one-hot rows).")
    Path data;

    @Option(names = "--test-data", paramLabel = "FILE.safetensors",
            description = "Held-out examples of --model-file, as --data; train records test_loss and test_accuracy at each probe.")
    Path testData;

    @Option(names = "--subset", paramLabel = "N", description = "Number of training examples, 0 = all (default 5000; synthetic default 1000; --data: all).")
    Integer subset;

    @Option(names = "--subset-mode", paramLabel = "stratified|first", description = "N/classes per class drawn with the seed, or the first N (default stratified).")
    String subsetMode;

    @Option(names = "--test-subset", paramLabel = "N",
            description = "Held-out examples from the dataset's test split, drawn as --subset draws (synthetic: further draws); train records test_loss and test_accuracy (default: none).")
    Integer testSubset;

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

    @Option(names = "--threads", paramLabel = "N", description = "libtorch and OpenBLAS threads, 0 = all cores (default: 1 libtorch thread, OpenBLAS on all cores).")
    Integer threads;

    @Option(names = "--blas-threads", paramLabel = "N", description = "OpenBLAS threads (default: --threads when given, else all cores; 1 is fastest on an oversubscribed machine).")
    Integer blasThreads;

    /** The {@code --config} file, or null. */
    public Path config() {
        return config;
    }

    /** The {@code --config} file as a list of zero or one settings files. */
    public List<Path> configs() {
        return config == null ? List.of() : List.of(config);
    }

    /** Where bound settings come from, for error messages: the config file, or the command. */
    public String where(CommandSpec command) {
        return config == null ? "'" + command.qualifiedName() + "'" : "config " + config;
    }

    /**
     * Keys of every network command ({@code train}, {@code critical-eta}, {@code sharpness}, {@code data export}) and
     * their non-setting options: a file of settings may carry another network command's keys
     * (a run's config.yaml configures the others), which are skipped.
     */
    public static final Set<String> NETWORK_COMMAND_KEYS = networkCommandKeys();

    private static Set<String> networkCommandKeys() {
        Set<String> keys = new HashSet<>(Specs.keys(TrainSpec.class));
        keys.addAll(Specs.keys(SharpnessSpec.class));
        keys.addAll(Specs.keys(org.sharpscope.study.nn.CriticalEtaSpec.class));
        keys.addAll(SpecBinding.NOT_SETTINGS);
        return Set.copyOf(keys);
    }
}
