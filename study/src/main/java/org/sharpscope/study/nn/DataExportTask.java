package org.sharpscope.study.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.source.NetworkSource;
import org.sharpscope.run.Json;
import org.sharpscope.run.Safetensors;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Task;

/**
 * {@code data export}: the exact examples a run trains on as one safetensors file — tensors
 * {@code inputs} [n, ...] and {@code targets} [n, K] in the run's dtype (after subsetting,
 * standardisation, one-hot encoding and, for fully connected models, flattening) and
 * {@code labels} (int64) when the data has classes; the held-out examples, when asked for, as
 * {@code test_inputs}, {@code test_targets} and {@code test_labels}; the settings in the metadata
 * ({@code sharpscope_config}). Its output, {@code context.out()}, is that file, not a directory.
 * For a TorchScript module the targets are prepared for its outputs, so the module is loaded too.
 */
public final class DataExportTask implements Task<NetworkSpec, DataExportSummary> {
    @Override
    public String name() {
        return "data export";
    }

    @Override
    public Class<NetworkSpec> specType() {
        return NetworkSpec.class;
    }

    @Override
    public DataExportSummary run(NetworkSpec spec, RunContext context) {
        spec.useThreads();
        try (NetworkSource source = spec.openSource()) {
            Dataset d = source.loadData();
            Dataset test = source.loadTestData();
            String dtype = spec.dtype().safetensorsName();
            Map<String, Safetensors.Tensor> tensors = new LinkedHashMap<>();
            long[][] shapes = put(tensors, "", d, dtype);
            long[] testInputs = test == null ? null : put(tensors, "test_", test, dtype)[0];
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("sharpscope_config", Json.JSON.valueToTree(spec.describe()).toString());
            Safetensors.write(context.out(), tensors, meta);
            return new DataExportSummary(shapes[0], shapes[1], spec.dtype(), d.labels() != null, testInputs);
        }
    }

    /** Adds {@code prefix}inputs, targets and (with classes) labels of {@code d}; returns the shapes of inputs and targets. */
    private static long[][] put(Map<String, Safetensors.Tensor> tensors, String prefix, Dataset d, String dtype) {
        long[] inShape = new long[d.exampleShape().length + 1];
        inShape[0] = d.size();
        System.arraycopy(d.exampleShape(), 0, inShape, 1, d.exampleShape().length);
        long[] targetShape = {d.size(), d.outputs()};
        tensors.put(prefix + "inputs", Safetensors.Tensor.ofDoubles(d.inputs(), inShape, dtype));
        tensors.put(prefix + "targets", Safetensors.Tensor.ofDoubles(d.targets(), targetShape, dtype));
        if (d.labels() != null) {
            long[] labels = new long[d.size()];
            for (int i = 0; i < labels.length; i++) labels[i] = d.labels()[i];
            tensors.put(prefix + "labels", Safetensors.Tensor.ofLongs(labels, new long[] {d.size()}));
        }
        return new long[][] {inShape, targetShape};
    }
}
