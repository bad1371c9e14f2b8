package org.sharpscope.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.uv.UvDimensionlessMap;

class OrbitDiagramTest {
    @Test
    void parallelBlockedScalarPathEqualsAPlainSerialLoop() {
        double[] r = OrbitDiagram.linspace(2.8, 4.0, 101);
        OrbitDiagram od = OrbitDiagram.compute(new LogisticMap(3), r, new double[] {0.4},
                new OrbitDiagram.Spec(500, 64, List.of("x"), List.of(Observable.coordinate(0)), true, 32));
        for (int i = 0; i < r.length; i++) {
            double x = 0.4;
            for (int t = 0; t < 500; t++) x = r[i] * x * (1 - x);
            double lsum = 0;
            for (int t = 0; t < 64; t++) {
                assertThat(od.values()[0][i * 64 + t]).isEqualTo(x);
                lsum += Math.log(Math.abs(r[i] * (1 - 2 * x)));
                x = r[i] * x * (1 - x);
            }
            assertThat(od.lyapunov()[i]).isCloseTo(lsum / 64, within(1e-12));
        }
    }

    @Test
    void generalPathRecordsTheTwoDimensionalMap() {
        double[] ys = {1.1, 1.5};
        UvDimensionlessMap m = new UvDimensionlessMap(1);
        OrbitDiagram od = OrbitDiagram.compute(m, ys, new double[] {0.1, 2.5},
                new OrbitDiagram.Spec(100, 8, List.of("eta_lambda"), List.of(Observable.coordinate(1)), false, 4));
        double[] s = {0.1, 2.5};
        UvDimensionlessMap at = m.at(1.5);
        for (int t = 0; t < 100; t++) at.step(s, s);
        for (int t = 0; t < 8; t++) {
            assertThat(od.values()[0][8 + t]).isEqualTo(s[1]);
            at.step(s, s);
        }
    }

    @Test
    void periodsAndWindowsOfTheLogisticMap() {
        double[] r = OrbitDiagram.linspace(3.2, 3.9, 1401);
        OrbitDiagram od = OrbitDiagram.compute(new LogisticMap(3), r, new double[] {0.4},
                new OrbitDiagram.Spec(4000, 256, List.of("x"), List.of(Observable.coordinate(0)), true, 64));
        assertThat(od.periods()[index(r, 3.3)]).isEqualTo(2);
        assertThat(od.periods()[index(r, 3.5)]).isEqualTo(4);
        assertThat(od.periods()[index(r, 3.7)]).isZero();
        assertThat(od.lyapunov()[index(r, 3.7)]).isPositive();
        assertThat(od.lyapunov()[index(r, 3.5)]).isNegative();
        // The period-3 window opens at 1 + √8 ≈ 3.8284.
        List<PeriodicWindow> windows = PeriodicWindow.find(r, od.periods(), od.lyapunov(), 3);
        assertThat(windows).allMatch(w -> w.from() > 3.569); // none inside the doubling cascade
        PeriodicWindow three = windows.stream().filter(w -> w.period() == 3).findFirst().orElseThrow();
        assertThat(three.from()).isCloseTo(1 + Math.sqrt(8), within(2e-3));
        // Stable cycles below r∞ ≈ 3.5699 are exactly periodic in floating point and never perturbed.
        for (int i = 0; i < r.length && r[i] < 3.5699; i++) assertThat(od.trappedRestarts()[i]).isZero();
    }

    @Test
    void divergedColumnsAreNaNWithPeriodMinusOne() {
        double[] ys = {1.2, 2.2};
        OrbitDiagram od = OrbitDiagram.compute(new EosManifoldMap(1), ys, new double[] {0.1},
                new OrbitDiagram.Spec(1000, 16, List.of("x", "x2"),
                        List.of(Observable.coordinate(0), Observable.scalar((x, p) -> 2 * x)), false, 8));
        assertThat(od.periods()[1]).isEqualTo(-1);
        assertThat(od.values()[0][16]).isNaN();
        assertThat(od.values()[1][16]).isNaN();
        for (int t = 0; t < 16; t++) assertThat(od.values()[1][t]).isEqualTo(2 * od.values()[0][t]);
        assertThat(od.periods()[0]).isEqualTo(2);
    }

