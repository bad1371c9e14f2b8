package org.sharpscope.nn.hessian;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.sharpscope.nn.HostTensors;

/**
 * The Gauss-Newton matrix G = Jᵀ H_out J (J: Jacobian of the outputs, H_out: Hessian of the loss
 * in the outputs; for MSE G = JᵀJ / (N·K), the scaled NTK's dual). Jv is formed by the
 * double-backward trick (∂/∂u of Jᵀu · v), so no forward-mode AD is needed. A block of vectors
 * shares each chunk's forward pass and Jᵀu graph: two backward passes per vector instead of four
 * passes.
 */
public final class GaussNewtonOperator extends ChunkSumOperator {
    public GaussNewtonOperator(TrainingObjective objective) {
        super(objective);
    }

    @Override
    protected Tensor chunkProduct(int c, Tensor v) {
        TensorVector params = objective.paramVector();
        Tensor out = objective.outputs(c);
        Tensor u = torch.zeros_like(out).set_requires_grad(true);
        TensorVector jtu = torch.grad(new TensorVector(out), params, new TensorVector(u), new BoolOptional(true), true, true);
        Tensor s = objective.flatten(jtu).dot(v);
        Tensor jv = torch.grad(new TensorVector(s), new TensorVector(u), new TensorVector(),
                new BoolOptional(false), false, true).get(0);
        if (!jv.defined()) return null;
        Tensor hjv = objective.lossKind().outputHessianTimes(out.detach(), jv, objective.size());
        TensorVector gv = torch.grad(new TensorVector(out), params, new TensorVector(hjv), new BoolOptional(false), false, true);
        return objective.flatten(gv);
    }

    @Override
    public void applyBlock(double[][] xs, double[][] ys) {
        int b = xs.length;
        if (b <= 1) {
            if (b == 1) apply(xs[0], ys[0]);
            return;
        }
        int n = dimension();
        try (PointerScope scope = new PointerScope()) {
            double[] packed = new double[b * n];
            for (int j = 0; j < b; j++) System.arraycopy(xs[j], 0, packed, j * n, n);
            Tensor v = HostTensors.fromDoubles(packed, new long[] {b, n}, objective.parameters().dtype());
            Tensor acc = torch.zeros_like(v);
            TensorVector params = objective.paramVector();
            for (int c = 0; c < objective.chunks(); c++) {
                Tensor out = objective.outputs(c);
                Tensor u = torch.zeros_like(out).set_requires_grad(true);
                Tensor jtu = objective.flatten(torch.grad(new TensorVector(out), params, new TensorVector(u),
                        new BoolOptional(true), true, true));
                for (int j = 0; j < b; j++) {
                    Tensor jv = torch.grad(new TensorVector(jtu.dot(v.select(0, j))), new TensorVector(u),
                            new TensorVector(), new BoolOptional(true), false, true).get(0);
                    if (!jv.defined()) continue;
                    Tensor hjv = objective.lossKind().outputHessianTimes(out.detach(), jv, objective.size());
                    TensorVector gv = torch.grad(new TensorVector(out), params, new TensorVector(hjv),
                            new BoolOptional(true), false, true);
                    acc.select(0, j).add_(objective.flatten(gv));
                }
            }
            double[] flat = HostTensors.toDoubles(acc);
            for (int j = 0; j < b; j++) System.arraycopy(flat, j * n, ys[j], 0, n);
        }
        countProducts(b);
    }
}
