package org.sharpscope.bench;

import java.util.Arrays;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.DataConfig;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.data.DatasetKind;
import org.sharpscope.nn.data.DatasetLoader;
import org.sharpscope.nn.hessian.HessianOperator;
import org.sharpscope.nn.hessian.TrainingObjective;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.Activation;
import org.sharpscope.nn.model.ModelConfig;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Normalization;
import org.sharpscope.nn.model.Parameterization;
import org.sharpscope.nn.model.Parameters;

/**
 * Wall time per full-batch gradient and per exact HVP (float32, MSE, SP) for the two networks of
 * issue 5, printed as one line per case: {@code java <case> grad_ms <median> hvp_ms <median>}.
 * Run by bench/hvp-vs-python.sh next to bench/python/hvp_timing.py (same work, same threads).
 * Usage: HvpTiming THREADS REPEATS [fcn|myrtle|all] [MYRTLE_WIDTH]; -DblasThreads=N sets OpenBLAS apart.
 */
public final class HvpTiming {
    private HvpTiming() {}

    public static void main(String[] args) {
        int threads = Integer.parseInt(args[0]);
        int repeats = Integer.parseInt(args[1]);
        String which = args.length > 2 ? args[2] : "all";
        int myrtleWidth = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int blasThreads = Integer.getInteger("blasThreads", threads);
        org.sharpscope.nn.NativeThreads.set(threads, blasThreads);
        if (!which.equals("myrtle")) {
            ModelConfig fcn = new ModelConfig(ModelKind.FCN, 3, 200, Activation.TANH, false, Parameterization.SP, false, 1,
                    Normalization.NONE);
            time("fcn-3072-200-200-10-tanh-n5000", fcn, new long[] {3072}, 5000, repeats);
        }
        if (!which.equals("fcn")) {
            ModelConfig myrtle = new ModelConfig(ModelKind.MYRTLE, 5, myrtleWidth, Activation.RELU, false, Parameterization.SP,
                    false, 1, Normalization.NONE);
            time("myrtle5-w" + myrtleWidth + "-n1000", myrtle, new long[] {3, 32, 32}, 1000, repeats);
        }
    }

    private static void time(String name, ModelConfig mc, long[] shape, int n, int repeats) {
        DataConfig dc = new DataConfig(DatasetKind.SYNTHETIC_MIXTURE, null, n, true, true, 1.0, shape, 10, 0);
        Dataset d = DatasetLoader.load(dc, Loss.MSE, false);
        Parameters p = Parameters.initialize(mc.build(d.exampleShape(), d.outputs()), Dtype.FLOAT32, 0);
        TrainingObjective obj = new TrainingObjective(p, d, Loss.MSE, 0);
        HessianOperator h = new HessianOperator(obj);
        double[] v = new double[h.dimension()];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian();
        double[] y = new double[v.length];
        obj.gradient();
        h.apply(v, y);
        double[] grad = new double[repeats];
        double[] hvp = new double[repeats];
        double[] gradCpu = new double[repeats];
        double[] hvpCpu = new double[repeats];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int k = 0; k < repeats; k++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            obj.gradient();
            long c1 = mx.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            h.apply(v, y);
            long c2 = mx.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            grad[k] = (t1 - t0) / 1e6;
            hvp[k] = (t2 - t1) / 1e6;
            gradCpu[k] = (c1 - c0) / 1e6;
            hvpCpu[k] = (c2 - c1) / 1e6;
        }
        // cpu_ms: CPU time of the calling thread (all libtorch work runs there with one thread);
        // robust to other load on the machine.
        System.out.printf("java %s grad_ms %.2f hvp_ms %.2f grad_cpu_ms %.2f hvp_cpu_ms %.2f params %d%n", name,
                median(grad), median(hvp), median(gradCpu), median(hvpCpu), h.dimension());
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