    @Test
    void eosManifoldDiagramAtYTwoSpreadsOverTheArcsineDensity() {
        // From x0 = 0.1 the unguarded orbit lands exactly on the repelling fixed point −2 at step
        // 76 752 (LyapunovTest): with 60 000 transient steps inside the recorded window, with
        // 80 000 inside the transient. X = 2 cos θ with θ equidistributed: density
        // 1/(π√(4 − x²)), distribution function 1/2 + asin(x/2)/π.
        for (int transientSteps : new int[] {60_000, 80_000}) {
            int r = 20_000;
            double[] ys = {1.2, 2.0};
            OrbitDiagram od = OrbitDiagram.compute(new EosManifoldMap(1), ys, new double[] {0.1},
                    new OrbitDiagram.Spec(transientSteps, r, List.of("x"), List.of(Observable.coordinate(0)), true, 16));
            assertThat(od.trappedRestarts()[0]).isZero();
            assertThat(od.periods()[0]).isEqualTo(2);
            assertThat(od.trappedRestarts()[1]).isPositive();
            assertThat(od.totalTrappedRestarts()).isEqualTo(od.trappedRestarts()[1]);
            assertThat(od.periods()[1]).isZero();
            assertThat(od.lyapunov()[1]).isCloseTo(Math.log(3), within(2e-2));
            double[] row = java.util.Arrays.copyOfRange(od.values()[0], r, 2 * r);
            java.util.Arrays.sort(row);
            assertThat(row[0]).isGreaterThanOrEqualTo(-2);
            assertThat(row[r - 1]).isLessThanOrEqualTo(2);
            double ks = 0;
            for (int k = 0; k < r; k++) {
                double cdf = 0.5 + Math.asin(row[k] / 2) / Math.PI;
                ks = Math.max(ks, Math.max(Math.abs((k + 1.0) / r - cdf), Math.abs((double) k / r - cdf)));
            }
            assertThat(ks).as("Kolmogorov–Smirnov distance to the arcsine law, transient %d", transientSteps).isLessThan(0.03);
        }
    }

    @Test
    void aTrappedColumnEqualsASerialGuardedLoopOverTheKeptSequence() {
        int transientSteps = 60_000;
        int r = 20_000;
        EosManifoldMap g = new EosManifoldMap(2);
        OrbitDiagram od = OrbitDiagram.compute(g, new double[] {2.0}, new double[] {0.1},
                new OrbitDiagram.Spec(transientSteps, r, List.of("x"), List.of(Observable.coordinate(0)), false, 8));
        int h = RepellerGuard.MAX_PERIOD;
        double x = 0.1;
        for (int t = 0; t < transientSteps - h; t++) x = g.next(x);
        RepellerGuard guard = new RepellerGuard(g);
        x = guard.check(x);
        for (int t = 1; t < h; t++) x = guard.check(g.next(x));
        for (int t = 0; t < r; t++) {
            x = guard.check(g.next(x));
            assertThat(od.values()[0][t]).isEqualTo(x);
        }
        assertThat(od.trappedRestarts()[0]).isEqualTo(guard.restarts()).isPositive();
    }

    @Test
    void generalPathRestartsATwoDimensionalOrbitStuckOnASaddle() {
        // (0.5, 0) → (1, 0) → (0, 0), a saddle (multipliers 4 and ½) of the logistic map × ½.
        OrbitDiagram od = OrbitDiagram.compute(new TrapMaps.LogisticTimesHalf(4), new double[] {4.0}, new double[] {0.5, 0},
                new OrbitDiagram.Spec(100, 4000, List.of("x"), List.of(Observable.coordinate(0)), true, 16));
        assertThat(od.trappedRestarts()[0]).isPositive();
        assertThat(od.periods()[0]).isZero();
        assertThat(od.lyapunov()[0]).isCloseTo(Math.log(2), within(5e-2));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : od.values()[0]) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertThat(lo).isGreaterThanOrEqualTo(0).isLessThan(0.01);
        assertThat(hi).isLessThanOrEqualTo(1).isGreaterThan(0.99);
    }

    private static int index(double[] r, double v) {
        int best = 0;
        for (int i = 0; i < r.length; i++) if (Math.abs(r[i] - v) < Math.abs(r[best] - v)) best = i;
        return best;
    }
}
