package org.sharpscope.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import org.sharpscope.dynamics.Observable;
import org.sharpscope.dynamics.OrbitDiagram;
import org.sharpscope.uv.EosManifoldMap;

/**
 * Wall-clock and CPU time of the orbit-diagram workload of {@link OrbitDiagramBenchmark}, for
 * machines shared with other jobs: CPU time (summed over all JVM threads) is what the work itself
 * costs, wall time also counts waiting for a core. Prints one JSON line.
 * Usage: {@code java -cp benchmarks.jar org.sharpscope.bench.OrbitDiagramTiming [points transient record repeats]}.
 */
public final class OrbitDiagramTiming {
    private OrbitDiagramTiming() {}

    public static void main(String[] args) {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int transientSteps = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
        int recorded = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        double[] ys = OrbitDiagram.linspace(0.9, 2.0, points);
        OrbitDiagram.Spec spec = new OrbitDiagram.Spec(transientSteps, recorded, List.of("eta_lambda"),
                List.of(Observable.scalar(EosManifoldMap::etaLambda)), false, 0);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] wall = new double[repeats];
        double[] cpu = new double[repeats];
        for (int i = -5; i < repeats; i++) {
            long c0 = totalCpu(mx);
            long t0 = System.nanoTime();
            OrbitDiagram od = OrbitDiagram.compute(new EosManifoldMap(0.9), ys, new double[] {0.1}, spec);
            long t1 = System.nanoTime();
            long c1 = totalCpu(mx);
            if (od.values()[0].length != points * recorded) throw new AssertionError();
            if (i >= 0) {
                wall[i] = (t1 - t0) / 1e6;
                cpu[i] = (c1 - c0) / 1e6;
            }
        }
        System.out.printf(java.util.Locale.ROOT,
                "{\"threads\": %d, \"wall_best_ms\": %.2f, \"wall_median_ms\": %.2f, \"cpu_best_ms\": %.2f, \"cpu_median_ms\": %.2f}%n",
                Runtime.getRuntime().availableProcessors(), min(wall), median(wall), min(cpu), median(cpu));
    }

    /** CPU time of all live threads (threads that ended in between are not counted; the pool's persist). */
    private static long totalCpu(ThreadMXBean mx) {
        long sum = 0;
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (t > 0) sum += t;
        }
        return sum;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
