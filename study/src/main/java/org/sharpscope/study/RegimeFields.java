package org.sharpscope.study;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import org.sharpscope.regime.EarlyTrend;
import org.sharpscope.regime.LateState;
import org.sharpscope.run.Json;

/**
 * The regime fields and learning-rate figures that every training task's summary.json carries
 * (docs/theory.md §6), read typed from any summary whatever else it holds: {@code uv run},
 * {@code train} and the like. A field the summary lacks, or holds with an unknown value, is
 * null; a summary whose fields have other types reads as {@link #NONE}.
 *
 * @param period     the late-time period of the sharpness (0: none)
 * @param divergedAt the step at which the run diverged, null when it did not
 * @param eta        the learning rate η
 * @param c          η times the initial sharpness, c = ηλ₀^H
 * @param lambda0    the initial NTK eigenvalue (UV) or sharpness scale λ₀
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RegimeFields(EarlyTrend earlyTrend, Boolean catapult, LateState lateState, Integer period, Long divergedAt,
                           Double eta, Double c, Double lambda0) {
    /** The summary.json name of {@link #lateState}: the default label of a regime grid. */
    public static final String LATE_STATE = "late_state";

    /** No summary: every field null. */
    public static final RegimeFields NONE = new RegimeFields(null, null, null, null, null, null, null, null);

    private static final ObjectReader READER = Json.JSON.readerFor(RegimeFields.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .with(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

    /** The fields of a summary read as a JSON tree; {@link #NONE} when they do not bind. */
    public static RegimeFields of(JsonNode summary) {
        if (summary == null || !summary.isObject()) return NONE;
        try {
            return READER.readValue(summary);
        } catch (IOException | IllegalArgumentException e) {
            return NONE;
        }
    }

    /** True when the run's late state is {@code diverged}. */
    public boolean diverged() {
        return lateState == LateState.DIVERGED;
    }

    /** {@link #eta} as a double, NaN when absent. */
    public double etaOrNaN() {
        return eta == null ? Double.NaN : eta;
    }

    /** {@link #c} as a double, NaN when absent. */
    public double cOrNaN() {
        return c == null ? Double.NaN : c;
    }
}
