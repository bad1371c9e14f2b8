package org.sharpscope.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.uv.UvDimensionlessMap;
import org.sharpscope.uv.UvFunctionSpaceMap;

/** Every map's Jacobian and ∂F/∂p against central finite differences; the UV maps against each other. */
class MapDerivativesTest {
    private static final double H = 1e-6;

    static List<DiscreteMap> maps() {
        return List.of(new LogisticMap(3.7), new EosManifoldMap(1.6), new UvDimensionlessMap(1.3),
                new UvFunctionSpaceMap(0.7, 0.25, 1.5), new HenonMap(1.4));
    }

    @Test
    void jacobiansMatchFiniteDifferences() {
        Random rnd = new Random(1);
        for (DiscreteMap m : maps()) {
            int d = m.dimension();
            for (int trial = 0; trial < 20; trial++) {
                double[] x = new double[d];
                for (int i = 0; i < d; i++) x[i] = rnd.nextDouble() * 2 - 0.5;
                double[] jac = new double[d * d];
                m.jacobian(x, jac);
                double[] dp = new double[d];
                m.parameterDerivative(x, dp);
                for (int k = 0; k < d; k++) {
                    double[] xp = x.clone();
                    double[] xm = x.clone();
                    xp[k] += H;
                    xm[k] -= H;
                    double[] fp = new double[d];
                    double[] fm = new double[d];
                    m.step(xp, fp);
                    m.step(xm, fm);
                    for (int i = 0; i < d; i++) {
                        assertThat(jac[i * d + k]).as(m.name()).isCloseTo((fp[i] - fm[i]) / (2 * H), within(1e-7));
                    }
                }
                double[] fp = new double[d];
                double[] fm = new double[d];
                m.at(m.parameter() + H).step(x, fp);
                m.at(m.parameter() - H).step(x, fm);
                for (int i = 0; i < d; i++) {
                    assertThat(dp[i]).as(m.name() + " dF/dp").isCloseTo((fp[i] - fm[i]) / (2 * H), within(1e-7));
                }
            }
        }
    }

    @Test
    void dimensionalMapIsTheDimensionlessMapRescaled() {
        double eta = 0.37;
        double kappa = 0.8;
        double y = 2.3;
        UvFunctionSpaceMap dim = new UvFunctionSpaceMap(eta, kappa, y);
        UvDimensionlessMap dl = dim.dimensionless();
        assertThat(dl.bigY()).isCloseTo(eta / dim.criticalEta(), within(1e-15));
        double s = eta * Math.sqrt(kappa);
        Random rnd = new Random(2);
        for (int t = 0; t < 50; t++) {
            double[] st = {rnd.nextGaussian(), 1 + rnd.nextDouble() * 5};
            double[] out = new double[2];
            dim.step(st, out);
            double[] z = {s * st[0], eta * st[1]};
            dl.step(z, z);
            assertThat(z[0]).isCloseTo(s * out[0], within(1e-12 * Math.max(1, Math.abs(z[0]))));
            assertThat(z[1]).isCloseTo(eta * out[1], within(1e-12 * Math.max(1, Math.abs(z[1]))));
        }
    }

    @Test
    void manifoldMapIsTheTwoDimensionalMapRestrictedToQZero() {
        Random rnd = new Random(3);
        for (int t = 0; t < 200; t++) {
            double bigY = 0.5 + 1.5 * rnd.nextDouble();
            double x = -bigY + 3 * rnd.nextDouble(); // X + Y > 0: the f/y > 0 branch
            EosManifoldMap g = new EosManifoldMap(bigY);
            UvDimensionlessMap full = new UvDimensionlessMap(bigY);
            double[] s = g.lift(x);
            assertThat(full.q(s)).isCloseTo(0, within(1e-12));
            full.step(s, s);
            double gx = g.next(x);
            assertThat(s[0]).isCloseTo(gx, within(1e-12 * Math.max(1, Math.abs(gx))));
            assertThat(s[1]).isCloseTo(EosManifoldMap.etaLambda(gx, bigY), within(1e-11 * Math.max(1, Math.abs(s[1]))));
            assertThat(full.q(s)).isCloseTo(0, within(1e-9 * Math.max(1, s[1] * s[1])));
        }
    }

    @Test
    void qShrinksByTheExactFactor() {
        Random rnd = new Random(4);
        UvDimensionlessMap m = new UvDimensionlessMap(1.4);
        for (int t = 0; t < 50; t++) {
            double[] s = {rnd.nextGaussian() * 0.5, 3 + rnd.nextDouble()};
            double q0 = m.q(s);
            double x = s[0];
            m.step(s, s);
            assertThat(m.q(s)).isCloseTo(Math.pow(1 - x * x, 2) * q0, within(1e-11 * Math.max(1, Math.abs(q0))));
        }
    }
}
