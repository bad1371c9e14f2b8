package org.sharpscope.nn.hessian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.Activation;
import org.sharpscope.nn.model.ModelConfig;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Normalization;
import org.sharpscope.nn.model.Parameterization;
import org.sharpscope.nn.model.Parameters;
import org.sharpscope.nn.model.UvNetwork;
import org.sharpscope.spectral.Lanczos;
import org.sharpscope.spectral.SolverOptions;
import org.sharpscope.uv.UvSharpness;

/**
 * The UV model built as a network: its HVPs equal the analytic Hessian ∇f∇fᵀ + Δf∇²f of
 * docs/theory.md §3, and Lanczos on those HVPs gives the closed-form λ^H to 1e-8 (float64).
 */
class UvNetworkHessianTest {
    @ParameterizedTest(name = "s={0} scale={1} y={2} seed={3}")
    @CsvSource({
            "0.0, 1.0, 1.5, 1", "0.5, 1.0, -0.7, 2", "1.0, 1.0, 2.0, 3", "1.0, 3.0, 0.3, 4",
            "0.25, 0.0, 1.2, 5",   // origin: U = v = 0, λ^H = √κ|Δf| branch
            "0.0, 0.3, -4.0, 6"})
    void hvpIsAnalyticHessianAndLanczosGivesTheFormula(double s, double weightScale, double y, long seed) {
        int d = 3;
        int n = 5;
        ModelConfig mc = new ModelConfig(ModelKind.UV, 2, n, Activation.LINEAR, false, Parameterization.interpolated(s),
                false, 1.0, Normalization.NONE);
        Random r = new Random(seed);
        double[] x = new double[d];
        for (int j = 0; j < d; j++) x[j] = r.nextGaussian();
        double[] u = new double[n * d];
        double[] v = new double[n];
        for (int i = 0; i < u.length; i++) u[i] = weightScale * r.nextGaussian();
        for (int i = 0; i < n; i++) v[i] = weightScale * r.nextGaussian();
        Dataset data = new Dataset("uv", new long[] {d}, x, new double[] {y}, 1, null);
        UvNetwork net = (UvNetwork) mc.build(new long[] {d}, 1);
        Map<String, double[]> w = new LinkedHashMap<>();
        w.put("layers.0.weight", u);
        w.put("layers.1.weight", v);
        Parameters p = Parameters.of(net, Dtype.FLOAT64, w);
        HessianOperator h = new HessianOperator(new TrainingObjective(p, data, Loss.MSE, 0));

        double c = Math.pow(n, -(1 - s) / 2);
        assertThat(net.cs()).isEqualTo(c);
        double[] ux = new double[n];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) ux[i] += u[i * d + j] * x[j];
        double f = 0;
        for (int i = 0; i < n; i++) f += c * v[i] * ux[i];
        double df = f - y;
        assertThat(h.objective().loss()).isCloseTo(0.5 * df * df, org.assertj.core.data.Offset.offset(1e-14 * Math.max(1, df * df)));

        int dim = n * d + n;
        double[] g = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) g[i * d + j] = c * v[i] * x[j];
            g[n * d + i] = c * ux[i];
        }
        double[][] hess = new double[dim][dim];
        for (int a = 0; a < dim; a++) for (int b = 0; b < dim; b++) hess[a][b] = g[a] * g[b];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                hess[i * d + j][n * d + i] += df * c * x[j];
                hess[n * d + i][i * d + j] += df * c * x[j];
            }
        }
        double scale = 0;
        for (double[] row : hess) for (double e : row) scale = Math.max(scale, Math.abs(e));
        for (int k = 0; k < dim; k++) {
            double[] e = new double[dim];
            e[k] = 1;
            double[] col = new double[dim];
            h.apply(e, col);
            for (int a = 0; a < dim; a++) {
                assertThat(col[a]).as("H[%d][%d]", a, k).isCloseTo(hess[a][k], org.assertj.core.data.Offset.offset(1e-13 * Math.max(scale, 1)));
            }
        }

        double xx = 0;
        double vv = 0;
        double uxx = 0;
        for (double e : x) xx += e * e;
        for (double e : v) vv += e * e;
        for (double e : ux) uxx += e * e;
        double lambda = c * c * (xx * vv + uxx);
        double kappa = c * c * xx;
        double expected = UvSharpness.sharpness(df, lambda, kappa, y);
        double got = new Lanczos().solve(h, 1, SolverOptions.defaults().withTol(1e-12)).values()[0];
        assertThat(got).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-8 * Math.max(1, Math.abs(expected))));
    }
}
