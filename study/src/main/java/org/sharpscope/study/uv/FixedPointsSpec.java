package org.sharpscope.study.uv;

import java.util.List;
import org.sharpscope.UserInputException;
import org.sharpscope.dynamics.Box;

/**
 * {@code uv fixed-points}: fixed points, lines of fixed points and periodic orbits of a UV map at
 * one η/η_c, found by Newton from a grid of seeds in a box. Null components take their defaults.
 *
 * @param etaOverEtac Y = η/η_c (&gt; 0, required)
 * @param maxPeriod   the longest period sought, 1..32 (default 2)
 * @param map         the map (default full)
 * @param box         the search box: x range, and for the full map the ηλ range (default
 *                    -3,3,-1,5+2Y; manifold: -2.5,2.5)
 * @param seeds       Newton seeds per axis, 2..400 (default 40)
 */
public record FixedPointsSpec(Double etaOverEtac, Integer maxPeriod, MapKind map, List<Double> box, Integer seeds) {
    public FixedPointsSpec {
        if (etaOverEtac == null) throw new UserInputException("give --eta-over-etac Y (> 0)");
        maxPeriod = maxPeriod != null ? maxPeriod : 2;
        map = map != null ? map : MapKind.full;
        seeds = seeds != null ? seeds : 40;
        UserInputException.requirePositive("--eta-over-etac", etaOverEtac);
        if (maxPeriod < 1 || maxPeriod > 32) throw new UserInputException("--max-period must be in 1..32, got " + maxPeriod);
        if (seeds < 2 || seeds > 400) throw new UserInputException("--seeds must be in 2..400, got " + seeds);
        if (box != null) {
            int need = map == MapKind.full ? 4 : 2;
            if (box.size() != need) {
                throw new UserInputException("--box needs " + need + " comma-separated numbers for --map " + map + ", got " + box.size());
            }
            for (Double v : box) UserInputException.requireFinite("--box", v == null ? Double.NaN : v);
            for (int i = 0; i < need; i += 2) {
                if (!(box.get(i) < box.get(i + 1))) {
                    throw new UserInputException("--box: empty range " + box.get(i) + ".." + box.get(i + 1) + "; give LO < HI");
                }
            }
        } else {
            box = map == MapKind.full ? List.of(-3.0, 3.0, -1.0, 5 + 2 * etaOverEtac) : List.of(-2.5, 2.5);
        }
        box = List.copyOf(box);
    }

    /** The search box: x (and for the full map ηλ). */
    public Box searchBox() {
        if (map == MapKind.full) return new Box(new double[] {box.get(0), box.get(2)}, new double[] {box.get(1), box.get(3)});
        return new Box(new double[] {box.get(0)}, new double[] {box.get(1)});
    }
}
