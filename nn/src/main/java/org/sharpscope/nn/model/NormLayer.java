package org.sharpscope.nn.model;

import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/** Layer or batch normalisation over conv features with per-channel affine weight and bias. */
final class NormLayer {
    private static final double EPS = 1e-5;
    private final Normalization kind;
    private final int weight;
    private final int bias;

    private NormLayer(Normalization kind, int weight, int bias) {
        this.kind = kind;
        this.weight = weight;
        this.bias = bias;
    }

    /** Registers {@code prefix.weight} (ones) and {@code prefix.bias} (zeros); null for NONE. */
    static NormLayer create(Network net, String prefix, long channels, Normalization kind) {
        if (kind == Normalization.NONE) return null;
        int w = net.add(ParameterSpec.constant(prefix + ".weight", new long[] {channels}, 1));
        int b = net.add(ParameterSpec.constant(prefix + ".bias", new long[] {channels}, 0));
        return new NormLayer(kind, w, b);
    }

    static Tensor apply(NormLayer n, List<Tensor> p, Tensor x) {
        if (n == null) return x;
        TensorOptional w = new TensorOptional(p.get(n.weight));
        TensorOptional b = new TensorOptional(p.get(n.bias));
        if (n.kind == Normalization.LAYER) return torch.group_norm(x, 1, w, b, EPS, false);
        return torch.batch_norm(x, w, b, new TensorOptional(), new TensorOptional(), true, 0.1, EPS, false);
    }
}
