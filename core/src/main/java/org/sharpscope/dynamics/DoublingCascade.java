package org.sharpscope.dynamics;

import java.util.ArrayList;
import java.util.List;

/**
 * The period-doubling cascade of a {@link DiscreteMap} along its parameter: starting from a stable
 * period-p orbit, the orbit is continued in the parameter (Newton on F^p(x) = x at each step) until
 * its multiplier crosses −1, i.e. det(DF^p + I) changes sign; that crossing is then located by
 * bisection on the parameter to machine precision, with the orbit re-solved by Newton at every
 * trial value. The newborn period-2p orbit is picked up by Newton from the parent point displaced
 * along the flip eigenvector, and the search repeats. From the doubling points r_k come the
 * Feigenbaum ratios δ_k = (r_k − r_{k−1}) / (r_{k+1} − r_k) and the accumulation point
 * (geometric extrapolation of the last three).
 */
public final class DoublingCascade {
    /** One period doubling: the stable period goes from {@code periodBefore} to twice that at {@code parameter}. */
    public record Doubling(int periodBefore, int periodAfter, double parameter) {
    }

    /** The doublings found, the extrapolated accumulation point (null with fewer than 3) and δ_k. */
    public record Result(List<Doubling> doublings, Double accumulation, List<Double> feigenbaumRatios) {
    }

    /**
     * Feigenbaum's constant δ, the limit of the ratios δ_k for every map in the universality class
     * of the logistic map (one quadratic maximum), the UV EoS manifold map among them.
     */
    public static final double FEIGENBAUM_DELTA = 4.669201609102990;

    private static final int TRANSIENT = 20_000;

    private DoublingCascade() {}

    /**
     * Finds the doublings of the attractor reached from {@code x0} at parameter {@code from}, up to
     * period {@code maxPeriod}, searching parameters in ({@code from}, {@code to}).
     */
    public static Result locate(DiscreteMap family, double[] x0, double from, double to, int maxPeriod) {
        if (!(from < to)) throw new IllegalArgumentException("need from < to");
        DiscreteMap map = family.at(from);
        double scale = scaleOf(x0);
        double[] x = settle(map, x0);
        int p = attractorPeriod(map, x, maxPeriod);
        if (p == 0) throw new IllegalStateException("no periodic attractor at parameter " + from);
        x = FixedPoints.newton(new IteratedMap(map, p), x, scale);
        if (x == null) throw new IllegalStateException("cannot polish the period-" + p + " orbit at " + from);

        List<Doubling> doublings = new ArrayList<>();
        double r = from;
        double dr = (to - from) / 400;
        while (2 * p <= maxPeriod) {
            double[] bracket = scanForFlip(family, p, x, r, to, dr, scale);
            if (bracket == null) break;
            double rk = bisect(family, p, bracket, scale);
            doublings.add(new Doubling(p, 2 * p, rk));
            double gap = doublings.size() >= 2
                    ? (rk - doublings.get(doublings.size() - 2).parameter()) / 4.0
                    : (rk - from) / 4.0;
            double[] xAt = FixedPoints.newton(new IteratedMap(family.at(rk), p),
                    slice(bracket, 2, family.dimension()), scale);
            if (xAt == null) break;
            double[] start = newbornOrbit(family, p, xAt, rk, gap, scale);
            if (start == null) break;
            r = start[start.length - 1];
            x = slice(start, 0, family.dimension());
            p *= 2;
            dr = gap / 40;
        }
        List<Double> ratios = new ArrayList<>();
        for (int k = 1; k + 1 < doublings.size(); k++) {
            double a = doublings.get(k).parameter() - doublings.get(k - 1).parameter();
            double b = doublings.get(k + 1).parameter() - doublings.get(k).parameter();
            ratios.add(a / b);
        }
        Double acc = null;
        int n = doublings.size();
        if (n >= 3) {
            double rn = doublings.get(n - 1).parameter();
            double gapN = rn - doublings.get(n - 2).parameter();
            double delta = ratios.get(ratios.size() - 1);
            acc = rn + gapN / (delta - 1);
        }
        return new Result(doublings, acc, ratios);
    }

    /**
     * Continues the period-p orbit through x from parameter r upward in steps dr until
     * det(DF^p + I) changes sign; returns {lo, hi, x at lo...} or null when none before {@code to}.
     */
    private static double[] scanForFlip(DiscreteMap family, int p, double[] x, double r, double to, double dr, double scale) {
        double hPrev = flipFunction(family.at(r), p, x);
        double[] xPrev = x;
        double rPrev = r;
        double step = dr;
        while (rPrev < to) {
            double rNext = Math.min(to, rPrev + step);
            double[] xNext = continueOrbit(family.at(rNext), p, xPrev, scale);
            if (xNext == null) {
                step /= 2;
                if (step < 1e-14 * Math.max(1, Math.abs(rPrev))) return null;
                continue;
            }
            double h = flipFunction(family.at(rNext), p, xNext);
            if (hPrev > 0 && h <= 0) {
                double[] out = new double[2 + x.length];
                out[0] = rPrev;
                out[1] = rNext;
                System.arraycopy(xPrev, 0, out, 2, x.length);
                return out;
            }
            hPrev = h;
            xPrev = xNext;
            rPrev = rNext;
            step = Math.min(dr, step * 2);
            if (rNext >= to) break;
        }
        return null;
    }

