package org.sharpscope.nn.model;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.sharpscope.UserInputException;

/**
 * CIFAR ResNet (He et al. 2016, depth 6n+2, e.g. ResNet-20): a 3×3 stem ({@code conv1}), three
 * stages of n basic blocks with width, 2·width, 4·width channels (stride 2 at the start of
 * stages 2 and 3, 1×1 projection {@code shortcut} when the shape changes), global average
 * pooling and a linear head {@code fc}. Optional layer or batch normalisation after each conv.
 */
public final class ResNet extends Network {
    private final long[] inputShape;
    private final int outputs;
    private final ConvLayer stem;
    private final NormLayer stemNorm;
    private final List<Block> blocks = new ArrayList<>();
    private final DenseLayer fc;

    private record Block(ConvLayer conv1, NormLayer norm1, ConvLayer conv2, NormLayer norm2, ConvLayer shortcut) {}

    ResNet(ModelConfig c, long[] inputShape, int outputs) {
        super(c);
        if (inputShape.length != 3) {
            throw new UserInputException("resnet needs image inputs [channels, height, width], got "
                    + java.util.Arrays.toString(inputShape) + "; use an image dataset (cifar10, fashion-mnist, mnist)");
        }
        this.inputShape = inputShape.clone();
        this.outputs = outputs;
        Normalization norm = c.norm();
        long w = c.width();
        stem = ConvLayer.create(this, "conv1", inputShape[0], w, 3, 1, LayerRole.INPUT, c, c.bias());
        stemNorm = NormLayer.create(this, "norm1", w, norm);
        int n = (c.depth() - 2) / 6;
        long in = w;
        for (int stage = 0; stage < 3; stage++) {
            long out = w << stage;
            for (int b = 0; b < n; b++) {
                long stride = stage > 0 && b == 0 ? 2 : 1;
                String prefix = "layer" + (stage + 1) + "." + b;
                ConvLayer c1 = ConvLayer.create(this, prefix + ".conv1", in, out, 3, stride, LayerRole.HIDDEN, c, c.bias());
                NormLayer n1 = NormLayer.create(this, prefix + ".norm1", out, norm);
                ConvLayer c2 = ConvLayer.create(this, prefix + ".conv2", out, out, 3, 1, LayerRole.HIDDEN, c, c.bias());
                NormLayer n2 = NormLayer.create(this, prefix + ".norm2", out, norm);
                ConvLayer sc = stride != 1 || in != out
                        ? ConvLayer.create(this, prefix + ".shortcut", in, out, 1, stride, LayerRole.HIDDEN, c, false)
                        : null;
                blocks.add(new Block(c1, n1, c2, n2, sc));
                in = out;
            }
        }
        fc = DenseLayer.create(this, "fc", in, outputs, LayerRole.OUTPUT, c);
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
    protected Tensor body(List<Tensor> p, Tensor x) {
        Activation act = config().activation();
        Tensor h = act.apply(NormLayer.apply(stemNorm, p, stem.apply(p, x)));
        for (Block b : blocks) {
            Tensor r = act.apply(NormLayer.apply(b.norm1(), p, b.conv1().apply(p, h)));
            r = NormLayer.apply(b.norm2(), p, b.conv2().apply(p, r));
            Tensor s = b.shortcut() == null ? h : b.shortcut().apply(p, h);
            h = act.apply(r.add(s));
        }
        return fc.apply(p, h.mean(2, 3));
    }
}
