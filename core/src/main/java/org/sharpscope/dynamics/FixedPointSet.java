package org.sharpscope.dynamics;

import java.util.List;

/** What {@link FixedPoints#find} found in a box at one parameter value: isolated orbits and lines. */
public record FixedPointSet(String map, double parameter, List<PeriodicOrbit> orbits, List<FixedLine> lines) {
}
