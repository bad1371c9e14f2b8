package org.sharpscope.study.uv;

import java.util.ArrayList;
import java.util.List;
import org.sharpscope.UserInputException;

/**
 * {@code uv vector-field}: the field of one GD step in the dimensionless (x, ηλ) plane at one
 * η/η_c, with trajectories overlaid. Null components take their defaults.
 *
 * @param etaOverEtac Y = η/η_c (&gt; 0, required)
 * @param xRange      range of x = η√κΔf, LO,HI (default -1.5,1.5)
 * @param lambdaRange range of ηλ, LO,HI (default 0,4+2Y)
 * @param grid        arrows per axis, 2..200 (default 25)
 * @param trajectory  starts "X,L" of the trajectories to overlay (default: two starts on either side of ηλ = 2)
 * @param steps       steps per trajectory, 1..100000 (default 40)
 */
public record VectorFieldSpec(Double etaOverEtac, List<Double> xRange, List<Double> lambdaRange, Integer grid,
                              List<String> trajectory, Integer steps) {
    public VectorFieldSpec {
        if (etaOverEtac == null) throw new UserInputException("give --eta-over-etac Y (> 0)");
        grid = grid != null ? grid : 25;
        steps = steps != null ? steps : 40;
        UserInputException.requirePositive("--eta-over-etac", etaOverEtac);
        xRange = range("--x-range", xRange, -1.5, 1.5);
        lambdaRange = range("--lambda-range", lambdaRange, 0, 4 + 2 * etaOverEtac);
        if (grid < 2 || grid > 200) throw new UserInputException("--grid must be in 2..200, got " + grid);
        if (steps < 1 || steps > 100_000) throw new UserInputException("--steps must be in 1..100000, got " + steps);
        if (trajectory == null) {
            double y = etaOverEtac;
            trajectory = List.of(-0.6 * Math.min(1, y) + "," + (2 * Math.abs(y * 0.4) + 0.3), 0.3 + "," + (2 * (0.3 + y) + 0.4));
        }
        trajectory = List.copyOf(trajectory);
        starts(trajectory);
    }

    /** The starts (x, ηλ) of the trajectories. */
    public double[][] starts() {
        return starts(trajectory);
    }

    private static double[][] starts(List<String> trajectory) {
        List<double[]> s = new ArrayList<>();
        for (String t : trajectory) {
            String[] p = t.split(",");
            if (p.length != 2) throw new UserInputException("--trajectory wants X,L (two numbers), got '" + t + "'");
            try {
                double x = UserInputException.requireFinite("--trajectory x", Double.parseDouble(p[0].trim()));
                double l = UserInputException.requireFinite("--trajectory ηλ", Double.parseDouble(p[1].trim()));
                s.add(new double[] {x, l});
            } catch (NumberFormatException e) {
                throw new UserInputException("--trajectory wants numbers X,L, got '" + t + "'");
            }
        }
        return s.toArray(new double[0][]);
    }

    /** A validated LO,HI range, or the default when not given. */
    static List<Double> range(String flag, List<Double> r, double lo, double hi) {
        if (r == null) return List.of(lo, hi);
        if (r.size() != 2) throw new UserInputException(flag + " wants LO,HI (two numbers), got " + r.size());
        double a = UserInputException.requireFinite(flag, r.get(0) == null ? Double.NaN : r.get(0));
        double b = UserInputException.requireFinite(flag, r.get(1) == null ? Double.NaN : r.get(1));
        if (!(a < b)) throw new UserInputException(flag + ": empty range " + a + ".." + b + "; give LO < HI");
        return List.of(a, b);
    }
}
