package org.sharpscope.nn.hessian;

import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The exact Hessian of the training loss with respect to the flattened parameters, through
 * double-backward Hessian-vector products (∇(∇L · v)), summed over example chunks. Products are
 * computed in the objective's dtype and returned as doubles.
 */
public final class HessianOperator extends ChunkSumOperator {
    public HessianOperator(TrainingObjective objective) {
        super(objective);
    }

    @Override
    protected Tensor chunkProduct(int c, Tensor v) {
        TensorVector params = objective.paramVector();
        TensorVector g = torch.grad(new TensorVector(objective.chunkLoss(c)), params, new TensorVector(),
                new BoolOptional(true), true, true);
        Tensor gv = objective.flatten(g).dot(v);
        if (!gv.requires_grad()) return null;
        TensorVector hv = torch.grad(new TensorVector(gv), params, new TensorVector(), new BoolOptional(false), false, true);
        return objective.flatten(hv);
    }
}
