package org.sharpscope.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.sharpscope.uv.LearningRate;
import org.sharpscope.uv.UvConfig;
import org.sharpscope.uv.UvConstants;
import org.sharpscope.uv.WeightsEngine;

/**
 * One GD step of the UV model on the weights (n = 10⁶, d = 1) against a plain copy of arrays of
 * the same size in the same run. Both move the same bytes: the step reads U and v and writes them
 * back (4n doubles of traffic), the copy reads two n-arrays and writes two. The achieved fraction
 * of copy bandwidth is time(copy) / time(step).
 * <pre>java -jar bench/target/benchmarks.jar UvStepBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class UvStepBenchmark {
    @Param("1000000")
    int n;

    WeightsEngine engine;
    double eta;
    double[] srcU, srcV, dstU, dstV;

    @Setup
    public void setUp() {
        UvConfig cfg = new UvConfig(n, UvConfig.unitInput(1), 1.0, 0.5, 1, 1);
        engine = cfg.initialWeights();
        UvConstants k = UvConstants.of(engine, 1);
        // A converging step size keeps the state finite however many steps JMH runs.
        eta = LearningRate.c(0.5).resolve(k.sharpness0(), k.etaC());
        srcU = cfg.initialWeights().weightsU();
        srcV = cfg.initialWeights().weightsV();
        dstU = new double[n];
        dstV = new double[n];
    }

    /** One fused GD step: update U, v and accumulate f, λ, ‖U‖, ‖v‖. */
    @Benchmark
    public double gdStep() {
        engine.step(eta);
        return engine.output();
    }

    /** The bandwidth reference: copy two n-arrays (same bytes read and written as a step). */
    @Benchmark
    public void arrayCopy(Blackhole bh) {
        System.arraycopy(srcU, 0, dstU, 0, n);
        System.arraycopy(srcV, 0, dstV, 0, n);
        bh.consume(dstU);
        bh.consume(dstV);
    }
}
