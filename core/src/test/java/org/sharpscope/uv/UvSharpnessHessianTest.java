package org.sharpscope.uv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * λ^H of docs/theory.md §3 against the top eigenvalue of the dense Hessian of L = ½(c_s vᵀUx − y)²,
 * built independently: columns are Richardson-extrapolated central differences of the analytic
 * gradient (exact for the cubic gradient up to rounding), symmetrized, solved with EJML.
 */
class UvSharpnessHessianTest {
    static final double TOL = 1e-9;

    @Test
    void formulaEqualsDenseHessianTopEigenvalue() {
        SplittableRandom rng = new SplittableRandom(11);
        int checked = 0;
        for (double s : new double[] {0, 0.5, 1}) {
            for (int n : new int[] {3, 6}) {
                for (int d : new int[] {1, 3}) {
                    for (double sigma : new double[] {0.3, 1.0, 2.0}) {
                        double[] x = new double[d];
                        for (int j = 0; j < d; j++) x[j] = rng.nextGaussian();
                        double y = 2 * rng.nextGaussian();
                        UvConfig cfg = new UvConfig(n, x, y, sigma, s, rng.nextLong());
                        WeightsEngine w = cfg.initialWeights();
                        // the initial state and two states further along GD (off-minimum, after moves)
                        for (int k = 0; k < 3; k++) {
                            check(w, cfg);
                            checked++;
                            w.step(0.3 / Math.max(w.ntk(), 1e-3));
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(108);
    }

    /**
     * Under λ ≥ 2√κ|f| the first branch is never below √κ|Δf| (at balance it equals
     * √κ(|f| + |f + Δf|) ≥ √κ|Δf|); the two meet on balanced weights with f = y/3, where
     * 3Δf + 2y = 0. Check the formula and the dense Hessian there.
     */
    @Test
    void balancedStateWhereBothBranchesMeet() {
        int n = 5;
        double y = 1.2;
        double s = 0.5;
        double cs = Math.pow(n, -(1 - s) / 2);
        double[] v = {0.3, -0.1, 0.7, 0.2, -0.4};
        double scale = Math.sqrt(y / 3 / cs / UvConfig.norm2(v));
        for (int i = 0; i < n; i++) v[i] *= scale;
        double[] u = v.clone(); // d = 1, x = 1: Ux = v, balanced
        UvConfig cfg = new UvConfig(n, new double[] {1.0}, y, 1, s, 0);
        WeightsEngine w = new WeightsEngine(u, v, cfg.input(), cs, y);
        assertThat(w.output()).isCloseTo(y / 3, org.assertj.core.data.Offset.offset(1e-14));
        double kappa = w.kappa();
        double df = w.residual();
        double branch1 = 0.5 * (w.ntk() + Math.sqrt(w.ntk() * w.ntk() + 4 * kappa * df * (3 * df + 2 * y)));
        assertThat(branch1).isCloseTo(Math.sqrt(kappa) * Math.abs(df), org.assertj.core.data.Offset.offset(1e-14));
        check(w, cfg);
    }

    static void check(WeightsEngine w, UvConfig cfg) {
        double[] u = w.weightsU();
        double[] v = w.weightsV();
        double[] x = cfg.input();
        double cs = cfg.outputScale();
        double y = cfg.target();
        double[] theta = pack(u, v);
        int p = theta.length;
        DMatrixRMaj h = new DMatrixRMaj(p, p);
        double h0 = 1e-3;
        for (int k = 0; k < p; k++) {
            double[] d1 = centralDifference(theta, k, h0, u.length, x, cs, y);
            double[] d2 = centralDifference(theta, k, h0 / 2, u.length, x, cs, y);
            for (int r = 0; r < p; r++) h.set(r, k, (4 * d2[r] - d1[r]) / 3);
        }
        for (int r = 0; r < p; r++) {
            for (int c = r + 1; c < p; c++) {
                double m = 0.5 * (h.get(r, c) + h.get(c, r));
                h.set(r, c, m);
                h.set(c, r, m);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, false, true);
        assertThat(eig.decompose(h)).isTrue();
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p; i++) top = Math.max(top, eig.getEigenvalue(i).getReal());
        double formula = UvSharpness.sharpness(w.residual(), w.ntk(), w.kappa(), w.target());
        assertThat(Math.abs(formula - top)).as("λ^H %s vs dense %s", formula, top)
                .isLessThanOrEqualTo(TOL * Math.max(Math.abs(top), 1e-3));
    }

    /** (∇L(θ + h e_k) − ∇L(θ − h e_k)) / 2h. */
    static double[] centralDifference(double[] theta, int k, double h, int nu, double[] x, double cs, double y) {
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        plus[k] += h;
        minus[k] -= h;
        double[] gp = gradient(plus, nu, x, cs, y);
        double[] gm = gradient(minus, nu, x, cs, y);
        double[] out = new double[theta.length];
        for (int i = 0; i < out.length; i++) out[i] = (gp[i] - gm[i]) / (2 * h);
        return out;
    }

    /** Analytic gradient of ½(c_s vᵀUx − y)²: ∂/∂U_ij = Δf c_s v_i x_j, ∂/∂v_i = Δf c_s (Ux)_i. */
    static double[] gradient(double[] theta, int nu, double[] x, double cs, double y) {
        int d = x.length;
        int n = nu / d;
        double[] z = new double[n];
        double f = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) z[i] += theta[i * d + j] * x[j];
            f += theta[nu + i] * z[i];
        }
        double df = cs * f - y;
        double[] g = new double[theta.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) g[i * d + j] = df * cs * theta[nu + i] * x[j];
            g[nu + i] = df * cs * z[i];
        }
        return g;
    }

    static double[] pack(double[] u, double[] v) {
        double[] t = new double[u.length + v.length];
        System.arraycopy(u, 0, t, 0, u.length);
        System.arraycopy(v, 0, t, u.length, v.length);
        return t;
    }
}
