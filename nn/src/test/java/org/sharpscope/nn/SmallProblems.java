package org.sharpscope.nn;

import org.sharpscope.nn.data.DataConfig;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.data.DatasetKind;
import org.sharpscope.nn.data.DatasetLoader;
import org.sharpscope.nn.hessian.TrainingObjective;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.ModelConfig;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Network;
import org.sharpscope.nn.model.Parameters;

/** Tiny networks on synthetic data for exact checks (float64 unless stated). */
public final class SmallProblems {
    static {
        // Tiny tensors: one intra-op thread avoids OpenMP spin-waits on a shared, busy machine.
        NativeThreads.set(1);
    }

    private SmallProblems() {}

    /** Synthetic data: teacher regression (mse) or Gaussian mixture (ce) with the given example shape. */
    public static Dataset data(int n, long[] shape, Loss loss, int outputs, boolean flatten, long seed) {
        DatasetKind kind = loss == Loss.CE ? DatasetKind.SYNTHETIC_MIXTURE : DatasetKind.SYNTHETIC;
        DataConfig dc = new DataConfig(kind, null, n, true, true, 1.0, shape, outputs, seed);
        return DatasetLoader.load(dc, loss, flatten);
    }

    public static TrainingObjective objective(ModelConfig mc, Dataset data, Loss loss, Dtype dtype, int chunk, long seed) {
        Network net = mc.build(data.exampleShape(), data.outputs());
        Parameters p = Parameters.initialize(net, dtype, seed);
        return new TrainingObjective(p, data, loss, chunk);
    }

    public static double norm(double[] a) {
        double s = 0;
        for (double v : a) s += v * v;
        return Math.sqrt(s);
    }

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    public static double relDiff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i] - b[i];
        return norm(d) / Math.max(norm(b), 1e-300);
    }

    public static double[] randomUnit(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        double s = norm(v);
        for (int i = 0; i < n; i++) v[i] /= s;
        return v;
    }

    public static ModelConfig config(ModelKind kind, int depth, int width, String act, boolean bias, String param,
                                     String norm) {
        return new ModelConfig(kind, depth, width, org.sharpscope.nn.model.Activation.parse(act), bias,
                org.sharpscope.nn.model.Parameterization.parse(param), false, 1.0,
                org.sharpscope.nn.model.Normalization.parse(norm));
    }

    /** Copies the directory tree {@code from} to {@code to} (e.g. a run directory, to stop and resume a copy). */
    public static void copyTree(java.nio.file.Path from, java.nio.file.Path to) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(from)) {
            for (java.nio.file.Path f : files.sorted(java.util.Comparator.naturalOrder()).toList()) {
                java.nio.file.Path dst = to.resolve(from.relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) java.nio.file.Files.createDirectories(dst);
                else java.nio.file.Files.copy(f, dst);
            }
        }
    }
}
