package org.sharpscope.study.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.run.Json;
import org.sharpscope.run.Safetensors;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Task;

/**
 * {@code data export}: the exact examples a run trains on as one safetensors file — tensors
 * {@code inputs} [n, ...] and {@code targets} [n, K] in the run's dtype (after subsetting,
 * standardisation, one-hot encoding and, for fully connected models, flattening) and
 * {@code labels} (int64) when the data has classes; the settings in the metadata
 * ({@code sharpscope_config}). Its output, {@code context.out()}, is that file, not a directory.
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
        Dataset d = spec.loadData();
        String dtype = spec.dtype().safetensorsName();
        long[] inShape = new long[d.exampleShape().length + 1];
        inShape[0] = d.size();
        System.arraycopy(d.exampleShape(), 0, inShape, 1, d.exampleShape().length);
        long[] targetShape = {d.size(), d.outputs()};
        Map<String, Safetensors.Tensor> tensors = new LinkedHashMap<>();
        tensors.put("inputs", Safetensors.Tensor.ofDoubles(d.inputs(), inShape, dtype));
        tensors.put("targets", Safetensors.Tensor.ofDoubles(d.targets(), targetShape, dtype));
        if (d.labels() != null) {
            long[] labels = new long[d.size()];
            for (int i = 0; i < labels.length; i++) labels[i] = d.labels()[i];
            tensors.put("labels", Safetensors.Tensor.ofLongs(labels, new long[] {d.size()}));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("sharpscope_config", Json.JSON.valueToTree(spec.describe()).toString());
        Safetensors.write(context.out(), tensors, meta);
        return new DataExportSummary(inShape, targetShape, spec.dtype(), d.labels() != null);
    }
}
