package org.sharpscope.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sharpscope.nn.data.DataConfig;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.data.DatasetLoader;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.ModelConfig;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Network;

/**
 * A fully resolved model + data setting (what the shared flags and config keys describe): the
 * model, the data, the loss, the dtype, the seed of the initial weights, and the example chunk
 * size of Hessian products (0: all at once).
 */
public record NetworkSetup(ModelConfig model, DataConfig data, Loss loss, Dtype dtype, long seed, int chunk) {
    /** Loads the data prepared for this model (flattened for fully connected models). */
    public Dataset loadData() {
        boolean flatten = model.model() == ModelKind.FCN || model.model() == ModelKind.UV;
        return DatasetLoader.load(data, loss, flatten);
    }

    /** The network for this data. */
    public Network buildNetwork(Dataset d) {
        return model.build(d.exampleShape(), d.outputs());
    }

    /** Flag-named keys of every setting (for config.yaml, manifests and exports). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(model.toMap());
        m.putAll(data.toMap());
        m.put("loss", loss.key());
        m.put("dtype", dtype.key());
        m.put("seed", seed);
        m.put("chunk", chunk);
        return m;
    }
}
