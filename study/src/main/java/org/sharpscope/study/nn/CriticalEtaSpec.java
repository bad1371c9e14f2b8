package org.sharpscope.study.nn;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.nio.file.Path;
import java.util.Map;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.DatasetKind;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.Activation;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Normalization;
import org.sharpscope.nn.model.Parameterization;
import org.sharpscope.nn.torchscript.ModuleMode;
import org.sharpscope.nn.train.Optimizer;
import org.sharpscope.study.Specs;

/**
 * The settings of {@code critical-eta}: every setting of {@code train} (the same keys, defaults
 * and checks: {@link TrainSpec}), whose learning rate is where the search starts (default c = 1)
 * and whether it searches η ({@code eta}) or c = ηλ₀ ({@code c}); then the search — the bracket
 * grows or shrinks by {@code factor} (default 2) per run until one end converges and the other
 * does not, bisection (geometric) narrows it until upper/lower − 1 ≤ {@code relTol} (default 0.01),
 * in at most {@code maxRuns} training runs (default 20). Null means the default.
 */
public record CriticalEtaSpec(ModelKind model, @JsonSerialize(using = ToStringSerializer.class) Path modelFile,
                              ModuleMode moduleMode, Integer depth, Integer width, Activation activation, Boolean bias,
                              Parameterization param, Boolean lastLayerZero, Double outputScale, Normalization norm,
                              DatasetKind dataset, @JsonSerialize(using = ToStringSerializer.class) Path dataDir,
                              @JsonSerialize(using = ToStringSerializer.class) Path data,
                              @JsonSerialize(using = ToStringSerializer.class) Path testData,
                              Integer subset, SubsetMode subsetMode, Integer testSubset, Boolean standardize,
                              Double targetScale, ExampleShape syntheticShape, Integer syntheticOutputs, Loss loss,
                              Dtype dtype, Long seed, Integer chunk, Integer threads, Integer blasThreads,
                              Optimizer optimizer, Double eta, Double c, Integer batchSize, Double momentum,
                              Integer steps, Integer probeEvery, Integer denseSteps, Integer checkpointEvery,
                              Integer topK, Boolean ntk, Double tol, Integer maxProducts, Integer lyapunov,
                              Integer lyapunovTransient, Integer probeTail,
                              Double factor, Double relTol, Integer maxRuns) {
    /** Where the search starts when no learning rate is given: c = ηλ₀ = 1, half the threshold at initialization. */
    public static final double DEFAULT_START_C = 1.0;

    /** More runs than this is a typo: 60 runs already bracket a factor of 2^60 and bisect it to 1e-6. */
    public static final int MAX_RUNS = 200;

    public CriticalEtaSpec {
        if (eta == null && c == null) c = DEFAULT_START_C;
        if (eta != null && !(eta > 0 && Double.isFinite(eta))) {
            throw new UserInputException("--eta must be a positive number (where the search starts), got " + eta);
        }
        if (c != null && !(c > 0 && Double.isFinite(c))) {
            throw new UserInputException("--c must be a positive number (where the search starts), got " + c);
        }
        TrainSpec t = new TrainSpec(model, modelFile, moduleMode, depth, width, activation, bias, param, lastLayerZero,
                outputScale, norm, dataset, dataDir, data, testData, subset, subsetMode, testSubset, standardize,
                targetScale, syntheticShape, syntheticOutputs, loss, dtype, seed, chunk, threads, blasThreads, optimizer,
                eta, c, batchSize, momentum, steps, probeEvery, denseSteps, checkpointEvery, topK, ntk, tol, maxProducts,
                lyapunov, lyapunovTransient, probeTail);
        model = t.model(); modelFile = t.modelFile(); moduleMode = t.moduleMode(); depth = t.depth(); width = t.width();
        activation = t.activation(); bias = t.bias(); param = t.param(); lastLayerZero = t.lastLayerZero();
        outputScale = t.outputScale(); norm = t.norm(); dataset = t.dataset(); dataDir = t.dataDir(); data = t.data();
        testData = t.testData(); subset = t.subset(); subsetMode = t.subsetMode(); testSubset = t.testSubset();
        standardize = t.standardize(); targetScale = t.targetScale(); syntheticShape = t.syntheticShape();
        syntheticOutputs = t.syntheticOutputs(); loss = t.loss(); dtype = t.dtype(); seed = t.seed(); chunk = t.chunk();
        threads = t.threads(); blasThreads = t.blasThreads(); optimizer = t.optimizer(); batchSize = t.batchSize();
        momentum = t.momentum(); steps = t.steps(); probeEvery = t.probeEvery(); denseSteps = t.denseSteps();
        checkpointEvery = t.checkpointEvery(); topK = t.topK(); ntk = t.ntk(); tol = t.tol(); maxProducts = t.maxProducts();
        lyapunov = t.lyapunov(); lyapunovTransient = t.lyapunovTransient(); probeTail = t.probeTail();

        if (factor == null) factor = 2.0;
        if (relTol == null) relTol = 0.01;
        if (maxRuns == null) maxRuns = 20;
        if (!(factor > 1 && factor <= 1e3)) {
            throw new UserInputException("--factor must lie in (1, 1000] (the bracket grows by it per run), got " + factor);
        }
        if (!(relTol > 0 && relTol < 1)) {
            throw new UserInputException("--rel-tol must lie in (0, 1) (bisection stops at upper/lower − 1 ≤ it), got " + relTol);
        }
        if (maxRuns < 2 || maxRuns > MAX_RUNS) {
            throw new UserInputException("--max-runs must lie in [2, " + MAX_RUNS + "] (a bracket needs two runs), got " + maxRuns);
        }
    }

    /** Whether the search runs on η (the spec gave {@code eta}) rather than on c = ηλ₀. */
    public boolean searchesEta() {
        return eta != null;
    }

    /** The learning rate the search starts from, in its variable (η or c). */
    public double start() {
        return searchesEta() ? eta : c;
    }

    /** The {@code train} run at learning rate {@code value} of the search's variable (η or c). */
    public TrainSpec train(double value) {
        Map<String, Object> m = Specs.toMap(this);
        for (String key : Specs.keys(CriticalEtaSpec.class)) {
            if (!Specs.keys(TrainSpec.class).contains(key)) m.remove(key);
        }
        m.remove("eta");
        m.remove("c");
        m.put(searchesEta() ? "eta" : "c", value);
        return Specs.bind(TrainSpec.class, m, "critical-eta");
    }
}
