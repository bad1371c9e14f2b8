package org.sharpscope.nn.hessian;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.sharpscope.nn.HostTensors;
import org.sharpscope.spectral.LinearOperator;

/**
 * The exact Hessian of the training loss with respect to the flattened parameters, through
 * double-backward Hessian-vector products (∇(∇L · v)), summed over example chunks. Products are
 * computed in the objective's dtype and returned as doubles.
 */
public final class HessianOperator implements LinearOperator {
    private final TrainingObjective objective;
    private long products;

    public HessianOperator(TrainingObjective objective) {
        this.objective = objective;
    }

    public TrainingObjective objective() {
        return objective;
    }

    @Override
    public int dimension() {
        return objective.dimension();
    }

    /** Hessian-vector products computed so far. */
    public long products() {
        return products;
    }

    @Override
    public void apply(double[] x, double[] y) {
        try (PointerScope scope = new PointerScope()) {
            Tensor v = HostTensors.fromDoubles(x, new long[] {x.length}, objective.parameters().dtype());
            TensorVector params = objective.paramVector();
            Tensor acc = null;
            for (int c = 0; c < objective.chunks(); c++) {
                TensorVector g = torch.grad(new TensorVector(objective.chunkLoss(c)), params, new TensorVector(),
                        new BoolOptional(true), true, true);
                Tensor gv = objective.flatten(g).dot(v);
                if (!gv.requires_grad()) continue;
                TensorVector hv = torch.grad(new TensorVector(gv), params, new TensorVector(),
                        new BoolOptional(false), false, true);
                Tensor flat = objective.flatten(hv);
                acc = acc == null ? flat : acc.add_(flat);
            }
            if (acc == null) {
                java.util.Arrays.fill(y, 0);
            } else {
                System.arraycopy(HostTensors.toDoubles(acc), 0, y, 0, y.length);
            }
        }
        products++;
    }
}
