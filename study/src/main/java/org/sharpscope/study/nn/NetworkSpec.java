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
import org.sharpscope.nn.torchscript.ModuleMode;
import org.sharpscope.nn.torchscript.TorchScriptConfig;

/**
 * The network settings alone, with their defaults — the one place they are said: FCN of depth
 * 4 and width 512 (myrtle 5/64, resnet 20/16, uv 2/512), relu (uv: linear), no biases, SP, α = 1,
 * no normalisation; Fashion-MNIST, 5000 stratified standardised examples (synthetic: 1000) with
 * one-hot targets of 1, synthetic examples of shape 3x8x8 and 10 outputs (uv: 1), no held-out
 * examples ({@code testSubset} N: N from the dataset's test split); MSE, float32, seed 0, Hessian
 * products in chunks of 1000 examples, all cores for libtorch and as many for OpenBLAS. Null
 * means the default. Also the spec of {@code data export}, which needs nothing else.
 *
 * <p>Instead of a built-in family on a built-in dataset, a user's own network: a TorchScript
 * module ({@code modelFile}) run in eval mode by default ({@code moduleMode}) on the examples of a
 * safetensors file ({@code data}; all of them by default), with optional held-out examples
 * ({@code testData}). The built-in family and dataset keys then stay null (and are refused when
 * given: the module and the file are the network and its examples).
 */
