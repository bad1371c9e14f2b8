package org.sharpscope.nn.model;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.sharpscope.UserInputException;

/**
 * Myrtle CNN (Shankar et al. 2020; neural-tangents' Myrtle): three groups of 3×3 convolutions
 * ({@code convs.i.weight}) with [2,1,1] (depth 5), [2,2,2] (7) or [3,3,3] (10) layers, 2×2
 * average pooling after the first two groups, global average pooling after the third (the same
 * as the original three 2×2 pools on 32×32 images), then a linear layer {@code fc.weight}.
 */
public final class MyrtleCnn extends Network {
    private final long[] inputShape;
    private final int outputs;
    private final List<List<ConvLayer>> groups = new ArrayList<>();
    private final DenseLayer fc;

    MyrtleCnn(ModelConfig c, long[] inputShape, int outputs) {
        super(c);
        if (inputShape.length != 3 || inputShape[1] % 4 != 0 || inputShape[2] % 4 != 0) {
            throw new UserInputException("myrtle needs image inputs [channels, height, width] with height and "
                    + "width divisible by 4, got " + java.util.Arrays.toString(inputShape)
                    + "; use an image dataset (cifar10, fashion-mnist, mnist)");
        }
        this.inputShape = inputShape.clone();
        this.outputs = outputs;
        int[] perGroup = switch (c.depth()) {
            case 5 -> new int[] {2, 1, 1};
            case 7 -> new int[] {2, 2, 2};
            default -> new int[] {3, 3, 3};
        };
        long in = inputShape[0];
        int index = 0;
        for (int g : perGroup) {
            List<ConvLayer> group = new ArrayList<>();
            for (int j = 0; j < g; j++) {
                LayerRole role = index == 0 ? LayerRole.INPUT : LayerRole.HIDDEN;
                group.add(ConvLayer.create(this, "convs." + index, in, c.width(), 3, 1, role, c, c.bias()));
                in = c.width();
                index++;
            }
            groups.add(group);
        }
        fc = DenseLayer.create(this, "fc", c.width(), outputs, LayerRole.OUTPUT, c);
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
        Tensor h = x;
        for (int g = 0; g < groups.size(); g++) {
            for (ConvLayer conv : groups.get(g)) h = act.apply(conv.apply(p, h));
            if (g < 2) h = torch.avg_pool2d(h, 2, 2);
        }
        h = h.mean(2, 3);
        return fc.apply(p, h);
    }
}
