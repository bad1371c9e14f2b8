package org.sharpscope.nn.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sharpscope.nn.SmallProblems.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.hessian.HessianOperator;
import org.sharpscope.nn.hessian.TrainingObjective;
import org.sharpscope.nn.loss.Loss;

/** Names, shapes, initial statistics, multipliers and options of the networks. */
class NetworksTest {
    private static double std(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s / v.length);
    }

    @Test
    void fcnFollowsStateDictNamesAndSpInit() {
        Network net = config(ModelKind.FCN, 3, 300, "relu", true, "sp", "none").build(new long[] {1, 20, 20}, 10);
        List<String> names = net.parameters().stream().map(ParameterSpec::name).toList();
        assertThat(names).containsExactly("layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias",
                "layers.2.weight", "layers.2.bias");
        assertThat(net.parameters().get(0).shape()).containsExactly(300, 400);
        assertThat(net.parameters().get(4).shape()).containsExactly(10, 300);
        Map<String, double[]> w = Parameters.initialize(net, Dtype.FLOAT64, 1).byName();
        assertThat(std(w.get("layers.0.weight"))).isCloseTo(Math.sqrt(2.0 / 400), org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(std(w.get("layers.1.weight"))).isCloseTo(Math.sqrt(2.0 / 300), org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(std(w.get("layers.2.weight"))).isCloseTo(Math.sqrt(1.0 / 300), org.assertj.core.data.Percentage.withPercentage(5));
        assertThat(w.get("layers.0.bias")).containsOnly(0.0);
        assertThat(net.multiplier("layers.1.weight")).isEqualTo(1.0);
    }

    @Test
    void ntpMupAndInterpolationMultipliers() {
        long[] in = {50};
        Network ntp = config(ModelKind.FCN, 3, 64, "tanh", false, "ntp", "none").build(in, 2);
        Network mup = config(ModelKind.FCN, 3, 64, "tanh", false, "mup", "none").build(in, 2);
        Network half = config(ModelKind.FCN, 3, 64, "tanh", false, "s=0.5", "none").build(in, 2);
        assertThat(ntp.multiplier("layers.0.weight")).isCloseTo(Math.sqrt(2.0 / 50), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(ntp.multiplier("layers.2.weight")).isCloseTo(1 / Math.sqrt(64), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(mup.multiplier("layers.1.weight")).isCloseTo(Math.sqrt(2.0 / 64), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(mup.multiplier("layers.2.weight")).isCloseTo(1.0 / 64, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(half.multiplier("layers.2.weight")).isCloseTo(Math.pow(64, -0.75), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(ntp.parameters().get(1).initStd()).isEqualTo(1.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) mup.description().get("parameters");
        assertThat(p.toString()).contains("multiplier=0.015625");
        assertThat(mup.description()).containsEntry("param", "mup").containsEntry("sigma_w2_hidden", 2.0);
    }

    @Test
    void knownParameterCounts() {
        ModelConfig myrtle = new ModelConfig(ModelKind.MYRTLE, 5, 64, Activation.RELU, false, Parameterization.SP, false, 1,
                Normalization.NONE);
        assertThat(myrtle.build(new long[] {3, 32, 32}, 10).parameterCount()).isEqualTo(1728 + 3 * 36864 + 640);
        ModelConfig resnet = new ModelConfig(ModelKind.RESNET, 20, 16, Activation.RELU, false, Parameterization.SP, false, 1,
                Normalization.NONE);
        assertThat(resnet.build(new long[] {3, 32, 32}, 10).parameterCount()).isEqualTo(270896);
        ModelConfig bn = new ModelConfig(ModelKind.RESNET, 20, 16, Activation.RELU, false, Parameterization.SP, false, 1,
                Normalization.BATCH);
        Network bnNet = bn.build(new long[] {3, 32, 32}, 10);
        assertThat(bnNet.parameters().stream().map(ParameterSpec::name)).contains("layer2.0.shortcut.weight",
                "layer3.2.norm2.bias", "norm1.weight", "fc.weight");
    }

    @Test
    void lastLayerZeroOutputScaleAndSeeds() {
        Dataset d = data(5, new long[] {4}, Loss.MSE, 2, true, 1);
        ModelConfig base = config(ModelKind.FCN, 3, 8, "tanh", false, "sp", "none");
        ModelConfig zero = new ModelConfig(base.model(), 3, 8, base.activation(), false, base.param(), true, 1, base.norm());
        ModelConfig scaled = new ModelConfig(base.model(), 3, 8, base.activation(), false, base.param(), false, 2.5, base.norm());
        double[] out = objective(base, d, Loss.MSE, Dtype.FLOAT64, 0, 3).outputs();
        assertThat(objective(zero, d, Loss.MSE, Dtype.FLOAT64, 0, 3).outputs()).containsOnly(0.0);
        double[] out2 = objective(scaled, d, Loss.MSE, Dtype.FLOAT64, 0, 3).outputs();
        for (int i = 0; i < out.length; i++) assertThat(out2[i]).isCloseTo(2.5 * out[i], org.assertj.core.data.Offset.offset(1e-14));
        Network net = base.build(new long[] {4}, 2);
        assertThat(Parameters.initialize(net, Dtype.FLOAT64, 3).flatten())
                .containsExactly(Parameters.initialize(net, Dtype.FLOAT64, 3).flatten());
        assertThat(Parameters.initialize(net, Dtype.FLOAT64, 4).flatten())
                .isNotEqualTo(Parameters.initialize(net, Dtype.FLOAT64, 3).flatten());
    }

    @Test
    void float32ProductsAgreeWithFloat64() {
        Dataset d = data(16, new long[] {6}, Loss.MSE, 3, true, 2);
        ModelConfig mc = config(ModelKind.FCN, 3, 16, "tanh", false, "sp", "none");
        TrainingObjective o64 = objective(mc, d, Loss.MSE, Dtype.FLOAT64, 0, 5);
        TrainingObjective o32 = new TrainingObjective(Parameters.ofFlat(o64.network(), Dtype.FLOAT32,
                o64.parameters().flatten()), d, Loss.MSE, 0);
        double[] v = randomUnit(o64.dimension(), 3);
        double[] a = new double[v.length];
        double[] b = new double[v.length];
        new HessianOperator(o64).apply(v, a);
        new HessianOperator(o32).apply(v, b);
        assertThat(relDiff(b, a)).isLessThan(1e-5);
    }

    @Test
    void badShapesAndOptionsAreUserErrors() {
        assertThatThrownBy(() -> config(ModelKind.MYRTLE, 6, 8, "relu", false, "sp", "none"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("5, 7 or 10");
        assertThatThrownBy(() -> config(ModelKind.RESNET, 21, 8, "relu", false, "sp", "none"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("6n+2");
        assertThatThrownBy(() -> config(ModelKind.MYRTLE, 5, 8, "relu", false, "sp", "none").build(new long[] {784}, 10))
                .isInstanceOf(UserInputException.class).hasMessageContaining("image inputs");
        assertThatThrownBy(() -> Parameterization.parse("s=2")).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> Parameterization.parse("abc")).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> config(ModelKind.UV, 2, 8, "linear", false, "ntp", "none").build(new long[] {3}, 10))
                .isInstanceOf(UserInputException.class).hasMessageContaining("one output");
    }
}
