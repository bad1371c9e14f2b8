package org.sharpscope.nn.hessian;

import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The Gauss-Newton matrix G = Jᵀ H_out J (J: Jacobian of the outputs, H_out: Hessian of the loss
 * in the outputs; for MSE G = JᵀJ / (N·K), the scaled NTK's dual). Jv is formed by the
 * double-backward trick (∂/∂u of Jᵀu · v), so no forward-mode AD is needed.
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
}
