package org.sharpscope.dynamics;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Fixed points and periodic orbits of a {@link DiscreteMap} inside a {@link Box}: Newton on
 * F^p(x) − x from a grid of seeds (minimum-norm steps, so singular Jacobians on lines of fixed
 * points are fine), deduplicated, each with its multipliers and {@link Stability}. Straight lines
 * of fixed points (multiplier 1 along them) are recognised and reported as {@link FixedLine}s.
 */
public final class FixedPoints {
    private static final int MAX_NEWTON = 80;
    private static final double LINE_TOL = 1e-7;
    private static final int LINE_SAMPLES = 400;

    private FixedPoints() {}

    /** All orbits of minimal period 1..maxPeriod found from n^d seeds in the box. */
    public static FixedPointSet find(DiscreteMap map, Box box, int maxPeriod, int seedsPerAxis) {
        if (box.dimension() != map.dimension()) {
            throw new IllegalArgumentException("box has dimension " + box.dimension() + ", map " + map.dimension());
        }
        List<PeriodicOrbit> orbits = new ArrayList<>();
        List<FixedLine> lines = new ArrayList<>();
        double scale = Math.max(1, box.diameter());
        List<double[]> seeds = box.grid(seedsPerAxis);
        for (int p = 1; p <= maxPeriod; p++) {
            IteratedMap fp = new IteratedMap(map, p);
            List<double[]> lineCandidates = new ArrayList<>();
            List<double[]> isolated = new ArrayList<>();
            for (double[] seed : seeds) {
                double[] x = newton(fp, seed, scale);
                if (x == null || !box.contains(x, 1e-9 * scale) || minimalPeriod(map, x, p, scale) != p) continue;
                double[] jac = new double[map.dimension() * map.dimension()];
                fp.apply(x, new double[map.dimension()], jac);
                if (map.dimension() > 1 && nearestToOne(Multiplier.of(jac, map.dimension())) <= LINE_TOL) {
                    lineCandidates.add(x);
                } else {
                    isolated.add(x);
                }
            }
            List<FixedLine> found = lines(fp, box, lineCandidates, scale);
            lines.addAll(found);
            for (double[] x : lineCandidates) {
                if (found.stream().noneMatch(l -> onLine(l, x, scale))) isolated.add(x);
            }
            for (double[] x : isolated) {
                if (isKnown(orbits, x, scale)) continue;
                orbits.add(describe(fp, x));
            }
        }
        return new FixedPointSet(map.name(), map.parameter(), orbits, lines);
    }

    /** The orbit of minimal period p through x, with multipliers and stability. */
    public static PeriodicOrbit describe(IteratedMap fp, double[] x) {
        int d = fp.map().dimension();
        double[] jac = new double[d * d];
        fp.apply(x, new double[d], jac);
        List<Multiplier> mult = Multiplier.of(jac, d);
        double[][] pts = fp.orbit(x);
        boolean admissible = true;
        for (double[] pt : pts) admissible &= fp.map().admissible(pt);
        return new PeriodicOrbit(fp.period(), pts, mult, Stability.of(mult, 1e-7), admissible);
    }

    /**
     * Newton on G(x) = F^p(x) − x from {@code seed}; returns the root, or null when Newton does not
     * converge to |G| ≤ 1e-12·scale. Steps are minimum-norm least-squares steps, capped in length.
     */
    public static double[] newton(IteratedMap fp, double[] seed, double scale) {
        int d = fp.map().dimension();
        double[] x = seed.clone();
        double[] fx = new double[d];
        double[] jac = new double[d * d];
        double[] g = new double[d];
        for (int it = 0; it < MAX_NEWTON; it++) {
            fp.apply(x, fx, jac);
            double gn = 0;
            for (int i = 0; i < d; i++) {
                g[i] = fx[i] - x[i];
                gn = Math.max(gn, Math.abs(g[i]));
                jac[i * d + i] -= 1;
            }
            if (!Double.isFinite(gn) || gn > Escape.BOUND * scale) return null;
            double[] step = solve(jac, g, d);
            if (step == null) return gn <= 1e-12 * scale ? x : null;
            double sn = 0;
            for (double s : step) sn += s * s;
            sn = Math.sqrt(sn);
            double cap = 0.25 * scale;
            double f = sn > cap ? cap / sn : 1;
            for (int i = 0; i < d; i++) x[i] -= f * step[i];
            if (gn <= 1e-13 * scale && sn <= 1e-13 * scale) break;
            if (sn <= 1e-15 * scale) break;
        }
        fp.apply(x, fx, null);
        double gn = 0;
        for (int i = 0; i < d; i++) gn = Math.max(gn, Math.abs(fx[i] - x[i]));
        return Double.isFinite(gn) && gn <= 1e-12 * scale ? x : null;
    }

