package org.sharpscope.nn.hessian;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.sharpscope.nn.HostTensors;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.Network;
import org.sharpscope.nn.model.Parameters;

/**
 * The training loss of a network on a fixed set of examples, evaluated in chunks of at most
 * {@code chunkSize} examples (0: all at once) so memory stays bounded; chunk results add up to
 * the full-batch value exactly (up to rounding). Every evaluation runs inside its own
 * {@link PointerScope}, so native memory is released as soon as it returns.
 */
public final class TrainingObjective {
    private final Parameters params;
    private final Loss loss;
    private final Tensor inputs;
    private final Tensor targets;
    private final int size;
    private final int chunkSize;
    private final TensorVector paramVector;

    public TrainingObjective(Parameters params, Dataset data, Loss loss, int chunkSize) {
        if (chunkSize < 0) throw new IllegalArgumentException("chunk size must be >= 0");
        this.params = params;
        this.loss = loss;
        this.inputs = data.inputTensor(params.dtype());
        this.targets = data.targetTensor(params.dtype());
        this.size = data.size();
        this.chunkSize = chunkSize == 0 ? size : Math.min(chunkSize, size);
        this.paramVector = new TensorVector(params.tensors().toArray(new Tensor[0]));
    }

    public Parameters parameters() {
        return params;
    }

    public Network network() {
        return params.network();
    }

    public Loss lossKind() {
        return loss;
    }

    public int dimension() {
        return params.dimension();
    }

    /** Number of examples. */
    public int size() {
        return size;
    }

    public int chunkSize() {
        return chunkSize;
    }

    int chunks() {
        return (size + chunkSize - 1) / chunkSize;
    }

    Tensor chunkInputs(int c) {
        int start = c * chunkSize;
        return inputs.narrow(0, start, Math.min(chunkSize, size - start));
    }

    Tensor chunkTargets(int c) {
        int start = c * chunkSize;
        return targets.narrow(0, start, Math.min(chunkSize, size - start));
    }

    /** Network outputs on chunk {@code c} (differentiable in the parameters). */
    Tensor outputs(int c) {
        return params.network().forward(params.tensors(), chunkInputs(c));
    }

    /** Chunk {@code c}'s share of the full loss (a 0-dim tensor). */
    Tensor chunkLoss(int c) {
        return loss.partialSum(outputs(c), chunkTargets(c), size);
    }

    /**
     * The share of the full loss of examples {@code start … start+count−1} (a 0-dim tensor). Any
     * partition of the examples into ranges sums to the full loss, except with batch
     * normalisation, whose statistics are those of the range (see {@link #rangesAreExact()}).
     */
    Tensor rangeLoss(int start, int count) {
        Tensor out = params.network().forward(params.tensors(), inputs.narrow(0, start, count));
        return loss.partialSum(out, targets.narrow(0, start, count), size);
    }

    /**
     * True when the loss is a plain sum over examples, so evaluating it over any ranges of examples
     * gives the same function; false with batch normalisation (batch statistics make the loss
     * depend on how the examples are chunked, so only this objective's own chunks are exact).
     */
    boolean rangesAreExact() {
        return params.network().config().norm() != org.sharpscope.nn.model.Normalization.BATCH;
    }

    TensorVector paramVector() {
        return paramVector;
    }

    /** The loss over all examples. */
    public double loss() {
        double total = 0;
        try (PointerScope scope = new PointerScope(); var guard = new org.bytedeco.pytorch.NoGradGuard()) {
            for (int c = 0; c < chunks(); c++) total += chunkLoss(c).item_double();
        }
        return total;
    }

    /** The network outputs on all examples, [size · outputs] row-major. */
    public double[] outputs() {
        try (PointerScope scope = new PointerScope(); var guard = new org.bytedeco.pytorch.NoGradGuard()) {
            List<Tensor> parts = new ArrayList<>();
            for (int c = 0; c < chunks(); c++) parts.add(outputs(c));
            return HostTensors.toDoubles(torch.cat(new TensorVector(parts.toArray(new Tensor[0]))));
        }
    }

    /** The gradient of the loss with respect to the flattened parameters. */
    public double[] gradient() {
        try (PointerScope scope = new PointerScope()) {
            Tensor acc = null;
            for (int c = 0; c < chunks(); c++) {
                TensorVector g = torch.grad(new TensorVector(chunkLoss(c)), paramVector, new TensorVector(),
                        new BoolOptional(false), false, true);
                Tensor flat = flatten(g);
                acc = acc == null ? flat : acc.add_(flat);
            }
            return HostTensors.toDoubles(acc);
        }
    }

    /** Concatenates per-parameter tensors (undefined = unused = zero) into one flat vector. */
    Tensor flatten(TensorVector perParameter) {
        Tensor[] parts = new Tensor[(int) perParameter.size()];
        for (int i = 0; i < parts.length; i++) {
            Tensor t = perParameter.get(i);
            parts[i] = t.defined() ? t.reshape(-1) : torch.zeros_like(params.tensors().get(i)).reshape(-1);
        }
        return torch.cat(new TensorVector(parts));
    }

    /** A flat vector as one tensor per parameter (views into {@code flat}). */
    TensorVector split(Tensor flat) {
        Tensor[] parts = new Tensor[params.tensors().size()];
        long off = 0;
        for (int i = 0; i < parts.length; i++) {
            Tensor p = params.tensors().get(i);
            long n = p.numel();
            parts[i] = flat.narrow(0, off, n).view(HostTensors.shape(p));
            off += n;
        }
        return new TensorVector(parts);
    }
}
