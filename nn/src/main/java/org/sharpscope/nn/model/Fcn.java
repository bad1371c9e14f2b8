package org.sharpscope.nn.model;

import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Fully connected network: {@code depth} linear layers ({@code layers.i.weight} [out, in],
 * optional {@code layers.i.bias}), hidden width {@code width}, activation between layers.
 * Inputs are flattened.
 */
public final class Fcn extends Network {
    private final long[] inputShape;
    private final int outputs;
    private final DenseLayer[] layers;

    Fcn(ModelConfig c, long[] inputShape, int outputs) {
        super(c);
        this.inputShape = inputShape.clone();
        this.outputs = outputs;
        long in = 1;
        for (long s : inputShape) in *= s;
        layers = new DenseLayer[c.depth()];
        for (int i = 0; i < c.depth(); i++) {
            boolean last = i == c.depth() - 1;
            long out = last ? outputs : c.width();
            LayerRole role = last ? LayerRole.OUTPUT : i == 0 ? LayerRole.INPUT : LayerRole.HIDDEN;
            layers[i] = DenseLayer.create(this, "layers." + i, in, out, role, c);
            in = out;
        }
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public int outputs() {
        return outputs;
    }

    @Override
    protected Tensor body(List<Tensor> p, Tensor input) {
        Tensor h = input.dim() == 2 ? input : torch.flatten(input, 1, -1);
        Activation act = config().activation();
        for (int i = 0; i < layers.length; i++) {
            h = layers[i].apply(p, h);
            if (i < layers.length - 1) h = act.apply(h);
        }
        return h;
    }
}
