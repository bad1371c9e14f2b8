package org.sharpscope.nn.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sharpscope.UserInputException;

/**
 * Everything that defines a network apart from the data shapes: family, depth, width,
 * activation, biases, parameterization, zero last layer, output multiplier α, normalisation.
 * SP variance scales are σ_w² = 2 for hidden layers and 1 for the last (docs/theory.md §8).
 */
public record ModelConfig(ModelKind model, int depth, int width, Activation activation, boolean bias,
                          Parameterization param, boolean lastLayerZero, double outputScale,
                          Normalization norm) {
    public static final double SIGMA2_HIDDEN = 2.0;
    public static final double SIGMA2_LAST = 1.0;
    /** Variance scale σ_w² of both UV layers. */
    public static final double SIGMA2_UV = 1.0;

    public ModelConfig {
        if (depth < 1) throw new UserInputException("--depth must be >= 1, got " + depth);
        if (width < 1) throw new UserInputException("--width must be >= 1, got " + width);
        UserInputException.requireFinite("--output-scale", outputScale);
        if (model == ModelKind.MYRTLE && depth != 5 && depth != 7 && depth != 10) {
            throw new UserInputException("myrtle --depth must be 5, 7 or 10, got " + depth);
        }
        if (model == ModelKind.RESNET && (depth < 8 || (depth - 2) % 6 != 0)) {
            throw new UserInputException("resnet --depth must be 6n+2 (8, 14, 20, ...), got " + depth);
        }
        if (model == ModelKind.UV && depth != 2) {
            throw new UserInputException("uv model has depth 2 (U and v), got --depth " + depth);
        }
    }

    /** FCN-4-512 in SP, relu, no biases, α = 1. */
    public static ModelConfig defaults() {
        return new ModelConfig(ModelKind.FCN, 4, 512, Activation.RELU, false, Parameterization.SP, false, 1.0,
                Normalization.NONE);
    }

    /** Builds the network for examples of the given shape and number of outputs. */
    public Network build(long[] inputShape, int outputs) {
        Network network = switch (model) {
            case FCN -> new Fcn(this, inputShape, outputs);
            case MYRTLE -> new MyrtleCnn(this, inputShape, outputs);
            case RESNET -> new ResNet(this, inputShape, outputs);
            case UV -> new UvNetwork(this, inputShape, outputs);
        };
        requireMemory(network);
        return network;
    }

    /**
     * Refuses a network whose parameters cannot be held, before any is allocated: the shapes are
     * only registered so far. Counted in double because width² × depth overflows a long; each
     * tensor must also fit one Java array, and every parameter is held at least as a double on the
     * heap (initial values, checkpoints).
     */
    private void requireMemory(Network network) {
        double total = 0;
        for (ParameterSpec s : network.parameters()) {
            double n = 1;
            for (long d : s.shape()) n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw new UserInputException(String.format(java.util.Locale.ROOT, "--width %d: the tensor %s has %.3g "
                        + "parameters, more than one array can hold (2³¹); use a smaller --width", width, s.name(), n));
            }
            total += n;
        }
        org.sharpscope.Memory.require(8 * total, "--width " + width + ": the " + String.format(java.util.Locale.ROOT,
                "%.3g", total) + " parameters", "use a smaller --width or --depth");
    }

    /** The config as flag-named keys (for config.yaml and manifests). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model.key());
        m.put("depth", depth);
        m.put("width", width);
        m.put("activation", activation.key());
        m.put("bias", bias);
        m.put("param", param.key());
        m.put("last_layer_zero", lastLayerZero);
        m.put("output_scale", outputScale);
        m.put("norm", norm.key());
        m.put("sigma_w2_hidden", model == ModelKind.UV ? SIGMA2_UV : SIGMA2_HIDDEN);
        m.put("sigma_w2_last", model == ModelKind.UV ? SIGMA2_UV : SIGMA2_LAST);
        return m;
    }
}
