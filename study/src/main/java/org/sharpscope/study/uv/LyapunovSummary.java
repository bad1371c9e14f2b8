package org.sharpscope.study.uv;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Locale;

/**
 * What {@code uv lyapunov} found, written as summary.json: at one η/η_c its exponents
 * ({@code atOneValue}), or over a range the same quantities as lists ({@code overRange}); exactly
 * one is set, and its keys are the summary's. Exponents that are not finite are null.
 */
public record LyapunovSummary(@JsonUnwrapped AtOneValue atOneValue, @JsonUnwrapped OverRange overRange) {

    /**
     * The exponents at one η/η_c.
     *
     * @param lyapunov        the largest exponent, on the manifold map
     * @param period          the attractor's period (0: chaotic, -1: diverged)
     * @param transverse      the exponent transverse to the manifold Q = 0
     * @param fullMapSpectrum both exponents of the 2-D map (QR method) from just off the manifold
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AtOneValue(double etaOverEtac, Double lyapunov, int period, Double transverse,
                             List<Double> fullMapSpectrum, boolean diverged) {}

    /** The same quantities for each η/η_c of a range, in order. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OverRange(List<Double> etaOverEtac, List<Double> lyapunov, List<Integer> period,
                            List<Double> transverse, List<List<Double>> fullMapSpectrum) {}

    /** Lines for people. */
    public List<String> describe(LyapunovSpec spec) {
        if (atOneValue != null) {
            AtOneValue s = atOneValue;
            return List.of(String.format(Locale.ROOT,
                    "η/η_c = %s: largest exponent %s, period %s (0: chaotic, -1: diverged), transverse %s, full 2-D spectrum %s",
                    s.etaOverEtac(), s.lyapunov(), s.period(), s.transverse(), s.fullMapSpectrum()));
        }
        return List.of(spec.points() + " values of η/η_c in [" + spec.from() + ", " + spec.to()
                + "] (metrics.csv, plots/lyapunov.png)");
    }
}
