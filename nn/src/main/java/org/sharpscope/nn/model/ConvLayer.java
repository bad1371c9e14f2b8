package org.sharpscope.nn.model;

import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/** A k×k convolution of a {@link Network} ({@code prefix.weight} [out, in, k, k]), padding k/2. */
final class ConvLayer {
    private final int weight;
    private final int bias;
    private final double multiplier;
    private final long stride;
    private final long padding;

    private ConvLayer(int weight, int bias, double multiplier, long stride, long padding) {
        this.weight = weight;
        this.bias = bias;
        this.multiplier = multiplier;
        this.stride = stride;
        this.padding = padding;
    }

    static ConvLayer create(Network net, String prefix, long in, long out, int k, long stride, LayerRole role,
                            ModelConfig c, boolean withBias) {
        LayerScale s = c.param().scale(role, in * k * k, ModelConfig.SIGMA2_HIDDEN);
        String name = prefix + ".weight";
        int w = net.add(ParameterSpec.gaussian(name, new long[] {out, in, k, k}, s.initStd()));
        net.recordMultiplier(name, s.multiplier());
        int b = withBias ? net.add(ParameterSpec.constant(prefix + ".bias", new long[] {out}, 0)) : -1;
        return new ConvLayer(w, b, s.multiplier(), stride, k / 2);
    }

    Tensor apply(List<Tensor> p, Tensor x) {
        Tensor w = Network.scaled(p.get(weight), multiplier);
        TensorOptional b = bias < 0 ? new TensorOptional() : new TensorOptional(p.get(bias));
        return torch.conv2d(x, w, b, new long[] {stride, stride}, new long[] {padding, padding},
                new long[] {1, 1}, 1);
    }
}
