package org.sharpscope.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sharpscope.dynamics.Observable;
import org.sharpscope.dynamics.OrbitDiagram;
import org.sharpscope.uv.EosManifoldMap;

/**
 * Orbit diagram of the EoS manifold map: {@code points} values of η/η_c in [0.9, 2.0], each
 * {@code transientSteps} discarded then {@code recorded} steps of ηλ = 2(X + Y) recorded, from X0 = 0.1.
 * No Lyapunov exponents or periods (maxPeriod 0: only the divergence check), as in the numpy
 * reference bench/python/orbit_diagram.py, which does the same work vectorised (bench/orbit_diagram.sh
 * runs both).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class OrbitDiagramBenchmark {
    @Param("4000")
    int points;

    @Param("10000")
    int transientSteps;

    @Param("1000")
    int recorded;

    double[] ys;

    @org.openjdk.jmh.annotations.Setup
    public void setup() {
        ys = OrbitDiagram.linspace(0.9, 2.0, points);
    }

    @Benchmark
    public OrbitDiagram manifoldOrbitDiagram() {
        return OrbitDiagram.compute(new EosManifoldMap(0.9), ys, new double[] {0.1},
                new OrbitDiagram.Spec(transientSteps, recorded, List.of("eta_lambda"),
                        List.of(Observable.scalar(EosManifoldMap::etaLambda)), false, 0));
    }
}