    private static double bisect(DiscreteMap family, int p, double[] bracket, double scale) {
        double lo = bracket[0];
        double hi = bracket[1];
        double[] x = slice(bracket, 2, family.dimension());
        for (int it = 0; it < 200 && hi - lo > 2 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi))); it++) {
            double mid = 0.5 * (lo + hi);
            double[] xm = continueOrbit(family.at(mid), p, x, scale);
            if (xm == null) {
                hi = mid;
                continue;
            }
            if (flipFunction(family.at(mid), p, xm) > 0) {
                lo = mid;
                x = xm;
            } else {
                hi = mid;
            }
        }
        System.arraycopy(x, 0, bracket, 2, x.length);
        return 0.5 * (lo + hi);
    }

    /**
     * The stable period-2p orbit born at rk: Newton on F^{2p} from the parent point displaced along
     * the flip eigenvector, at a parameter a little past rk. Returns {x..., r} or null.
     */
    private static double[] newbornOrbit(DiscreteMap family, int p, double[] parent, double rk, double gap, double scale) {
        int d = family.dimension();
        double[] v = flipDirection(family.at(rk), p, parent);
        for (double frac : new double[] {0.05, 0.1, 0.2, 0.02, 0.3}) {
            double r = rk + frac * gap;
            DiscreteMap map = family.at(r);
            IteratedMap f2p = new IteratedMap(map, 2 * p);
            for (double delta : new double[] {1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 3e-1}) {
                double[] seed = new double[d];
                for (int i = 0; i < d; i++) seed[i] = parent[i] + delta * scale * v[i];
                double[] x = FixedPoints.newton(f2p, seed, scale);
                if (x == null || FixedPoints.minimalPeriod(map, x, 2 * p, scale) != 2 * p) continue;
                if (flipFunction(map, 2 * p, x) <= 0 || !isStable(map, 2 * p, x)) continue;
                double[] out = new double[d + 1];
                System.arraycopy(x, 0, out, 0, d);
                out[d] = r;
                return out;
            }
        }
        return null;
    }

    private static boolean isStable(DiscreteMap map, int p, double[] x) {
        int d = map.dimension();
        double[] jac = new double[d * d];
        new IteratedMap(map, p).apply(x, new double[d], jac);
        for (Multiplier m : Multiplier.of(jac, d)) if (m.modulus() >= 1) return false;
        return true;
    }

    /** det(DF^p(x) + I): changes sign where a multiplier of the orbit crosses −1. */
    static double flipFunction(DiscreteMap map, int p, double[] x) {
        int d = map.dimension();
        double[] jac = new double[d * d];
        new IteratedMap(map, p).apply(x, new double[d], jac);
        if (d == 1) return jac[0] + 1;
        if (d == 2) return (jac[0] + 1) * (jac[3] + 1) - jac[1] * jac[2];
        double prod = 1;
        for (Multiplier m : Multiplier.of(jac, d)) prod *= Math.hypot(m.re() + 1, m.im()) * Math.signum(m.re() + 1 == 0 ? 1 : m.re() + 1);
        return prod;
    }

    private static double[] flipDirection(DiscreteMap map, int p, double[] x) {
        int d = map.dimension();
        if (d == 1) return new double[] {1};
        double[] jac = new double[d * d];
        new IteratedMap(map, p).apply(x, new double[d], jac);
        // Eigenvector of eigenvalue −1: null vector of J + I (2-D closed form, else power-free fallback).
        if (d == 2) {
            double a = jac[0] + 1;
            double b = jac[1];
            double c = jac[2];
            double e = jac[3] + 1;
            double[] v = Math.hypot(a, b) >= Math.hypot(c, e) ? new double[] {-b, a} : new double[] {-e, c};
            double n = Math.hypot(v[0], v[1]);
            if (n == 0) return new double[] {1, 0};
            return new double[] {v[0] / n, v[1] / n};
        }
        double[] v = new double[d];
        v[0] = 1;
        return v;
    }

    private static double[] continueOrbit(DiscreteMap map, int p, double[] x, double scale) {
        double[] y = FixedPoints.newton(new IteratedMap(map, p), x, scale);
        if (y == null || FixedPoints.minimalPeriod(map, y, p, scale) != p) return null;
        if (FixedPoints.distance(x, y) > 0.5 * scale) return null;
        return y;
    }

    private static double[] settle(DiscreteMap map, double[] x0) {
        double[] x = x0.clone();
        for (int i = 0; i < TRANSIENT; i++) map.step(x, x);
        return x;
    }

    private static int attractorPeriod(DiscreteMap map, double[] x, int maxPeriod) {
        double[] series = new double[4 * Math.max(maxPeriod, 8)];
        double[] c = x.clone();
        for (int i = 0; i < series.length; i++) {
            series[i] = c[0];
            map.step(c, c);
        }
        return Periodicity.period(series, maxPeriod, 1e-9);
    }

    private static double scaleOf(double[] x0) {
        double s = 1;
        for (double v : x0) s = Math.max(s, Math.abs(v));
        return s;
    }

    private static double[] slice(double[] a, int from, int len) {
        double[] out = new double[len];
        System.arraycopy(a, from, out, 0, len);
        return out;
    }
}
