package org.sharpscope.cli.nn;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.sharpscope.UserInputException;
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
import org.sharpscope.run.Json;
import picocli.CommandLine.Option;

/**
 * The model and data flags shared by every command that builds a network ({@code data export},
 * {@code sharpness}, {@code train}, sweeps). Every flag is also a key of a YAML {@code --config}
 * file (same name without dashes; underscores accepted); a flag given on the command line wins
 * over the file, the file over the defaults.
 */
public final class NetworkOptions {
    private static final Set<String> KEYS = Set.of("model", "depth", "width", "activation", "bias", "param",
            "last-layer-zero", "output-scale", "norm", "dataset", "data-dir", "subset", "subset-mode", "standardize",
            "target-scale", "synthetic-shape", "synthetic-outputs", "loss", "dtype", "seed", "chunk", "threads", "blas-threads");

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file of settings (keys = flag names).")
    Path config;

    @Option(names = "--model", paramLabel = "fcn|myrtle|resnet|uv", description = "Network family (default fcn).")
    String model;

    @Option(names = "--depth", description = "Layers: fcn weight layers (default 4), myrtle 5|7|10, resnet 6n+2 (default 20), uv 2.")
    Integer depth;

    @Option(names = "--width", description = "Hidden width / channels (defaults: fcn 512, myrtle 64, resnet 16, uv 512).")
    Integer width;

    @Option(names = "--activation", paramLabel = "relu|tanh|linear", description = "Hidden nonlinearity (default relu; uv: linear).")
    String activation;

    @Option(names = "--bias", paramLabel = "true|false", arity = "1", description = "Biases (default false).")
    Boolean bias;

    @Option(names = "--param", paramLabel = "sp|ntp|mup|s=VALUE", description = "Parameterization (default sp; s=0 is ntp, s=1 is mup).")
    String param;

    @Option(names = "--last-layer-zero", paramLabel = "true|false", arity = "1", description = "Initialise the last layer to zero (default false).")
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

    @Option(names = "--standardize", paramLabel = "true|false", arity = "1", description = "Per-channel zero mean, unit variance (default true).")
    Boolean standardize;

    @Option(names = "--target-scale", paramLabel = "S", description = "Value of the hot entry of one-hot MSE targets (default 1).")
    Double targetScale;

    @Option(names = "--synthetic-shape", paramLabel = "CxHxW", description = "Example shape of synthetic data (default 3x8x8).")
    String syntheticShape;

    @Option(names = "--synthetic-outputs", paramLabel = "K", description = "Outputs of the synthetic teacher (default 10; 1 for uv).")
    Integer syntheticOutputs;

    @Option(names = "--loss", paramLabel = "mse|ce", description = "Loss (default mse: ½·mean over examples and outputs).")
    String loss;

    @Option(names = "--dtype", paramLabel = "float32|float64", description = "Precision (default float32).")
    String dtype;

    @Option(names = "--seed", description = "Seed of the initial weights, subset and synthetic data (default 0).")
    Long seed;

    @Option(names = "--chunk", paramLabel = "N", description = "Examples per chunk of a Hessian product, 0 = all (default 1000).")
    Integer chunk;

    @Option(names = "--threads", paramLabel = "N", description = "libtorch and OpenBLAS threads (default: all cores).")
    Integer threads;

    @Option(names = "--blas-threads", paramLabel = "N", description = "OpenBLAS threads (default: --threads; 1 is fastest on an oversubscribed machine).")
    Integer blasThreads;

