package org.sharpscope.nn.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.Dtype;
import org.sharpscope.run.Json;
import org.sharpscope.run.Safetensors;

/**
 * Network weights as a safetensors file: one tensor per parameter under its state_dict name, in
 * the run's dtype (then the network's {@link Network#stateDictExtras} such as a TorchScript
 * module's buffers, so the file is a complete state_dict for {@code load_state_dict}), and metadata {@code sharpscope_model} (the network description as JSON, with
 * every multiplier) so the model can be rebuilt elsewhere.
 */
public final class Checkpoint {
    public static final String MODEL_KEY = "sharpscope_model";

    private Checkpoint() {}

    /** Writes the parameters atomically; {@code metadata} adds string entries (step, loss, ...). */
    public static void save(Path path, Parameters params, Map<String, String> metadata) {
        Map<String, Safetensors.Tensor> tensors = new LinkedHashMap<>();
        Map<String, double[]> values = params.byName();
        for (ParameterSpec s : params.network().parameters()) {
            tensors.put(s.name(), Safetensors.Tensor.ofDoubles(values.get(s.name()), s.shape(),
                    params.dtype().safetensorsName()));
        }
        tensors.putAll(params.network().stateDictExtras(values, params.dtype().safetensorsName()));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put(MODEL_KEY, Json.JSON.valueToTree(params.network().description()).toString());
        if (metadata != null) meta.putAll(metadata);
        Safetensors.write(path, tensors, meta);
    }

    /** Loads weights for {@code network} (names and shapes must match) in {@code dtype}. */
    public static Parameters load(Path path, Network network, Dtype dtype) {
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw new UserInputException("checkpoint " + path + " does not exist; check --checkpoint");
        }
        Safetensors.Contents c = Safetensors.read(path);
        Map<String, double[]> values = new LinkedHashMap<>();
        for (ParameterSpec s : network.parameters()) {
            Safetensors.Tensor t = c.tensors().get(s.name());
            if (t != null && !java.util.Arrays.equals(t.shape(), s.shape())) {
                throw new UserInputException("checkpoint " + path + " has " + s.name() + " of shape "
                        + java.util.Arrays.toString(t.shape()) + ", the model expects " + java.util.Arrays.toString(s.shape())
                        + "; use the flags the checkpoint was saved with");
            }
            if (t != null) values.put(s.name(), t.toDoubles());
        }
        return Parameters.of(network, dtype, values);
    }
}
