package org.sharpscope.study.uv;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sharpscope.dynamics.Multiplier;
import org.sharpscope.dynamics.Stability;

/**
 * What {@code uv fixed-points} found, written as summary.json: the isolated periodic orbits with
 * their multipliers and stability, and the lines of fixed points split by transverse stability.
 * Coordinates are dimensionless: x = η√κΔf, eta_lambda = ηλ.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FixedPointsSummary(double etaOverEtac, MapKind map, Range box, List<Orbit> orbits, List<Line> lines) {

    /** The search box. */
    public record Range(double[] lo, double[] hi) {}

    /** A point of the (x, ηλ) plane. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Point(double x, double etaLambda) {
        /** As the report lines print it: {x=…, eta_lambda=…}. */
        @Override
        public String toString() {
            return "{x=" + x + ", eta_lambda=" + etaLambda + "}";
        }
    }

    /** An isolated orbit of minimal period {@code period}; {@code admissible}: every point has Q ≥ 0. */
    public record Orbit(int period, List<Point> points, List<Multiplier> multipliers, Stability stability,
                        boolean admissible) {}

    /** A line of fixed points inside the box, as segments of constant transverse stability. */
    public record Line(int period, Point from, Point to, String name, List<Segment> segments) {}

    /** A piece of a line with one transverse stability. */
    public record Segment(Point from, Point to, Stability transverse, boolean admissible) {}

    /** Lines for people: the value and map, each orbit, each line. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "η/η_c = %s, map %s", etaOverEtac, map));
        for (Orbit o : orbits) {
            out.add("  period " + o.period() + ": " + o.stability().json() + (o.admissible() ? "" : " (not admissible)")
                    + " at " + o.points());
        }
        for (Line l : lines) out.add("  line " + l.name() + " from " + l.from() + " to " + l.to());
        return out;
    }
}
