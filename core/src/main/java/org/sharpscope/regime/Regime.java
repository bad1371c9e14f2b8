package org.sharpscope.regime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The regime of one training trajectory (docs/theory.md §6), in the vocabulary every analysis shares:
 * early trend of the sharpness, whether a catapult happened (and the step of its loss peak), the
 * late state, the late-time period of the sharpness (0 when none: converged runs have period 1,
 * EoS runs p ≥ 2 (or 0 for a real network hovering at 2/η without an exact period, see
 * {@link EdgeOfStability}), chaotic and diverged runs 0) and the step at which the run diverged.
 * JSON names: {@code early_trend, catapult, catapult_at, late_state, period, diverged_at}.
 */
@JsonPropertyOrder({"early_trend", "catapult", "catapult_at", "late_state", "period", "diverged_at"})
public record Regime(
        @JsonProperty("early_trend") EarlyTrend earlyTrend,
        @JsonProperty("catapult") boolean catapult,
        @JsonProperty("catapult_at") Long catapultAt,
        @JsonProperty("late_state") LateState lateState,
        @JsonProperty("period") int period,
        @JsonProperty("diverged_at") Long divergedAt) {

    /** One line for people, e.g. "progressive sharpening, no catapult, EoS with period 2". */
    public String describe() {
        String trend = earlyTrend.label().replace('_', ' ');
        String cat = catapult ? "catapult at step " + catapultAt : "no catapult";
        String late = switch (lateState) {
            case CONVERGED -> "converged";
            case EOS -> period == 0 ? "edge of stability (no exact period)" : "edge of stability with period " + period;
            case CHAOTIC -> "chaotic (bounded, no short period)";
            case DIVERGED -> "diverged at step " + divergedAt;
        };
        return trend + ", " + cat + ", " + late;
    }
}
