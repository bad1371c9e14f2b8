package org.sharpscope.dynamics;

import java.util.ArrayList;
import java.util.List;

/**
 * A periodic window of an orbit diagram: a run of consecutive parameter values whose attractor
 * has the same period p ≥ 1, entered from a chaotic value (period 0) on its left — windows inside
 * chaos, as opposed to the doubling cascade before it.
 */
public record PeriodicWindow(int period, double from, double to, int points) {
    /** The windows of a diagram's period sequence, each at least {@code minPoints} values long. */
    public static List<PeriodicWindow> find(double[] parameters, int[] periods, int minPoints) {
        List<PeriodicWindow> out = new ArrayList<>();
        int i = 0;
        while (i < periods.length) {
            int j = i;
            while (j + 1 < periods.length && periods[j + 1] == periods[i]) j++;
            boolean afterChaos = i > 0 && periods[i - 1] == 0;
            if (periods[i] > 0 && afterChaos && j - i + 1 >= minPoints) {
                out.add(new PeriodicWindow(periods[i], parameters[i], parameters[j], j - i + 1));
            }
            i = j + 1;
        }
        return out;
    }
}
