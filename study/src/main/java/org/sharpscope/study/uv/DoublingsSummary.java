package org.sharpscope.study.uv;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code uv doublings} found, written as summary.json: each doubling's η/η_c, the
 * extrapolated accumulation point (null with fewer than three doublings) and the Feigenbaum
 * ratios δ_k = (Y_k − Y_{k−1}) / (Y_{k+1} − Y_k).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DoublingsSummary(List<Doubling> doublings, Double accumulation, List<Double> feigenbaumRatios,
                               String map, int maxPeriod) {

    /** The stable period goes from {@code periodBefore} to {@code periodAfter} at {@code etaOverEtac}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Doubling(int periodBefore, int periodAfter, double etaOverEtac) {}

    /** Lines for people: each doubling, the accumulation point and the ratios. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Doubling d : doublings) {
            out.add(String.format(Locale.ROOT, "period %4d -> %4d at η/η_c = %.15f", d.periodBefore(), d.periodAfter(),
                    d.etaOverEtac()));
        }
        out.add("accumulation η/η_c ≈ " + accumulation);
        out.add("Feigenbaum ratios " + feigenbaumRatios);
        return out;
    }
}
