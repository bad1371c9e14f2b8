package org.sharpscope.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.uv.UvDimensionlessMap;

class LyapunovTest {
    @Test
    void logisticAtFourIsLnTwo() {
        assertThat(Lyapunov.largest(new LogisticMap(4), 0.2, 1000, 4_000_000)).isCloseTo(Math.log(2), within(1e-3));
    }

    @Test
    void stableCycleExponentIsLnOfItsMultiplier() {
        // Period-2 orbit of the logistic map at r = 3.2: multiplier 4 + 2r − r² (closed form).
        double r = 3.2;
        assertThat(Lyapunov.largest(new LogisticMap(r), 0.3, 10_000, 10_000))
                .isCloseTo(Math.log(Math.abs(4 + 2 * r - r * r)) / 2, within(1e-9));
    }

    @Test
    void henonSpectrumSumsToLnDetAndMatchesTheKnownLargest() {
        double[] s = Lyapunov.spectrum(new HenonMap(1.4), new double[] {0.1, 0.1}, 1000, 200_000);
        assertThat(s[0] + s[1]).isCloseTo(Math.log(HenonMap.B), within(1e-10));
        assertThat(s[0]).isCloseTo(0.41922, within(5e-3));
    }

    @Test
    void uvSpectrumOnTheManifoldIsTheManifoldExponentPlusTheTransverseOne() {
        double bigY = 1.9;
        EosManifoldMap g = new EosManifoldMap(bigY);
        double x0 = 0.3;
        double along = Lyapunov.largest(g, x0, 1000, 200_000);
        double transverse = g.transverseLyapunov(x0, 1000, 200_000);
        assertThat(along).isPositive();
        assertThat(transverse).isNegative(); // the manifold attracts: trajectories collapse onto Q = 0
        double[] full = Lyapunov.spectrum(new UvDimensionlessMap(bigY), new double[] {0.3, 2 * (0.3 + bigY) + 0.05}, 1000, 200_000);
        assertThat(full[0]).isCloseTo(along, within(2e-2));
        assertThat(full[1]).isCloseTo(transverse, within(2e-2));
    }
}
