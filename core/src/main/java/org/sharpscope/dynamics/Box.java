package org.sharpscope.dynamics;

import java.util.ArrayList;
import java.util.List;

/** An axis-aligned box in state space: the search region for fixed points and periodic orbits. */
public record Box(double[] lo, double[] hi) {
    public Box {
        if (lo.length != hi.length) throw new IllegalArgumentException("lo and hi differ in dimension");
        for (int i = 0; i < lo.length; i++) {
            if (!(lo[i] < hi[i])) throw new IllegalArgumentException("box needs lo < hi in every coordinate");
        }
        lo = lo.clone();
        hi = hi.clone();
    }

    public int dimension() {
        return lo.length;
    }

    /** Length of the box's diagonal: the length scale for tolerances. */
    public double diameter() {
        double s = 0;
        for (int i = 0; i < lo.length; i++) s += (hi[i] - lo[i]) * (hi[i] - lo[i]);
        return Math.sqrt(s);
    }

    /** Whether x lies in the box enlarged by {@code slack} in every coordinate. */
    public boolean contains(double[] x, double slack) {
        for (int i = 0; i < lo.length; i++) {
            if (!(x[i] >= lo[i] - slack && x[i] <= hi[i] + slack)) return false;
        }
        return true;
    }

    /** A regular grid of n points per axis (cell centres), n^d points in all. */
    public List<double[]> grid(int n) {
        int d = lo.length;
        int total = (int) Math.pow(n, d);
        List<double[]> pts = new ArrayList<>(total);
        int[] idx = new int[d];
        for (int k = 0; k < total; k++) {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) x[i] = lo[i] + (idx[i] + 0.5) * (hi[i] - lo[i]) / n;
            pts.add(x);
            for (int i = 0; i < d && ++idx[i] == n; i++) idx[i] = 0;
        }
        return pts;
    }
}
