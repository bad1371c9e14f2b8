package org.sharpscope.nn.torchscript;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
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

    private static final Pattern CONVOLUTION = Pattern.compile("torch\\.(_?convolution|conv[123]d|conv_transpose[123]d)\\(");

    /**
     * Whether the TorchScript file's code calls a convolution ({@code torch.conv2d},
     * {@code torch._convolution}, …), read from the archive's {@code code/} sources without loading
     * the module; false when the file cannot be read as such (loading it reports why). It chooses
     * the default thread layout: convolutions run in libtorch's own pool, matrix products in
     * OpenBLAS's.
     */
    public static boolean usesConvolution(Path modelFile) {
        try (ZipFile zip = new ZipFile(modelFile.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.getName().contains("/code/") || !e.getName().endsWith(".py") || e.getSize() > (8 << 20)) continue;
                try (InputStream in = zip.getInputStream(e)) {
                    if (CONVOLUTION.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).find()) return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
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
