package org.sharpscope.study.nn;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.nio.file.Path;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.DataConfig;
import org.sharpscope.nn.data.DatasetKind;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.Activation;
import org.sharpscope.nn.model.ModelConfig;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Normalization;
import org.sharpscope.nn.model.Parameterization;

/**
 * The network settings alone, with their defaults — the one place they are said: FCN of depth
 * 4 and width 512 (myrtle 5/64, resnet 20/16, uv 2/512), relu (uv: linear), no biases, SP, α = 1,
 * no normalisation; Fashion-MNIST, 5000 stratified standardised examples (synthetic: 1000) with
 * one-hot targets of 1, synthetic examples of shape 3x8x8 and 10 outputs (uv: 1); MSE, float32,
 * seed 0, Hessian products in chunks of 1000 examples, all cores for libtorch and as many for
 * OpenBLAS. Null means the default. Also the spec of {@code data export}, which needs nothing else.
 */
public record NetworkSpec(ModelKind model, Integer depth, Integer width, Activation activation, Boolean bias,
                          Parameterization param, Boolean lastLayerZero, Double outputScale, Normalization norm,
                          DatasetKind dataset, @JsonSerialize(using = ToStringSerializer.class) Path dataDir,
                          Integer subset, SubsetMode subsetMode, Boolean standardize, Double targetScale,
                          ExampleShape syntheticShape, Integer syntheticOutputs, Loss loss, Dtype dtype, Long seed,
                          Integer chunk, Integer threads, Integer blasThreads) implements NetworkSettings {
    public NetworkSpec {
        if (model == null) model = ModelKind.FCN;
        if (depth == null) depth = switch (model) { case FCN -> 4; case MYRTLE -> 5; case RESNET -> 20; case UV -> 2; };
        if (width == null) width = switch (model) { case FCN, UV -> 512; case MYRTLE -> 64; case RESNET -> 16; };
        if (activation == null) activation = model == ModelKind.UV ? Activation.LINEAR : Activation.RELU;
        if (bias == null) bias = false;
        if (param == null) param = Parameterization.SP;
        if (lastLayerZero == null) lastLayerZero = false;
        if (outputScale == null) outputScale = 1.0;
        if (norm == null) norm = Normalization.NONE;
        if (dataset == null) dataset = DatasetKind.FASHION_MNIST;
        if (subset == null) subset = dataset.synthetic() ? 1000 : 5000;
        if (subsetMode == null) subsetMode = SubsetMode.STRATIFIED;
        if (standardize == null) standardize = true;
        if (targetScale == null) targetScale = 1.0;
        if (syntheticShape == null) syntheticShape = ExampleShape.of(3, 8, 8);
        if (syntheticOutputs == null) syntheticOutputs = model == ModelKind.UV ? 1 : 10;
        if (loss == null) loss = Loss.MSE;
        if (dtype == null) dtype = Dtype.FLOAT32;
        if (seed == null) seed = 0L;
        if (chunk == null) chunk = 1000;
        if (chunk < 0) throw new UserInputException("--chunk must be >= 0 (0 = all examples at once), got " + chunk);
        if (threads == null) threads = 0;
        if (threads < 0) throw new UserInputException("--threads must be >= 0 (0 = all cores), got " + threads);
        if (threads == 0) threads = Runtime.getRuntime().availableProcessors();
        if (blasThreads == null) blasThreads = threads;
        if (blasThreads < 1) throw new UserInputException("--blas-threads must be >= 1, got " + blasThreads);
        // the nn configs check the rest (depth of each family, subset size, ...) with flag-named messages
        new ModelConfig(model, depth, width, activation, bias, param, lastLayerZero, outputScale, norm);
        new DataConfig(dataset, dataDir, subset, true, standardize, targetScale, syntheticShape.toArray(), syntheticOutputs, seed);
    }

    /** The settings of {@code s} (already resolved when {@code s} is a spec). */
    public static NetworkSpec of(NetworkSettings s) {
        return new NetworkSpec(s.model(), s.depth(), s.width(), s.activation(), s.bias(), s.param(), s.lastLayerZero(),
                s.outputScale(), s.norm(), s.dataset(), s.dataDir(), s.subset(), s.subsetMode(), s.standardize(),
                s.targetScale(), s.syntheticShape(), s.syntheticOutputs(), s.loss(), s.dtype(), s.seed(), s.chunk(),
                s.threads(), s.blasThreads());
    }

    /** All defaults. */
    public static NetworkSpec defaults() {
        return new NetworkSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }
}
