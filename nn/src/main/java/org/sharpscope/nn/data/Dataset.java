package org.sharpscope.nn.data;

import org.bytedeco.pytorch.Tensor;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.HostTensors;

/**
 * The exact examples a run trains on: inputs [n, exampleShape...] and targets [n, outputs]
 * (row-major doubles), plus class labels when the data has classes (null for regression), and
 * where the examples came from in words ({@code source}, e.g. the file read, or the subset bundled
 * with the program), for run manifests.
 */
public record Dataset(String name, long[] exampleShape, double[] inputs, double[] targets, int outputs, int[] labels,
                      String source) {
    /** Examples made in the program; the source is the name. */
    public Dataset(String name, long[] exampleShape, double[] inputs, double[] targets, int outputs, int[] labels) {
        this(name, exampleShape, inputs, targets, outputs, labels, name);
    }

    public Dataset {
        long per = 1;
        for (long s : exampleShape) per *= s;
        if (per == 0 || inputs.length % per != 0) throw new IllegalArgumentException("inputs do not fit the example shape");
        long n = inputs.length / per;
        if (targets.length != n * outputs) throw new IllegalArgumentException("targets must be [" + n + ", " + outputs + "]");
        if (labels != null && labels.length != n) throw new IllegalArgumentException("need one label per example");
    }

    public int size() {
        return targets.length / outputs;
    }

    /** The same examples with each input flattened to one vector (for fully connected models). */
    public Dataset flattened() {
        long per = 1;
        for (long s : exampleShape) per *= s;
        return new Dataset(name, new long[] {per}, inputs, targets, outputs, labels, source);
    }

    /**
     * The fraction of examples whose largest output (of {@code outputs} [n, outputs], row-major)
     * is at their label; NaN without labels (regression).
     */
    public double accuracy(double[] outputs) {
        if (labels == null) return Double.NaN;
        int n = size();
        int correct = 0;
        for (int e = 0; e < n; e++) {
            int best = 0;
            for (int j = 1; j < this.outputs; j++) if (outputs[e * this.outputs + j] > outputs[e * this.outputs + best]) best = j;
            if (best == labels[e]) correct++;
        }
        return correct / (double) n;
    }

    /** Inputs as a tensor [n, exampleShape...] of the given dtype. */
    public Tensor inputTensor(Dtype dtype) {
        long[] shape = new long[exampleShape.length + 1];
        shape[0] = size();
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        return HostTensors.fromDoubles(inputs, shape, dtype);
    }

    /** Targets as a tensor [n, outputs] of the given dtype. */
    public Tensor targetTensor(Dtype dtype) {
        return HostTensors.fromDoubles(targets, new long[] {size(), outputs}, dtype);
    }
}
