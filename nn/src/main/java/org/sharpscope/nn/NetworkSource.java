package org.sharpscope.nn;

import java.util.Map;
import org.sharpscope.nn.data.DataConfig;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.data.DatasetLoader;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.ModelConfig;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Network;

/**
 * Where a run's training examples and network come from: a built-in family on a built-in dataset
 * ({@link #builtin}) or a user's TorchScript module on a safetensors file
 * ({@code org.sharpscope.nn.torchscript.TorchScriptSource}). The {@code Trainer} takes one.
 */
public interface NetworkSource {
    /** The prepared training examples. */
    Dataset loadData();

    /** The network for {@code data} (as returned by {@link #loadData()}). */
    Network buildNetwork(Dataset data);

    /** Flag-named keys of the source's settings (for config.yaml and manifests). */
    Map<String, Object> toMap();

    /** A built-in family on a built-in dataset (inputs flattened for the fully connected families). */
    static NetworkSource builtin(ModelConfig model, DataConfig data, Loss loss) {
        return new NetworkSource() {
            @Override
            public Dataset loadData() {
                return DatasetLoader.load(data, loss, model.model() == ModelKind.FCN || model.model() == ModelKind.UV);
            }

            @Override
            public Network buildNetwork(Dataset d) {
                return model.build(d.exampleShape(), d.outputs());
            }

            @Override
            public Map<String, Object> toMap() {
                Map<String, Object> m = new java.util.LinkedHashMap<>(model.toMap());
                m.putAll(data.toMap());
                return m;
            }
        };
    }
}