    /** Resolves flags over the config file over the defaults, and applies --threads. */
    public NetworkSetup resolve() {
        Map<String, Object> file = readConfig();
        ModelKind kind = ModelKind.parse(pick(model, file, "model", "fcn"));
        int defDepth = switch (kind) { case FCN -> 4; case MYRTLE -> 5; case RESNET -> 20; case UV -> 2; };
        int defWidth = switch (kind) { case FCN, UV -> 512; case MYRTLE -> 64; case RESNET -> 16; };
        ModelConfig mc = new ModelConfig(kind,
                toInt("depth", pick(depth, file, "depth", defDepth)),
                toInt("width", pick(width, file, "width", defWidth)),
                Activation.parse(pick(activation, file, "activation", kind == ModelKind.UV ? "linear" : "relu")),
                toBool("bias", pick(bias, file, "bias", false)),
                Parameterization.parse(pick(param, file, "param", "sp")),
                toBool("last-layer-zero", pick(lastLayerZero, file, "last-layer-zero", false)),
                toDouble("output-scale", pick(outputScale, file, "output-scale", 1.0)),
                Normalization.parse(pick(norm, file, "norm", "none")));
        DatasetKind dk = DatasetKind.parse(pick(dataset, file, "dataset", "fashion-mnist"));
        long sd = toLong("seed", pick(seed, file, "seed", 0L));
        String mode = pick(subsetMode, file, "subset-mode", "stratified");
        if (!mode.equals("stratified") && !mode.equals("first")) {
            throw new UserInputException("--subset-mode must be stratified or first, got '" + mode + "'");
        }
        Object dir = pick(dataDir, file, "data-dir", null);
        DataConfig dc = new DataConfig(dk, dir == null ? null : Path.of(dir.toString()),
                toInt("subset", pick(subset, file, "subset", dk.synthetic() ? 1000 : 5000)),
                mode.equals("stratified"),
                toBool("standardize", pick(standardize, file, "standardize", true)),
                toDouble("target-scale", pick(targetScale, file, "target-scale", 1.0)),
                parseShape(pick(syntheticShape, file, "synthetic-shape", "3x8x8")),
                toInt("synthetic-outputs", pick(syntheticOutputs, file, "synthetic-outputs", kind == ModelKind.UV ? 1 : 10)),
                sd);
        int ch = toInt("chunk", pick(chunk, file, "chunk", 1000));
        if (ch < 0) throw new UserInputException("--chunk must be >= 0 (0 = all examples at once), got " + ch);
        int t = toInt("threads", pick(threads, file, "threads", Runtime.getRuntime().availableProcessors()));
        if (t < 1) throw new UserInputException("--threads must be >= 1, got " + t);
        int bt = toInt("blas-threads", pick(blasThreads, file, "blas-threads", t));
        if (bt < 1) throw new UserInputException("--blas-threads must be >= 1, got " + bt);
        org.sharpscope.nn.NativeThreads.set(t, bt);
        return new NetworkSetup(mc, dc, Loss.parse(pick(loss, file, "loss", "mse")),
                Dtype.parse(pick(dtype, file, "dtype", "float32")), sd, ch);
    }

    private Map<String, Object> readConfig() {
        if (config == null) return Map.of();
        if (!Files.isRegularFile(config)) {
            throw new UserInputException("config file " + config + " does not exist; check --config");
        }
        Map<String, Object> raw;
        try {
            raw = Json.YAML.readValue(config.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new UserInputException("config file " + config + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        Map<String, Object> out = new HashMap<>();
        if (raw == null) return out;
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            String key = e.getKey().replace('_', '-');
            if (!KEYS.contains(key)) continue; // keys of other commands (train, sweep) live in the same file
            out.put(key, e.getValue());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> T pick(Object flag, Map<String, Object> file, String key, T fallback) {
        if (flag != null) return (T) normalise(flag, fallback);
        Object v = file.get(key);
        if (v != null) return (T) normalise(v, fallback);
        return fallback;
    }

    private static Object normalise(Object v, Object fallback) {
        if (fallback instanceof String || fallback == null) return v instanceof Path ? v.toString() : String.valueOf(v);
        return v;
    }

    private static int toInt(String key, Object v) {
        if (v instanceof Number n) return n.intValue();
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new UserInputException(key + " must be an integer, got '" + v + "'");
        }
    }

    private static long toLong(String key, Object v) {
        if (v instanceof Number n) return n.longValue();
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new UserInputException(key + " must be an integer, got '" + v + "'");
        }
    }

    private static double toDouble(String key, Object v) {
        if (v instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new UserInputException(key + " must be a number, got '" + v + "'");
        }
    }

    private static boolean toBool(String key, Object v) {
        if (v instanceof Boolean b) return b;
        String s = v.toString().trim().toLowerCase();
        if (s.equals("true")) return true;
        if (s.equals("false")) return false;
        throw new UserInputException(key + " must be true or false, got '" + v + "'");
    }

    static long[] parseShape(Object v) {
        String[] parts = v.toString().trim().split("[x,]");
        long[] shape = new long[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) shape[i] = Long.parseLong(parts[i].trim());
        } catch (NumberFormatException e) {
            throw new UserInputException("--synthetic-shape must look like 3x8x8 or 16, got '" + v + "'");
        }
        return shape;
    }
}