    /** Minimum-norm solution of A s = g (A row-major d×d), or null when A is zero. */
    private static double[] solve(double[] a, double[] g, int d) {
        if (d == 1) {
            return a[0] == 0 ? null : new double[] {g[0] / a[0]};
        }
        DMatrixRMaj am = new DMatrixRMaj(d, d, true, a);
        DMatrixRMaj pinv = new DMatrixRMaj(d, d);
        CommonOps_DDRM.pinv(am, pinv);
        DMatrixRMaj s = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.mult(pinv, new DMatrixRMaj(d, 1, true, g), s);
        for (int i = 0; i < d; i++) if (!Double.isFinite(s.data[i])) return null;
        return s.data;
    }

    /** The smallest q dividing p with F^q(x) = x. */
    static int minimalPeriod(DiscreteMap map, double[] x, int p, double scale) {
        double[] c = x.clone();
        for (int q = 1; q <= p; q++) {
            map.step(c, c);
            if (p % q == 0 && distance(c, x) <= 1e-8 * scale) return q;
        }
        return p;
    }

    private static boolean isKnown(List<PeriodicOrbit> orbits, double[] x, double scale) {
        for (PeriodicOrbit o : orbits) {
            for (double[] pt : o.points()) if (distance(pt, x) <= 1e-7 * scale) return true;
        }
        return false;
    }

    private static double nearestToOne(List<Multiplier> ms) {
        double best = Double.POSITIVE_INFINITY;
        for (Multiplier m : ms) best = Math.min(best, Math.hypot(m.re() - 1, m.im()));
        return best;
    }

    // ---- lines of fixed points ----

    private static List<FixedLine> lines(IteratedMap fp, Box box, List<double[]> candidates, double scale) {
        List<FixedLine> lines = new ArrayList<>();
        List<double[]> left = new ArrayList<>(candidates);
        while (left.size() >= 3) {
            double[] x0 = left.get(0);
            double[] v = nullDirection(fp, x0);
            List<double[]> members = new ArrayList<>();
            for (double[] x : left) if (distanceToLine(x, x0, v) <= 1e-6 * scale) members.add(x);
            left.removeAll(members);
            if (members.size() < 3) continue;
            FixedLine line = traceLine(fp, box, x0, v, scale);
            if (line != null) lines.add(line);
        }
        return lines;
    }

