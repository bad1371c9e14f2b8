package org.sharpscope.study.nn;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.nio.file.Path;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.DatasetKind;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.Activation;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Normalization;
import org.sharpscope.nn.model.Parameterization;
import org.sharpscope.nn.torchscript.ModuleMode;
import org.sharpscope.study.spectral.EigenMethod;

/**
 * The settings of {@code sharpness}: the network settings (defaults in {@link NetworkSpec}), the
 * weights (a checkpoint, or the seeded initialization when null) and where to save them (none
 * when null), then the eigenproblem — the top 1 eigenvalue of the loss Hessian by Lanczos to a
 * relative residual of 1e-6 within 2000 products — and {@code trace}, the Hutchinson probes of a
 * trace estimate (0: none). Null means the default.
 */
public record SharpnessSpec(ModelKind model, @JsonSerialize(using = ToStringSerializer.class) Path modelFile,
                            ModuleMode moduleMode, Integer depth, Integer width, Activation activation, Boolean bias,
                            Parameterization param, Boolean lastLayerZero, Double outputScale, Normalization norm,
                            DatasetKind dataset, @JsonSerialize(using = ToStringSerializer.class) Path dataDir,
                            @JsonSerialize(using = ToStringSerializer.class) Path data,
                            @JsonSerialize(using = ToStringSerializer.class) Path testData,
                            Integer subset, SubsetMode subsetMode, Integer testSubset, Boolean standardize,
                            Double targetScale, ExampleShape syntheticShape, Integer syntheticOutputs, Loss loss,
                            Dtype dtype, Long seed, Integer chunk, Integer threads, Integer blasThreads,
                            @JsonSerialize(using = ToStringSerializer.class) Path checkpoint,
                            @JsonSerialize(using = ToStringSerializer.class) Path saveCheckpoint,
                            Integer topK, Double tol, EigenMethod method, Long maxProducts, CurvatureOperator operator,
                            Integer trace) implements NetworkSettings {
    /**
     * The most Hutchinson probes of a trace estimate: each costs two Hessian-vector products (a
     * pass over the data), and 10⁴ probes already give the trace to about 1%; more only runs for hours.
     */
    public static final int MAX_TRACE = 10_000;

    public SharpnessSpec {
        NetworkSpec n = new NetworkSpec(model, modelFile, moduleMode, depth, width, activation, bias, param,
                lastLayerZero, outputScale, norm, dataset, dataDir, data, testData, subset, subsetMode, testSubset,
                standardize, targetScale, syntheticShape, syntheticOutputs, loss, dtype, seed, chunk, threads, blasThreads);
        model = n.model(); modelFile = n.modelFile(); moduleMode = n.moduleMode(); depth = n.depth(); width = n.width();
        activation = n.activation(); bias = n.bias(); param = n.param(); lastLayerZero = n.lastLayerZero();
        outputScale = n.outputScale(); norm = n.norm(); dataset = n.dataset(); dataDir = n.dataDir(); data = n.data();
        testData = n.testData(); subset = n.subset(); subsetMode = n.subsetMode(); testSubset = n.testSubset();
        standardize = n.standardize(); targetScale = n.targetScale(); syntheticShape = n.syntheticShape();
        syntheticOutputs = n.syntheticOutputs(); loss = n.loss(); dtype = n.dtype(); seed = n.seed(); chunk = n.chunk();
        threads = n.threads(); blasThreads = n.blasThreads();

        if (topK == null) topK = 1;
        if (topK < 1) throw new UserInputException("--top-k must be >= 1, got " + topK);
        if (tol == null) tol = 1e-6;
        UserInputException.requirePositive("--tol", tol);
        if (method == null) method = EigenMethod.LANCZOS;
        if (maxProducts == null) maxProducts = 2000L;
        if (maxProducts < 1) throw new UserInputException("--max-products must be >= 1, got " + maxProducts);
        if (operator == null) operator = CurvatureOperator.HESSIAN;
        if (trace == null) trace = 0;
        if (trace < 0) throw new UserInputException("--trace must be >= 0 probes (0: no trace), got " + trace);
        if (trace > MAX_TRACE) {
            throw new UserInputException("--trace must be at most " + MAX_TRACE + " probes (each is 2 Hessian-vector products), got " + trace);
        }
    }
}
