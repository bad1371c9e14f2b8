package org.sharpscope.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.NativeThreads;
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
import org.sharpscope.nn.torchscript.TorchScriptConfig;
import org.sharpscope.nn.torchscript.TorchScriptSource;

/**
 * Wall time per full-batch gradient and per exact HVP of issue 13's networks, one case per
 * process (run by bench/hvp-vs-python.sh next to bench/python/hvp_timing.py, which does the same
 * work the PyTorch way): FCN 784-512-512-10 tanh on 5000 Fashion-MNIST images, Myrtle-5 width 64
 * and ResNet-20 on 1000 3×32×32 inputs (synthetic: timing does not depend on the values), MSE,
 * SP. Prints one line of key-value pairs: gradient, HVP with the default operator (∇L graph kept
 * within the memory budget: graph build and per-product time apart), HVP rebuilding the graph
 * every product (budget 0, the former default), GEMM rate of a 2048³ torch.mm, the operator's
 * plan, and the process's peak resident memory.
 * CASE module:PATH times a researcher's TorchScript module PATH.pt on PATH.safetensors (issue 17;
 * bench/python/module_hvp.py writes them and times PyTorch on the same files).
 * Usage: HvpTiming CASE DTYPE THREADS REPEATS [CHUNK] [DATA_DIR]; -DblasThreads=N sets OpenBLAS apart.
 */
public final class HvpTiming {
    private HvpTiming() {}

    public static void main(String[] args) throws Exception {
        String name = args[0];
        Dtype dtype = Dtype.parse(args[1]);
        int threads = Integer.parseInt(args[2]);
        int repeats = Integer.parseInt(args[3]);
        int chunk = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        Path dataDir = Path.of(args.length > 5 ? args[5] : "/usr/share/datasets/fashion-mnist");
        NativeThreads.set(threads, Integer.getInteger("blasThreads", threads));

        if (name.startsWith("module:")) {
            Path base = Path.of(name.substring("module:".length()));
            try (TorchScriptSource src = TorchScriptSource.open(TorchScriptConfig.of(Path.of(base + ".pt"),
                    Path.of(base + ".safetensors")), Loss.MSE)) {
                Parameters p = Parameters.initialize(src.network(), dtype, 0);
                time(name, dtype, threads, repeats, new TrainingObjective(p, src.data(), Loss.MSE, chunk));
            }
            return;
        }
        ModelConfig mc;
        DataConfig dc;
        switch (name) {
            case "fcn512" -> {
                mc = new ModelConfig(ModelKind.FCN, 3, 512, Activation.TANH, false, Parameterization.SP, false, 1, Normalization.NONE);
                dc = new DataConfig(DatasetKind.FASHION_MNIST, dataDir, 5000, false, true, 1.0, new long[] {784}, 10, 0);
            }
            case "myrtle5" -> {
                mc = new ModelConfig(ModelKind.MYRTLE, 5, 64, Activation.RELU, false, Parameterization.SP, false, 1, Normalization.NONE);
                dc = new DataConfig(DatasetKind.SYNTHETIC_MIXTURE, null, 1000, false, true, 1.0, new long[] {3, 32, 32}, 10, 0);
            }
            case "resnet20" -> {
                mc = new ModelConfig(ModelKind.RESNET, 20, 16, Activation.RELU, false, Parameterization.SP, false, 1, Normalization.NONE);
                dc = new DataConfig(DatasetKind.SYNTHETIC_MIXTURE, null, 1000, false, true, 1.0, new long[] {3, 32, 32}, 10, 0);
            }
            default -> throw new IllegalArgumentException("case: fcn512, myrtle5, resnet20 or module:PATH (PATH.pt, PATH.safetensors)");
        }
        Dataset d = DatasetLoader.load(dc, Loss.MSE, mc.model() == ModelKind.FCN);
        Parameters p = Parameters.initialize(mc.build(d.exampleShape(), d.outputs()), dtype, 0);
        time(name, dtype, threads, repeats, new TrainingObjective(p, d, Loss.MSE, chunk));
    }

    private static void time(String name, Dtype dtype, int threads, int repeats, TrainingObjective obj) throws Exception {
        double[] v = new double[obj.dimension()];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian();
        double[] y = new double[v.length];

        double gemm = gemmGflops(dtype);
        obj.gradient(); // warm-up
        double[] grad = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            long t = System.nanoTime();
            obj.gradient();
            grad[k] = (System.nanoTime() - t) / 1e6;
        }

        HessianOperator rebuilt = new HessianOperator(obj, 0);
        rebuilt.apply(v, y); // warm-up
        double[] hvpRebuilt = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            long t = System.nanoTime();
            rebuilt.apply(v, y);
            hvpRebuilt[k] = (System.nanoTime() - t) / 1e6;
        }

        HessianOperator h = new HessianOperator(obj);
        long tp = System.nanoTime();
        HessianOperator.Plan plan = h.plan();
        double planMs = (System.nanoTime() - tp) / 1e6;
        h.apply(v, y); // warm-up (builds and keeps the graphs)
        h.release();
        long tb = System.nanoTime();
        h.prepare();
        double buildMs = (System.nanoTime() - tb) / 1e6;
        double[] hvp = new double[repeats];
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        for (int k = 0; k < repeats; k++) {
            long t = System.nanoTime();
            h.apply(v, y);
            hvp[k] = (System.nanoTime() - t) / 1e6;
        }
        double hvpCpu = (os.getProcessCpuTime() - c0) / 1e6 / repeats;
        h.close();

        System.out.printf("side java case %s dtype %s threads %d blas_threads %d params %d grad_ms %.2f hvp_ms %.2f hvp_cpu_ms %.2f "
                        + "build_ms %.2f hvp_rebuilt_ms %.2f gemm_gflops %.2f plan_ms %.1f pieces %d retained %d "
                        + "graph_mb_est %.1f budget_mb %.0f vmhwm_mb %.1f%n",
                name, dtype.key(), threads, Integer.getInteger("blasThreads", threads), obj.dimension(), median(grad), median(hvp),
                hvpCpu, buildMs, median(hvpRebuilt), gemm, planMs, plan.pieces(), plan.retainedPieces(), plan.retainedBytes() / 1e6,
                plan.budgetBytes() / 1e6, vmHwmMb());
    }

    /** GFLOP/s of a 2048×2048×2048 torch.mm in the dtype (best of 5), with the threads set above. */
    static double gemmGflops(Dtype dtype) {
        int n = 2048;
        try (org.bytedeco.javacpp.PointerScope scope = new org.bytedeco.javacpp.PointerScope()) {
            Tensor a = torch.randn(new long[] {n, n}, new org.bytedeco.pytorch.TensorOptions(dtype.scalarType()));
            Tensor b = torch.randn(new long[] {n, n}, new org.bytedeco.pytorch.TensorOptions(dtype.scalarType()));
            a.mm(b);
            double best = Double.MAX_VALUE;
            for (int k = 0; k < 5; k++) {
                long t = System.nanoTime();
                a.mm(b);
                best = Math.min(best, (System.nanoTime() - t) / 1e9);
            }
            return 2.0 * n * n * n / best / 1e9;
        }
    }

    /** Peak resident memory of this process (VmHWM), MB. */
    static double vmHwmMb() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return Double.NaN;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
        return Double.NaN;
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
