package org.sharpscope.nn.train;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The Lyapunov exponents of a training run's map θ ↦ θ − η·update(θ) (natural log per step),
 * averaged over the {@code averagedSteps} steps after the first {@code transientSteps}, with their
 * standard errors from batch means (NaN with fewer than two batches). docs/train.md defines them.
 *
 * <ul>
 *   <li>{@code weightSpace}: the top exponents of the tangent map in weight space (on (θ, velocity)
 *       for momentum), largest first — never below 0 for a network with flat Hessian directions,
 *       where the tangent map is the identity.</li>
 *   <li>{@code lossSpectrum}: the exponents seen by the loss — of the tangent map restricted to the
 *       top-{@code lossSubspace} eigenspace of the Gauss–Newton matrix (the directions that move
 *       the outputs most), largest first; {@code loss} is the largest, the one to set beside the UV
 *       model's manifold map.</li>
 *   <li>{@code lossSubspaceRotation}: the mean per step of −ln|det(V_{t+1}ᵀV_t)| ≥ 0 over the tracked
 *       subspaces: how much the turning of the subspace lowers the sum of the loss exponents (near 0
 *       when the top directions are stable; large when a direction from outside crosses in).</li>
 *   <li>{@code hessianProducts}, {@code gaussNewtonProducts}: the products the exponents used.</li>
 * </ul>
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LyapunovExponents(int transientSteps, int averagedSteps, double[] weightSpace, double[] weightSpaceError,
                                double loss, double lossError, double[] lossSpectrum, double[] lossSpectrumError,
                                int lossSubspace, double lossSubspaceRotation, long hessianProducts,
                                long gaussNewtonProducts) {
    /** The largest weight-space exponent. */
    public double largest() {
        return weightSpace[0];
    }
}
