package org.sharpscope.study.uv;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sharpscope.dynamics.PeriodicWindow;

/**
 * What {@code uv bifurcation} found, written as summary.json: the periodic windows inside chaos,
 * the fraction of chaotic values, the first diverged η/η_c (null when none), the time the orbits
 * took and the files written.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BifurcationSummary(MapKind map, double from, double to, int points,
                                 @JsonProperty("transient") int transientSteps, int record,
                                 List<PeriodicWindow> windows, double chaoticFraction, Double divergedFrom,
                                 double orbitSeconds, List<String> files) {

    /** Lines for people: the size and time of the diagram, then each window. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%d values × %d recorded (after %d transient) in %.2f s; chaotic fraction %.3f; diverged from %s",
                points, record, transientSteps, orbitSeconds, chaoticFraction, divergedFrom));
        for (PeriodicWindow w : windows) {
            out.add(String.format(Locale.ROOT, "  periodic window: period %s for η/η_c in [%.6f, %.6f]", w.period(), w.from(), w.to()));
        }
        return out;
    }
}
