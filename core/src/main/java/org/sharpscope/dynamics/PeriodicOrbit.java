package org.sharpscope.dynamics;

import java.util.List;

/**
 * An isolated periodic orbit of minimal period p (p = 1: a fixed point): its points, the
 * multipliers of DF^p along it, the stability label, and whether every point is admissible.
 */
public record PeriodicOrbit(int period, double[][] points, List<Multiplier> multipliers,
                            Stability stability, boolean admissible) {
}
