package org.sharpscope.cli.nn;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sharpscope.nn.NetworkSetup;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.run.Json;
import org.sharpscope.run.Safetensors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sharpscope data export}: writes tensors {@code inputs} [n, ...] and {@code targets}
 * [n, K] (in the run's dtype, after subsetting, standardisation, one-hot encoding and, for fully
 * connected models, flattening) and {@code labels} (int64) when the data has classes.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the exact inputs and targets a run trains on as a safetensors file "
                + "(tensors 'inputs', 'targets' and, for classification, 'labels'; settings in the metadata).")
public final class DataExportCommand implements Callable<Integer> {
    @Mixin
    NetworkOptions options;

    @Option(names = "--out", required = true, paramLabel = "FILE.safetensors", description = "Output file (written atomically).")
    Path out;

    @Override
    public Integer call() {
        options.applyConfig(List.of(), List.of(), NetworkOptions.trainKeys());
        NetworkSetup setup = options.resolve();
        Dataset d = setup.loadData();
        String dtype = setup.dtype().safetensorsName();
        long[] inShape = new long[d.exampleShape().length + 1];
        inShape[0] = d.size();
        System.arraycopy(d.exampleShape(), 0, inShape, 1, d.exampleShape().length);
        Map<String, Safetensors.Tensor> tensors = new LinkedHashMap<>();
        tensors.put("inputs", Safetensors.Tensor.ofDoubles(d.inputs(), inShape, dtype));
        tensors.put("targets", Safetensors.Tensor.ofDoubles(d.targets(), new long[] {d.size(), d.outputs()}, dtype));
        if (d.labels() != null) {
            long[] labels = new long[d.size()];
            for (int i = 0; i < labels.length; i++) labels[i] = d.labels()[i];
            tensors.put("labels", Safetensors.Tensor.ofLongs(labels, new long[] {d.size()}));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("sharpscope_config", Json.JSON.valueToTree(setup.toMap()).toString());
        Safetensors.write(out, tensors, meta);
        System.out.println("wrote " + out + ": inputs " + java.util.Arrays.toString(inShape) + ", targets ["
                + d.size() + ", " + d.outputs() + "] (" + setup.dtype().key() + ")");
        return 0;
    }
}
