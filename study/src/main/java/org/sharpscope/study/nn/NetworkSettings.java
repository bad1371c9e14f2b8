package org.sharpscope.study.nn;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.NativeThreads;
import org.sharpscope.nn.data.DataConfig;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.data.DatasetLoader;
import org.sharpscope.nn.data.DatasetKind;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.Activation;
import org.sharpscope.nn.model.ModelConfig;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Network;
import org.sharpscope.nn.model.Normalization;
import org.sharpscope.nn.model.Parameterization;

/**
 * The model and data settings of every task that builds a network ({@code train},
 * {@code sharpness}, {@code data export}), flat in each spec record so that their keys are the
 * same flags and config keys everywhere. {@link NetworkSpec} holds their defaults (one place);
 * the specs that carry them resolve through it, so every accessor here returns a resolved value.
 */
public interface NetworkSettings {
    ModelKind model();

    Integer depth();

    Integer width();

    Activation activation();

    Boolean bias();

    Parameterization param();

    Boolean lastLayerZero();

    Double outputScale();

    Normalization norm();

    DatasetKind dataset();

    Path dataDir();

    Integer subset();

    SubsetMode subsetMode();

    Boolean standardize();

    Double targetScale();

    ExampleShape syntheticShape();

    Integer syntheticOutputs();

    Loss loss();

    Dtype dtype();

    Long seed();

    Integer chunk();

    Integer threads();

    Integer blasThreads();

    /** The network family, depth, width and the rest, as the nn module builds it. */
    default ModelConfig modelConfig() {
        return new ModelConfig(model(), depth(), width(), activation(), bias(), param(), lastLayerZero(), outputScale(), norm());
    }

    /** Which examples and how they are prepared, as the nn module loads them. */
    default DataConfig dataConfig() {
        return new DataConfig(dataset(), dataDir(), subset(), subsetMode() == SubsetMode.STRATIFIED, standardize(),
                targetScale(), syntheticShape().toArray(), syntheticOutputs(), seed());
    }

    /** Loads the examples, prepared for this model (flattened for fully connected models). */
    default Dataset loadData() {
        return DatasetLoader.load(dataConfig(), loss(), model() == ModelKind.FCN || model() == ModelKind.UV);
    }

    /** The network for the examples {@code d}. */
    default Network buildNetwork(Dataset d) {
        return modelConfig().build(d.exampleShape(), d.outputs());
    }

    /**
     * The model, data, loss, dtype, seed and chunk as the nn configs describe themselves
     * (snake_case keys, with the variance scales σ_w²): the {@code config} of a sharpness summary
     * and the {@code sharpscope_config} of a data export.
     */
    default Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>(modelConfig().toMap());
        m.putAll(dataConfig().toMap());
        m.put("loss", loss().key());
        m.put("dtype", dtype().key());
        m.put("seed", seed());
        m.put("chunk", chunk());
        return m;
    }

    /** Sets the libtorch and OpenBLAS thread pools to {@link #threads()} and {@link #blasThreads()}. */
    default void useThreads() {
        NativeThreads.set(threads(), blasThreads());
    }
}
