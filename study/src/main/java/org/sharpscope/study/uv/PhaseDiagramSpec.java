package org.sharpscope.study.uv;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Locale;
import org.sharpscope.UserInputException;

/**
 * {@code uv phase-diagram}: the regime of each cell of a grid of (c = ηλ₀ or η/η_c) × f₀/y. Null
 * components take their defaults.
 *
 * @param xAxis       the x axis: c at fixed η/η_c, or η/η_c at fixed c (default c)
 * @param xRange      range of the x axis, LO,HI with LO &gt; 0 (default 0.2,6 for c; 0.1,2.2 for η/η_c)
 * @param f0Range     range of f₀/y (default -1,2)
 * @param etaOverEtac fixed η/η_c when the x axis is c (default 0.8)
 * @param c           fixed c = ηλ₀ when the x axis is η/η_c (default 3)
 * @param grid        cells per axis NX,NY, each ≥ 2 and NX·NY ≤ 2000000 (default 120,90)
 * @param steps       GD steps per cell, 16..1000000 (default 3000)
 */
public record PhaseDiagramSpec(XAxis xAxis, List<Double> xRange, List<Double> f0Range, Double etaOverEtac, Double c,
                               List<Integer> grid, Integer steps) {

    /** The quantity along the x axis; lower case because these are the values users type. */
    public enum XAxis {
        c, eta_over_etac;

        /** "c", or "eta-over-etac" / "eta_over_etac" in any case. */
        @JsonCreator
        public static XAxis parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT).replace('-', '_')) {
                case "c" -> c;
                case "eta_over_etac" -> eta_over_etac;
                default -> throw new UserInputException("--x-axis: expected c or eta-over-etac, got '" + s + "'");
            };
        }
    }

    public PhaseDiagramSpec {
        xAxis = xAxis != null ? xAxis : XAxis.c;
        etaOverEtac = etaOverEtac != null ? etaOverEtac : 0.8;
        c = c != null ? c : 3.0;
        steps = steps != null ? steps : 3000;
        xRange = xAxis == XAxis.c ? VectorFieldSpec.range("--x-range", xRange, 0.2, 6)
                : VectorFieldSpec.range("--x-range", xRange, 0.1, 2.2);
        f0Range = VectorFieldSpec.range("--f0-range", f0Range, -1, 2);
        UserInputException.requirePositive("--eta-over-etac", etaOverEtac);
        UserInputException.requirePositive("--c", c);
        if (xRange.get(0) <= 0) {
            throw new UserInputException("--x-range must be positive (c and η/η_c are > 0), got " + xRange.get(0));
        }
        grid = grid != null ? grid : List.of(120, 90);
        if (grid.size() != 2 || grid.get(0) == null || grid.get(1) == null || grid.get(0) < 2 || grid.get(1) < 2 || (long) grid.get(0) * grid.get(1) > 2_000_000) {
            throw new UserInputException("--grid wants NX,NY with 2 ≤ N and NX·NY ≤ 2000000");
        }
        grid = List.copyOf(grid);
        if (steps < 16 || steps > 1_000_000) throw new UserInputException("--steps must be in 16..1000000, got " + steps);
    }
}
