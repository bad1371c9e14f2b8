package org.sharpscope.nn.hessian;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.sharpscope.nn.HostTensors;
import org.sharpscope.spectral.LinearOperator;

/**
 * The Gauss-Newton matrix G = Jᵀ H_out J (J: Jacobian of the outputs, H_out: Hessian of the loss
 * in the outputs; for MSE G = JᵀJ / (N·K), the scaled NTK's dual). Jv is formed by the
 * double-backward trick (∂/∂u of Jᵀu · v), so no forward-mode AD is needed.
 */
public final class GaussNewtonOperator implements LinearOperator {
    private final TrainingObjective objective;
    private long products;

    public GaussNewtonOperator(TrainingObjective objective) {
        this.objective = objective;
    }

    @Override
    public int dimension() {
        return objective.dimension();
    }

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
                Tensor out = objective.outputs(c);
                Tensor u = torch.zeros_like(out).set_requires_grad(true);
                TensorVector jtu = torch.grad(new TensorVector(out), params, new TensorVector(u),
                        new BoolOptional(true), true, true);
                Tensor s = objective.flatten(jtu).dot(v);
                Tensor jv = torch.grad(new TensorVector(s), new TensorVector(u), new TensorVector(),
                        new BoolOptional(false), false, true).get(0);
                if (!jv.defined()) continue;
                Tensor hjv = objective.lossKind().outputHessianTimes(out.detach(), jv, objective.size());
                TensorVector gv = torch.grad(new TensorVector(out), params, new TensorVector(hjv),
                        new BoolOptional(false), false, true);
                Tensor flat = objective.flatten(gv);
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
