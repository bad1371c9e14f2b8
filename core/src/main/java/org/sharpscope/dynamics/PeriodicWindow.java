package org.sharpscope.dynamics;

import java.util.ArrayList;
import java.util.List;

/**
 * A periodic window of an orbit diagram: a run of consecutive parameter values whose attractor
 * has the same period p ≥ 1, entered from a chaotic value on its left (period 0 and, when exponents
 * are given, a Lyapunov exponent above {@link #CHAOS_THRESHOLD}, so slow convergence near a bifurcation does not count) —
 * windows inside chaos, as opposed to the doubling cascade before it.
 */
public record PeriodicWindow(int period, double from, double to, int points) {
    /**
     * Exponent a value left of a window must exceed to count as chaotic: finite-time exponents of
     * slowly converging or neutral orbits (the line of minima has multiplier 1) sit within ~0.01 of 0.
     */
    public static final double CHAOS_THRESHOLD = 0.01;

    /** The windows of a diagram's period sequence, each at least {@code minPoints} values long. */
    public static List<PeriodicWindow> find(double[] parameters, int[] periods, int minPoints) {
        return find(parameters, periods, null, minPoints);
    }

    /** As above; {@code lyapunov} (may be null) must be positive at the chaotic value before a window. */
    public static List<PeriodicWindow> find(double[] parameters, int[] periods, double[] lyapunov, int minPoints) {
        List<PeriodicWindow> out = new ArrayList<>();
        int i = 0;
        while (i < periods.length) {
            int j = i;
            while (j + 1 < periods.length && periods[j + 1] == periods[i]) j++;
            boolean afterChaos = i > 0 && periods[i - 1] == 0 && (lyapunov == null || lyapunov[i - 1] > CHAOS_THRESHOLD);
            if (periods[i] > 0 && afterChaos && j - i + 1 >= minPoints) {
                out.add(new PeriodicWindow(periods[i], parameters[i], parameters[j], j - i + 1));
            }
            i = j + 1;
        }
        return out;
    }
}