    /** Unit vector spanning the null space of DF^p(x) − I (the direction along the line). */
    private static double[] nullDirection(IteratedMap fp, double[] x) {
        int d = fp.map().dimension();
        double[] jac = new double[d * d];
        fp.apply(x, new double[d], jac);
        for (int i = 0; i < d; i++) jac[i * d + i] -= 1;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, d, false, true, false);
        svd.decompose(new DMatrixRMaj(d, d, true, jac));
        double[] sv = svd.getSingularValues();
        int k = 0;
        for (int i = 1; i < sv.length; i++) if (sv[i] < sv[k]) k = i;
        DMatrixRMaj vt = svd.getV(null, true);
        double[] v = new double[d];
        for (int i = 0; i < d; i++) v[i] = vt.get(k, i);
        double n = Math.sqrt(dot(v, v));
        // Fix the sign so reports are reproducible: first non-zero component positive.
        for (double c : v) {
            if (Math.abs(c) > 1e-12) {
                if (c < 0) n = -n;
                break;
            }
        }
        for (int i = 0; i < d; i++) v[i] /= n;
        return v;
    }

    /** Walks the line x0 + t v through the box, keeps the contiguous run of verified fixed points. */
    private static FixedLine traceLine(IteratedMap fp, Box box, double[] x0, double[] v, double scale) {
        int d = v.length;
        double tLo = Double.NEGATIVE_INFINITY;
        double tHi = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d; i++) {
            if (Math.abs(v[i]) < 1e-14) continue;
            double a = (box.lo()[i] - x0[i]) / v[i];
            double b = (box.hi()[i] - x0[i]) / v[i];
            tLo = Math.max(tLo, Math.min(a, b));
            tHi = Math.min(tHi, Math.max(a, b));
        }
        double[] fx = new double[d];
        double[] ts = new double[LINE_SAMPLES + 1];
        boolean[] fixed = new boolean[LINE_SAMPLES + 1];
        int zero = -1;
        double zeroDist = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= LINE_SAMPLES; k++) {
            ts[k] = tLo + (tHi - tLo) * k / LINE_SAMPLES;
            double[] x = along(x0, v, ts[k]);
            fp.apply(x, fx, null);
            fixed[k] = distance(fx, x) <= 1e-9 * scale;
            if (Math.abs(ts[k]) < zeroDist) {
                zeroDist = Math.abs(ts[k]);
                zero = k;
            }
        }
        int a = zero;
        int b = zero;
        while (a > 0 && fixed[a - 1]) a--;
        while (b < LINE_SAMPLES && fixed[b + 1]) b++;
        if (b - a < 2) return null;
        // Segments of constant (transverse stability, admissibility), boundaries found by bisection.
        List<FixedLine.Segment> segments = new ArrayList<>();
        double segStart = ts[a];
        String key = key(fp, along(x0, v, ts[a]));
        for (int k = a + 1; k <= b; k++) {
            String kk = key(fp, along(x0, v, ts[k]));
            if (!kk.equals(key)) {
                double lo = ts[k - 1];
                double hi = ts[k];
                for (int it = 0; it < 60; it++) {
                    double mid = 0.5 * (lo + hi);
                    if (key(fp, along(x0, v, mid)).equals(key)) lo = mid;
                    else hi = mid;
                }
                segments.add(segment(fp, x0, v, segStart, lo, key));
                double[] at = along(x0, v, 0.5 * (lo + hi));
                List<Multiplier> tm = transverse(fp, at);
                Stability atLabel = Stability.of(tm, 1e-6);
                boolean stabilityChanged = !kk.substring(0, kk.indexOf('/')).equals(key.substring(0, key.indexOf('/')));
                if (stabilityChanged && (atLabel == Stability.FLIP || atLabel == Stability.MARGINAL)) {
                    segments.add(new FixedLine.Segment(at, at, atLabel, fp.map().admissible(at)));
                }
                segStart = hi;
                key = kk;
            }
        }
        segments.add(segment(fp, x0, v, segStart, ts[b], key));
        return new FixedLine(fp.period(), along(x0, v, ts[a]), along(x0, v, ts[b]), v, segments);
    }

    private static FixedLine.Segment segment(IteratedMap fp, double[] x0, double[] v, double t0, double t1, String key) {
        double[] mid = along(x0, v, 0.5 * (t0 + t1));
        return new FixedLine.Segment(along(x0, v, t0), along(x0, v, t1),
                coarse(transverse(fp, mid)), fp.map().admissible(mid));
    }

    private static String key(IteratedMap fp, double[] x) {
        return coarse(transverse(fp, x)) + "/" + fp.map().admissible(x);
    }

    /** Stable if every multiplier is strictly inside the unit circle, unstable if none is, else saddle. */
    private static Stability coarse(List<Multiplier> ms) {
        int inside = 0;
        for (Multiplier m : ms) if (m.modulus() < 1) inside++;
        return inside == ms.size() ? Stability.STABLE : inside == 0 ? Stability.UNSTABLE : Stability.SADDLE;
    }

    /** Multipliers of DF^p at x without the one closest to 1 (the direction along the line). */
    private static List<Multiplier> transverse(IteratedMap fp, double[] x) {
        int d = fp.map().dimension();
        double[] jac = new double[d * d];
        fp.apply(x, new double[d], jac);
        List<Multiplier> ms = new ArrayList<>(Multiplier.of(jac, d));
        int k = 0;
        for (int i = 1; i < ms.size(); i++) {
            if (Math.hypot(ms.get(i).re() - 1, ms.get(i).im()) < Math.hypot(ms.get(k).re() - 1, ms.get(k).im())) k = i;
        }
        ms.remove(k);
        return ms;
    }

    private static boolean onLine(FixedLine l, double[] x, double scale) {
        if (distanceToLine(x, l.from(), l.direction()) > 1e-6 * scale) return false;
        double t = 0;
        double len = 0;
        for (int i = 0; i < x.length; i++) {
            t += (x[i] - l.from()[i]) * l.direction()[i];
            len += (l.to()[i] - l.from()[i]) * l.direction()[i];
        }
        return t >= -1e-9 * scale && t <= len + 1e-9 * scale;
    }

    private static double[] along(double[] x0, double[] v, double t) {
        double[] x = new double[x0.length];
        for (int i = 0; i < x.length; i++) x[i] = x0[i] + t * v[i];
        return x;
    }

    private static double distanceToLine(double[] x, double[] x0, double[] v) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) r[i] = x[i] - x0[i];
        double t = dot(r, v);
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (r[i] - t * v[i]) * (r[i] - t * v[i]);
        return Math.sqrt(s);
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
