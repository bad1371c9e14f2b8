package org.sharpscope.study.nn;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.NativeThreads;
import org.sharpscope.nn.data.DataConfig;
import org.sharpscope.nn.data.DatasetKind;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.Activation;
import org.sharpscope.nn.model.ModelConfig;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Normalization;
import org.sharpscope.nn.model.Parameterization;
import org.sharpscope.nn.source.NetworkSource;
import org.sharpscope.nn.torchscript.ModuleMode;
import org.sharpscope.nn.torchscript.TorchScriptConfig;

/**
 * The model and data settings of every task that builds a network ({@code train},
 * {@code sharpness}, {@code data export}), flat in each spec record so that their keys are the
 * same flags and config keys everywhere. {@link NetworkSpec} holds their defaults (one place);
 * the specs that carry them resolve through it, so every accessor here returns a resolved value
 * — except that a user's own network ({@link #ownNetwork()}: a TorchScript module) leaves the
 * built-in family and dataset settings null, and a built-in one the module's.
 */
public interface NetworkSettings {
    ModelKind model();

    /** The user's TorchScript module, or null for a built-in family. */
    Path modelFile();

    /** Eval or train mode of the module (null for a built-in family). */
    ModuleMode moduleMode();

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

    /** The user's training examples (safetensors), or null for a built-in dataset. */
    Path data();

    /** The user's held-out examples (safetensors), or null. */
    Path testData();

    Integer subset();

    SubsetMode subsetMode();

    /** Held-out examples from the built-in dataset's test split, or null for none. */
    Integer testSubset();

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

    /** Whether the network is the user's TorchScript module on the user's examples. */
    default boolean ownNetwork() {
        return modelFile() != null;
    }

    /** The network family, depth, width and the rest, as the nn module builds it (null for an own network). */
    default ModelConfig modelConfig() {
        if (ownNetwork()) return null;
        return new ModelConfig(model(), depth(), width(), activation(), bias(), param(), lastLayerZero(), outputScale(), norm());
    }

    /** Which examples and how they are prepared, as the nn module loads them (null for an own network). */
    default DataConfig dataConfig() {
        if (ownNetwork()) return null;
        return new DataConfig(dataset(), dataDir(), subset(), subsetMode() == SubsetMode.STRATIFIED, standardize(),
                targetScale(), syntheticShape().toArray(), syntheticOutputs(), seed());
    }

    /** The module, its examples and mode, as the nn module opens them (null for a built-in network). */
    default TorchScriptConfig torchScriptConfig() {
        if (!ownNetwork()) return null;
        return new TorchScriptConfig(modelFile(), data(), testData(), moduleMode(), subset(),
                subsetMode() == SubsetMode.STRATIFIED, seed());
    }

    /**
     * The network and its examples (training and held-out), ready to load: the TorchScript module
     * (loaded and checked against the data now) or the built-in family and dataset (inputs
     * flattened for fully connected models). Close it when done.
     */
    default NetworkSource openSource() {
        return ownNetwork() ? torchScriptConfig().open(loss())
                : NetworkSource.builtin(modelConfig(), dataConfig(), loss(), testSubset());
    }

    /**
     * The model, data, loss, dtype, seed and chunk as the nn configs describe themselves
     * (snake_case keys, with the variance scales σ_w²): the {@code config} of a sharpness summary
     * and the {@code sharpscope_config} of a data export.
     */
    default Map<String, Object> describe() {
        Map<String, Object> m;
        if (ownNetwork()) {
            m = new LinkedHashMap<>(torchScriptConfig().toMap());
        } else {
            m = new LinkedHashMap<>(modelConfig().toMap());
            m.putAll(dataConfig().toMap());
            if (testSubset() != null) m.put("test_subset", testSubset());
        }
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
