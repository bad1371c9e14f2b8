package org.sharpscope.nn.loss;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.sharpscope.UserInputException;

/**
 * Training losses (docs/theory.md §8). MSE is ½ · mean over examples and outputs of (f − y)²;
 * cross-entropy is the mean over examples of −Σ_k y_k log softmax(f)_k (targets one-hot).
 * {@link #partialSum} evaluates a batch's share of the loss of a set of N examples, so that
 * chunked sums add up to the full loss.
 */
public enum Loss {
    MSE, CE;

    public String key() {
        return name().toLowerCase();
    }

    public static Loss parse(String text) {
        for (Loss l : values()) if (l.key().equalsIgnoreCase(text.trim())) return l;
        throw new UserInputException("unknown loss '" + text + "': use mse or ce");
    }

    /** This batch's contribution to the loss over {@code totalExamples} examples (a 0-dim tensor). */
    public Tensor partialSum(Tensor outputs, Tensor targets, long totalExamples) {
        long k = outputs.size(1);
        if (this == MSE) {
            Tensor r = outputs.sub(targets);
            return r.mul(r).sum().mul(new Scalar(1.0 / (2.0 * totalExamples * k)));
        }
        return targets.mul(torch.log_softmax(outputs, 1)).sum().mul(new Scalar(-1.0 / totalExamples));
    }

    /**
     * The loss Hessian with respect to the outputs applied to {@code u} [batch, K], scaled for a
     * total of {@code totalExamples} examples (used by the Gauss-Newton operator).
     */
    public Tensor outputHessianTimes(Tensor outputs, Tensor u, long totalExamples) {
        long k = outputs.size(1);
        if (this == MSE) return u.mul(new Scalar(1.0 / ((double) totalExamples * k)));
        Tensor p = torch.softmax(outputs, 1);
        Tensor pu = p.mul(u).sum(new long[] {1}, true, new org.bytedeco.pytorch.ScalarTypeOptional());
        return p.mul(u).sub(p.mul(pu)).mul(new Scalar(1.0 / totalExamples));
    }
}
