package org.sharpscope.nn.model;

import java.util.List;
import org.bytedeco.pytorch.Tensor;

/** A linear layer of a {@link Network}: indices of its weight (and bias) and its multiplier. */
final class DenseLayer {
    private final int weight;
    private final int bias;
    private final double multiplier;

    private DenseLayer(int weight, int bias, double multiplier) {
        this.weight = weight;
        this.bias = bias;
        this.multiplier = multiplier;
    }

    /** Registers {@code prefix.weight} [out, in] (and {@code prefix.bias}) scaled per the config. */
    static DenseLayer create(Network net, String prefix, long in, long out, LayerRole role, ModelConfig c) {
        double sigma2 = role == LayerRole.OUTPUT ? ModelConfig.SIGMA2_LAST : ModelConfig.SIGMA2_HIDDEN;
        LayerScale s = c.param().scale(role, in, sigma2);
        long[] shape = {out, in};
        String name = prefix + ".weight";
        int w = net.add(role == LayerRole.OUTPUT && c.lastLayerZero()
                ? ParameterSpec.constant(name, shape, 0) : ParameterSpec.gaussian(name, shape, s.initStd()));
        net.recordMultiplier(name, s.multiplier());
        int b = c.bias() ? net.add(ParameterSpec.constant(prefix + ".bias", new long[] {out}, 0)) : -1;
        return new DenseLayer(w, b, s.multiplier());
    }

    Tensor apply(List<Tensor> p, Tensor x) {
        Tensor w = Network.scaled(p.get(weight), multiplier);
        // x·Wᵀ as mm (not linear): autograd then forms the weight gradient as xᵀ·δ, a GEMM shape
        // OpenBLAS runs about twice as fast as δᵀ·x for wide first layers (measured in bench/).
        Tensor y = x.mm(w.t());
        return bias < 0 ? y : y.add(p.get(bias));
    }
}
