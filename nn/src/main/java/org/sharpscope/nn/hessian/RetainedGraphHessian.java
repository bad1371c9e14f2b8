package org.sharpscope.nn.hessian;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The exact Hessian at fixed weights, like {@link HessianOperator}, but the graph of ∇L is built
 * once (one forward and one create-graph backward per chunk) and kept, so each product is a single
 * backward pass through it (retain_graph) — about a third cheaper when many products are taken at
 * the same weights, as in one sharpness probe. It holds the graph's memory (about that of one
 * gradient evaluation per chunk) until {@link #close()}; the weights must not change meanwhile.
 */
public final class RetainedGraphHessian extends ChunkSumOperator implements AutoCloseable {
    private final Tensor[] gradients;

    public RetainedGraphHessian(TrainingObjective objective) {
        super(objective);
        this.gradients = new Tensor[objective.chunks()];
        for (int c = 0; c < gradients.length; c++) {
            try (PointerScope scope = new PointerScope()) {
                TensorVector g = torch.grad(new TensorVector(objective.chunkLoss(c)), objective.paramVector(),
                        new TensorVector(), new BoolOptional(true), true, true);
                Tensor flat = objective.flatten(g);
                flat.retainReference();
                gradients[c] = flat;
            }
        }
    }

    @Override
    protected Tensor chunkProduct(int c, Tensor v) {
        Tensor gv = gradients[c].dot(v);
        if (!gv.requires_grad()) return null;
        TensorVector hv = torch.grad(new TensorVector(gv), objective.paramVector(), new TensorVector(),
                new BoolOptional(true), false, true);
        return objective.flatten(hv);
    }

    /** Releases the retained graph. */
    @Override
    public void close() {
        for (int c = 0; c < gradients.length; c++) {
            if (gradients[c] != null) {
                gradients[c].releaseReference();
                gradients[c] = null;
            }
        }
    }
}
