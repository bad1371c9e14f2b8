package org.sharpscope.nn.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.sharpscope.run.Safetensors;

/**
 * A network written as a pure function of its parameters: {@link #forward} takes the parameter
 * tensors (in {@link #parameters()} order) and a batch of inputs and returns the outputs
 * [batch, outputs]. Parameters carry PyTorch state_dict names and shapes; every forward
 * multiplier is listed in {@link #description()} so the model can be rebuilt elsewhere.
 * The built-in families are built from a {@link ModelConfig} and initialised from their specs;
 * a network loaded from a file (such as {@code TorchScriptNetwork}) has no config, brings its own
 * {@link #initialValues()} and may add non-trainable state to checkpoints
 * ({@link #stateDictExtras}).
 */
public abstract class Network {
    private final List<ParameterSpec> specs = new ArrayList<>();
    private final Map<String, Double> multipliers = new LinkedHashMap<>();
    private final ModelConfig config;

    protected Network(ModelConfig config) {
        this.config = config;
    }

    /** A network not built from a {@link ModelConfig} (loaded from a file): {@link #config()} is null, α = 1. */
    protected Network() {
        this(null);
    }

    /** Registers a parameter and returns its index in the parameter list. */
    protected final int add(ParameterSpec spec) {
        specs.add(spec);
        return specs.size() - 1;
    }

    /** Records the forward multiplier of a named weight (listed in the description). */
    protected final void recordMultiplier(String weightName, double multiplier) {
        multipliers.put(weightName, multiplier);
    }

    public final List<ParameterSpec> parameters() {
        return Collections.unmodifiableList(specs);
    }

    /** Number of scalar parameters. */
    public final long parameterCount() {
        long n = 0;
        for (ParameterSpec s : specs) n += s.numel();
        return n;
    }

    /** The config of a built-in family; null for a network loaded from a file. */
    public final ModelConfig config() {
        return config;
    }

    /**
     * The network's own initial values by parameter name (those of a loaded module), or null when
     * {@link Parameters#initialize} should draw them from the specs with the run's seed.
     */
    public Map<String, double[]> initialValues() {
        return null;
    }

    /**
     * Tensors a checkpoint stores after the parameters so that, with them, it is a complete PyTorch
     * state_dict of the model (buffers such as BatchNorm statistics, second names of tied
     * parameters), given the parameter values by name and the dtype name of the run ("F32", "F64").
     * Read back by nobody: they are a function of the network and the weights. None for the
     * built-in families.
     */
    public Map<String, Safetensors.Tensor> stateDictExtras(Map<String, double[]> weights, String dtypeName) {
        return Map.of();
    }

    /** Shape of one input example, e.g. [784] or [3, 32, 32]. */
    public abstract long[] inputShape();

    /** Number of outputs per example. */
    public abstract int outputs();

    /** Outputs [batch, outputs] for inputs [batch, inputShape...]; differentiable in {@code params}. */
    public final Tensor forward(List<Tensor> params, Tensor input) {
        Tensor out = body(params, input);
        double alpha = config == null ? 1 : config.outputScale();
        return alpha == 1 ? out : out.mul(new Scalar(alpha));
    }

    /** The network without the output multiplier α. */
    protected abstract Tensor body(List<Tensor> params, Tensor input);

    /** Everything needed to rebuild the model: config, shapes, every multiplier, parameter count. */
    public Map<String, Object> description() {
        Map<String, Object> d = config == null ? new LinkedHashMap<>() : new LinkedHashMap<>(config.toMap());
        d.put("input_shape", inputShape());
        d.put("outputs", outputs());
        d.put("parameter_count", parameterCount());
        Map<String, Object> params = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("shape", s.shape());
            if (s.initStd() > 0) p.put("init_std", s.initStd());
            else p.put("init_constant", s.initConstant());
            Double m = multipliers.get(s.name());
            if (m != null) p.put("multiplier", m);
            params.put(s.name(), p);
        }
        d.put("parameters", params);
        d.put("output_multiplier", config == null ? 1.0 : config.outputScale());
        return d;
    }

    /** The forward multiplier of a weight by name (1 when none was recorded). */
    public final double multiplier(String weightName) {
        return multipliers.getOrDefault(weightName, 1.0);
    }

    /** Multiplies {@code w} by {@code m}, skipping the op when m is 1. */
    protected static Tensor scaled(Tensor w, double m) {
        return m == 1 ? w : w.mul(new Scalar(m));
    }
}
