package org.sharpscope.nn.torchscript;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.loss.Loss;

/**
 * A user's own network and data (issue 17): the TorchScript module ({@code --model-file}), the
 * training examples ({@code --data}, safetensors with {@code inputs} and {@code targets}),
 * optional held-out examples ({@code --test-data}, null: none), the {@link ModuleMode}, and the
 * subset of training examples ({@code --subset}, 0: all; class labels: stratified or first, drawn
 * with {@code seed}; regression targets: the first N). The dtype is the run's: parameters,
 * buffers and data are converted to it ({@code --dtype float64} runs the module in double).
 */
public record TorchScriptConfig(Path modelFile, Path data, Path testData, ModuleMode mode, int subset,
                                boolean stratified, long seed) {
    public TorchScriptConfig {
        if (modelFile == null) throw new UserInputException("--model-file FILE.pt is required with --data");
        if (data == null) {
            throw new UserInputException("--model-file needs --data FILE.safetensors (tensors 'inputs' and 'targets')");
        }
        if (mode == null) mode = ModuleMode.EVAL;
        if (subset < 0) throw new UserInputException("--subset must be >= 0 (0 = all examples), got " + subset);
    }

    /** Eval mode, all examples, no held-out set. */
    public static TorchScriptConfig of(Path modelFile, Path data) {
        return new TorchScriptConfig(modelFile, data, null, ModuleMode.EVAL, 0, false, 0);
    }

    /** Loads and checks the module and the data for {@code loss} (see {@link TorchScriptSource}). */
    public TorchScriptSource open(Loss loss) {
        return TorchScriptSource.open(this, loss);
    }

    /** Flag-named keys (for summaries and manifests); {@code test_data} only when given. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", "torchscript");
        m.put("model_file", modelFile.toString());
        m.put("module_mode", mode.key());
        m.put("data", data.toString());
        if (testData != null) m.put("test_data", testData.toString());
        m.put("subset", subset);
        m.put("subset_mode", stratified ? "stratified" : "first");
        m.put("seed", seed);
        return m;
    }
}
