package org.sharpscope.nn.hessian;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.sharpscope.nn.HostTensors;
import org.sharpscope.spectral.LinearOperator;

/**
 * The exact Hessian at fixed weights, like {@link HessianOperator}, but the graph of ∇L is built
 * once (one forward and one create-graph backward per chunk) and kept, so each product is a single
 * backward pass through it (retain_graph) — about a third cheaper when many products are taken at
 * the same weights, as in one sharpness probe. It holds the graph's memory (about that of one
 * gradient evaluation per chunk) until {@link #close()}; the weights must not change meanwhile.
 */
public final class RetainedGraphHessian implements LinearOperator, AutoCloseable {
    private final TrainingObjective objective;
    private final Tensor[] gradients;
    private long products;

    public RetainedGraphHessian(TrainingObjective objective) {
        this.objective = objective;
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
            Tensor acc = null;
            for (Tensor g : gradients) {
                Tensor gv = g.dot(v);
                if (!gv.requires_grad()) continue;
                TensorVector hv = torch.grad(new TensorVector(gv), objective.paramVector(), new TensorVector(),
                        new BoolOptional(true), false, true);
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
