package org.sharpscope.study.uv;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.sharpscope.dynamics.Stability;

/**
 * What {@code uv vector-field} drew, written as summary.json: the plane's ranges, the isolated
 * fixed points with their stability, where the line of minima is stable and reachable, and where
 * each trajectory started and ended.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VectorFieldSummary(double etaOverEtac, List<Double> xRange, List<Double> lambdaRange,
                                 List<FixedPoint> fixedPoints, MinimaLine minimaLine, List<Trajectory> trajectories,
                                 List<String> files) {

    /** An isolated fixed point. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FixedPoint(double x, double etaLambda, Stability stability, boolean admissible) {
        /** As the report line prints it: {x=…, eta_lambda=…, stability=…, admissible=…}. */
        @Override
        public String toString() {
            return "{x=" + x + ", eta_lambda=" + etaLambda + ", stability=" + stability.json() + ", admissible=" + admissible + "}";
        }
    }

    /**
     * The line of minima x = 0.
     *
     * @param stableReachableEtaLambda the ηλ interval [2Y, 2] of minima that are stable and
     *                                 reachable, null when empty (Y ≥ 1)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MinimaLine(double x, List<Double> stableReachableEtaLambda, String note) {}

    /** Where a trajectory started and ended, as (x, ηλ). */
    public record Trajectory(double[] start, double[] end) {}

    /** Lines for people. */
    public List<String> describe() {
        return List.of("fixed points " + fixedPoints);
    }
}
