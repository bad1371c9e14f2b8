package org.sharpscope.study.uv;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * What {@code uv phase-diagram} found, written as summary.json: the grid and how many cells ended
 * in each late state ("unreachable" for starts with Q₀ &lt; 0).
 *
 * @param etaOverEtac the fixed η/η_c, null when it is the x axis
 * @param c           the fixed c = ηλ₀, null when it is the x axis
 * @param classifier  the analysis that labelled the cells
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PhaseDiagramSummary(PhaseDiagramSpec.XAxis xAxis, List<Double> xRange, @JsonProperty("f0_over_y_range") List<Double> f0OverYRange,
                                  List<Integer> grid, Double etaOverEtac, Double c,
                                  Map<String, Integer> lateStateCounts, String classifier, List<String> files) {

    /** Lines for people. */
    public List<String> describe() {
        return List.of("late states: " + lateStateCounts);
    }
}
