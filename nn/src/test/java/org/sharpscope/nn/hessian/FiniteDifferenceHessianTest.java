package org.sharpscope.nn.hessian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharpscope.nn.SmallProblems.*;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.ModelConfig;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Parameters;

/**
 * Exact HVPs against central finite differences of the exact gradient, symmetry vᵀHw = wᵀHv,
 * and chunked = unchunked, for every network family, in float64.
 */
class FiniteDifferenceHessianTest {
    static Stream<Arguments> networks() {
        long[] flat = {6};
        long[] image = {3, 8, 8};
        return Stream.of(
                Arguments.of("fcn tanh bias ntp mse", config(ModelKind.FCN, 3, 7, "tanh", true, "ntp", "none"), flat, Loss.MSE),
                Arguments.of("fcn relu sp ce", config(ModelKind.FCN, 3, 7, "relu", false, "sp", "none"), flat, Loss.CE),
                Arguments.of("fcn linear mup mse", config(ModelKind.FCN, 2, 5, "linear", false, "mup", "none"), flat, Loss.MSE),
                Arguments.of("myrtle5 relu sp mse", config(ModelKind.MYRTLE, 5, 4, "relu", false, "sp", "none"), image, Loss.MSE),
                Arguments.of("myrtle5 tanh s=0.5 ce", config(ModelKind.MYRTLE, 5, 3, "tanh", true, "s=0.5", "none"), image, Loss.CE),
                Arguments.of("resnet8 layernorm tanh mse", config(ModelKind.RESNET, 8, 2, "tanh", false, "sp", "layer"), image, Loss.MSE),
                Arguments.of("resnet8 plain relu ntp ce", config(ModelKind.RESNET, 8, 2, "relu", false, "ntp", "none"), image, Loss.CE),
                Arguments.of("resnet8 batchnorm relu mse", config(ModelKind.RESNET, 8, 2, "relu", false, "sp", "batch"), image, Loss.MSE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void hvpMatchesFiniteDifferencesAndIsSymmetric(String name, ModelConfig mc, long[] shape, Loss loss) {
        int outputs = loss == Loss.CE ? 10 : 3;
        Dataset data = data(10, shape, loss, outputs, mc.model() == ModelKind.FCN, 7);
        TrainingObjective obj = objective(mc, data, loss, Dtype.FLOAT64, 0, 11);
        HessianOperator h = new HessianOperator(obj);
        int n = h.dimension();
        double[] v = randomUnit(n, 1);
        double[] w = randomUnit(n, 2);
        double[] hv = new double[n];
        double[] hw = new double[n];
        h.apply(v, hv);
        h.apply(w, hw);
        assertThat(norm(hv)).isGreaterThan(1e-6);

        Parameters p = obj.parameters();
        double[] theta = p.flatten();
        double eps = 1e-5;
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        for (int i = 0; i < n; i++) {
            plus[i] += eps * v[i];
            minus[i] -= eps * v[i];
        }
        p.assign(plus);
        double[] gp = obj.gradient();
        p.assign(minus);
        double[] gm = obj.gradient();
        p.assign(theta);
        double[] fd = new double[n];
        for (int i = 0; i < n; i++) fd[i] = (gp[i] - gm[i]) / (2 * eps);
        assertThat(relDiff(hv, fd)).as("HVP vs central differences").isLessThan(1e-6);

        double vhw = dot(v, hw);
        double whv = dot(w, hv);
        assertThat(Math.abs(vhw - whv)).as("symmetry").isLessThan(1e-12 * Math.max(norm(hv), norm(hw)));

        if (mc.norm() != org.sharpscope.nn.model.Normalization.BATCH) {
            HessianOperator chunked = new HessianOperator(new TrainingObjective(p, data, loss, 3));
            double[] hvc = new double[n];
            chunked.apply(v, hvc);
            assertThat(relDiff(hvc, hv)).as("chunked vs unchunked").isLessThan(1e-12);
            assertThat(chunked.objective().loss()).isCloseTo(obj.loss(), org.assertj.core.data.Offset.offset(1e-13));
        }
    }
}
