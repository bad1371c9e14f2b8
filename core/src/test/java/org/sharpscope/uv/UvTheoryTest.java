package org.sharpscope.uv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.sharpscope.dynamics.Lyapunov;

class UvTheoryTest {
    @Test
    void periodTwoClosedFormIsAnOrbitOfTheExactMap() {
        double kappa = 0.3;
        double y = 1.7;
        double etaC = 1 / (Math.sqrt(kappa) * y);
        for (double bigY : new double[] {1.05, 1.2, 1.23}) {
            double[][] orbit = UvTheory.periodTwoOrbit(bigY, bigY * etaC, kappa, y);
            double e = bigY * etaC;
            // Recover (Δf, λ) of the low point from ηλ on Q = 0 (f/y > 0): f = λ/(2√κ), and step twice.
            double lambda = orbit[0][0] / e;
            double df = lambda / (2 * Math.sqrt(kappa)) - y;
            double df1 = FunctionSpaceMap.nextResidual(df, lambda, e, kappa, y);
            double l1 = FunctionSpaceMap.nextNtk(df, lambda, e, kappa, y);
            assertThat(e * l1).isCloseTo(orbit[1][0], within(1e-12));
            assertThat(e * UvSharpness.sharpness(df1, l1, kappa, y)).isCloseTo(orbit[1][1], within(1e-12));
            double df2 = FunctionSpaceMap.nextResidual(df1, l1, e, kappa, y);
            double l2 = FunctionSpaceMap.nextNtk(df1, l1, e, kappa, y);
            assertThat(df2).isCloseTo(df, within(1e-12));
            assertThat(l2).isCloseTo(lambda, within(1e-12));
            // Sharpness alternates around (1 + Y)/η for ηλ: the pair's mean is 1 + Y.
            assertThat(0.5 * (orbit[0][0] + orbit[1][0])).isCloseTo(1 + bigY, within(1e-12));
        }
    }

    @Test
    void periodTwoLyapunovExponentIsTheManifoldMapsExponent() {
        for (double bigY : new double[] {1.1, 1.2}) {
            double measured = Lyapunov.largest(new EosManifoldMap(bigY), 0.1, 10_000, 20_000);
            assertThat(measured).isCloseTo(UvTheory.periodTwoLyapunov(bigY), within(1e-6));
        }
        assertThat(UvTheory.periodTwoMultiplier(UvTheory.PERIOD_FOUR_ONSET)).isCloseTo(-1, within(1e-12));
    }

    @Test
    void phasePlaneCurvesAreWhereTheMapSaysTheyAre() {
        double bigY = 0.7;
        UvDimensionlessMap m = new UvDimensionlessMap(bigY);
        double[] out = new double[2];
        for (double x : new double[] {-1.3, -0.4, 0.25, 0.9}) {
            m.step(new double[] {x, UvTheory.xNullclineEtaLambda(x, bigY)}, out);
            assertThat(out[0]).isCloseTo(x, within(1e-12));
            double l = UvTheory.etaLambdaNullcline(x, bigY);
            m.step(new double[] {x, l}, out);
            assertThat(out[1]).isCloseTo(l, within(1e-12 * Math.abs(l)));
            double balanced = UvTheory.balancedEtaLambda(x, bigY);
            assertThat(m.q(new double[] {x, balanced})).isCloseTo(0, within(1e-12));
            assertThat(UvTheory.reachable(x, balanced + 1e-9, bigY)).isTrue();
            assertThat(UvTheory.reachable(x, balanced - 1e-9, bigY)).isFalse();
            assertThat(UvTheory.gradientFlowEtaLambda(x, bigY, 0)).isEqualTo(balanced);
        }
    }
}
