package org.sharpscope.nn.train;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The Lyapunov exponents of a training run's map θ ↦ θ − η·update(θ) (natural log per step),
 * averaged over the {@code averagedSteps} steps after the first {@code transientSteps}, with their standard errors from batch means.
 * {@code weightSpace}: the top exponents of the tangent map in weight space, largest first — never
 * below 0 for a network with flat Hessian directions, where the tangent map is the identity.
 * {@code loss}: the largest exponent of the directions the loss sees, the one to set beside the UV
 * model's manifold map (docs/train.md says how it is defined).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LyapunovExponents(int transientSteps, int averagedSteps, double[] weightSpace, double[] weightSpaceError,
                                double loss, double lossError) {
    /** The largest weight-space exponent. */
    public double largest() {
        return weightSpace[0];
    }
}