public record NetworkSpec(ModelKind model, @JsonSerialize(using = ToStringSerializer.class) Path modelFile,
                          ModuleMode moduleMode, Integer depth, Integer width, Activation activation, Boolean bias,
                          Parameterization param, Boolean lastLayerZero, Double outputScale, Normalization norm,
                          DatasetKind dataset, @JsonSerialize(using = ToStringSerializer.class) Path dataDir,
                          @JsonSerialize(using = ToStringSerializer.class) Path data,
                          @JsonSerialize(using = ToStringSerializer.class) Path testData,
                          Integer subset, SubsetMode subsetMode, Integer testSubset, Boolean standardize,
                          Double targetScale, ExampleShape syntheticShape, Integer syntheticOutputs, Loss loss,
                          Dtype dtype, Long seed, Integer chunk, Integer threads, Integer blasThreads)
        implements NetworkSettings {
    public NetworkSpec {
        if (modelFile != null || data != null || testData != null || moduleMode != null) {
            if (modelFile == null) {
                throw new UserInputException((data != null ? "--data" : testData != null ? "--test-data" : "--module-mode")
                        + " goes with --model-file FILE.pt (your TorchScript module); give --model-file, or use "
                        + "--dataset for a built-in network's examples");
            }
            refuseBuiltIn(model, "--model", depth, "--depth", width, "--width", activation, "--activation", bias, "--bias",
                    param, "--param", lastLayerZero, "--last-layer-zero", outputScale, "--output-scale", norm, "--norm",
                    dataset, "--dataset", dataDir, "--data-dir", standardize, "--standardize", targetScale, "--target-scale",
                    syntheticShape, "--synthetic-shape", syntheticOutputs, "--synthetic-outputs");
            if (testSubset != null) {
                throw new UserInputException("--test-subset draws held-out examples from a built-in dataset's test split; "
                        + "with --model-file give them as --test-data FILE.safetensors");
            }
            if (moduleMode == null) moduleMode = ModuleMode.EVAL;
            if (subset == null) subset = 0;
            if (subsetMode == null) subsetMode = SubsetMode.STRATIFIED;
        } else {
            if (model == null) model = ModelKind.FCN;
            if (depth == null) depth = switch (model) { case FCN -> 4; case MYRTLE -> 5; case RESNET -> 20; case UV -> 2; };
            if (width == null) width = switch (model) { case FCN, UV -> 512; case MYRTLE -> 64; case RESNET -> 16; };
            if (activation == null) activation = model == ModelKind.UV ? Activation.LINEAR : Activation.RELU;
            if (bias == null) bias = false;
            if (param == null) param = Parameterization.SP;
            if (lastLayerZero == null) lastLayerZero = false;
            if (outputScale == null) outputScale = 1.0;
            if (norm == null) norm = Normalization.NONE;
            if (norm != Normalization.NONE && model != ModelKind.RESNET) {
                throw new UserInputException("--norm " + norm.key() + " does nothing on a " + model.name().toLowerCase(java.util.Locale.ROOT)
                        + " (only resnet has normalisation layers); drop --norm or use --model resnet");
            }
            if (dataset == null) dataset = DatasetKind.FASHION_MNIST;
            if (subset == null) subset = dataset.synthetic() ? 1000 : 5000;
            if (subsetMode == null) subsetMode = SubsetMode.STRATIFIED;
            if (standardize == null) standardize = true;
            if (targetScale == null) targetScale = 1.0;
            if (syntheticShape == null) syntheticShape = ExampleShape.of(3, 8, 8);
            if (syntheticOutputs == null) syntheticOutputs = model == ModelKind.UV ? 1 : 10;
            if (testSubset != null && testSubset < 1) {
                throw new UserInputException("--test-subset must be >= 1 held-out examples, got " + testSubset);
            }
        }
        if (loss == null) loss = Loss.MSE;
        if (dtype == null) dtype = Dtype.FLOAT32;
        if (seed == null) seed = 0L;
        if (chunk == null) chunk = 1000;
        if (chunk < 0) throw new UserInputException("--chunk must be >= 0 (0 = all examples at once), got " + chunk);
        // Default layout: every core for the pool that does the work, one thread for the other. Both
        // pools spin-wait, and on 2 cores all-cores-for-both was the slowest layout measured
        // (docs/train.md, "Sharpness probes and their cost"). Matrix products (fully connected
        // layers, attention) run in OpenBLAS: one libtorch thread, OpenBLAS on every core.
        // Convolutions run in libtorch's own pool: there 1:N left a core idle and made Myrtle-5
        // products 1.8x slower than libtorch on every core with one OpenBLAS thread.
        int cores = Runtime.getRuntime().availableProcessors();
        boolean convolutional = modelFile != null ? TorchScriptConfig.usesConvolution(modelFile)
                : model == ModelKind.MYRTLE || model == ModelKind.RESNET;
        boolean layoutGiven = threads != null;
        if (threads == null) threads = convolutional ? cores : 1;
        if (threads < 0) throw new UserInputException("--threads must be >= 0 (0 = all cores), got " + threads);
        if (threads == 0) threads = cores;
        if (blasThreads == null) blasThreads = layoutGiven ? threads : convolutional ? 1 : cores;
        if (blasThreads < 1) throw new UserInputException("--blas-threads must be >= 1, got " + blasThreads);
        // the nn configs check the rest (depth of each family, subset size, ...) with flag-named messages
        if (modelFile != null) {
            new TorchScriptConfig(modelFile, data, testData, moduleMode, subset, true, seed);
        } else {
            new ModelConfig(model, depth, width, activation, bias, param, lastLayerZero, outputScale, norm);
            new DataConfig(dataset, dataDir, subset, true, standardize, targetScale, syntheticShape.toArray(),
                    syntheticOutputs, seed);
        }
    }

    /** Refuses the first built-in setting given (value, flag pairs) next to --model-file. */
    private static void refuseBuiltIn(Object... valueFlagPairs) {
        for (int i = 0; i < valueFlagPairs.length; i += 2) {
            if (valueFlagPairs[i] != null) {
                String flag = (String) valueFlagPairs[i + 1];
                throw new UserInputException(flag + " sets up a built-in network or dataset; with --model-file the "
                        + "module and --data are the network and its examples, so drop " + flag);
            }
        }
    }

    /** The settings of {@code s} (already resolved when {@code s} is a spec). */
    public static NetworkSpec of(NetworkSettings s) {
        return new NetworkSpec(s.model(), s.modelFile(), s.moduleMode(), s.depth(), s.width(), s.activation(), s.bias(),
                s.param(), s.lastLayerZero(), s.outputScale(), s.norm(), s.dataset(), s.dataDir(), s.data(), s.testData(),
                s.subset(), s.subsetMode(), s.testSubset(), s.standardize(), s.targetScale(), s.syntheticShape(),
                s.syntheticOutputs(), s.loss(), s.dtype(), s.seed(), s.chunk(), s.threads(), s.blasThreads());
    }

    /** All defaults. */
    public static NetworkSpec defaults() {
        return new NetworkSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
