package org.sharpscope.nn.model;

import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.sharpscope.UserInputException;

/**
 * The UV model as a network (docs/theory.md §1): f(x) = c_s · vᵀ U x with U = {@code layers.0.weight}
 * [width, d] and vᵀ = {@code layers.1.weight} [1, width], U_ij, v_i ~ N(0, σ_w²/n^s),
 * c_s = n^{-(1-s)/2} (ntp: s = 0, mup: s = 1, s=VALUE). With {@code sp}: U ~ N(0, σ_w²/d),
 * v ~ N(0, σ_w²/n), c = 1. σ_w² = {@link ModelConfig#SIGMA2_UV}. A zero last layer sets v = 0.
 */
public final class UvNetwork extends Network {
    private final long[] inputShape;
    private final double c;

    UvNetwork(ModelConfig cfg, long[] inputShape, int outputs) {
        super(cfg);
        if (outputs != 1) {
            throw new UserInputException("the uv model has one output but the data has " + outputs
                    + " targets; use --dataset synthetic");
        }
        this.inputShape = inputShape.clone();
        long d = 1;
        for (long s : inputShape) d *= s;
        long n = cfg.width();
        double sigma2 = ModelConfig.SIGMA2_UV;
        double stdU;
        double stdV;
        if (cfg.param().kind() == Parameterization.Kind.SP) {
            stdU = Math.sqrt(sigma2 / d);
            stdV = Math.sqrt(sigma2 / n);
            c = 1;
        } else {
            double s = cfg.param().exponent();
            stdU = stdV = Math.sqrt(sigma2 / Math.pow(n, s));
            c = Math.pow(n, -(1 - s) / 2);
        }
        add(ParameterSpec.gaussian("layers.0.weight", new long[] {n, d}, stdU));
        add(cfg.lastLayerZero() ? ParameterSpec.constant("layers.1.weight", new long[] {1, n}, 0)
                : ParameterSpec.gaussian("layers.1.weight", new long[] {1, n}, stdV));
        recordMultiplier("layers.0.weight", 1.0);
        recordMultiplier("layers.1.weight", c);
    }

    /** The output multiplier c_s. */
    public double cs() {
        return c;
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public int outputs() {
        return 1;
    }

    @Override
    protected Tensor body(List<Tensor> p, Tensor input) {
        Tensor x = input.dim() == 2 ? input : torch.flatten(input, 1, -1);
        Tensor ux = torch.linear(x, p.get(0));
        return torch.linear(ux, p.get(1)).mul(new Scalar(c));
    }
}
