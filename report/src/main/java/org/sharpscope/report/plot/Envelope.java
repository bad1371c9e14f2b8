package org.sharpscope.report.plot;

/**
 * A long series reduced to its per-bin minimum and maximum, so that an oscillating trajectory
 * (EoS, period 2) is drawn as the band it fills with a few hundred points, not as thousands of
 * zig-zags. Series no longer than {@code maxBins} are kept as they are (lower = upper = data).
 */
public record Envelope(double[] x, double[] lower, double[] upper, int binSize) {

    /** Bins {@code y(x)} into at most {@code maxBins} consecutive bins; non-finite values are skipped. */
    public static Envelope of(double[] x, double[] y, int maxBins) {
        int n = x.length;
        int bin = Math.max(1, (n + maxBins - 1) / maxBins);
        int m = (n + bin - 1) / bin;
        double[] bx = new double[m], lo = new double[m], hi = new double[m];
        for (int b = 0; b < m; b++) {
            int from = b * bin;
            int to = Math.min(n, from + bin);
            double mn = Double.NaN, mx = Double.NaN;
            for (int i = from; i < to; i++) {
                if (!Double.isFinite(y[i])) continue;
                mn = Double.isNaN(mn) ? y[i] : Math.min(mn, y[i]);
                mx = Double.isNaN(mx) ? y[i] : Math.max(mx, y[i]);
            }
            bx[b] = x[from];
            lo[b] = mn;
            hi[b] = mx;
        }
        return new Envelope(bx, lo, hi, bin);
    }

    /** True when each bin holds a single sample (the data itself). */
    public boolean exact() {
        return binSize == 1;
    }

    /** Adds the envelope to {@code plot} as one line, or as "max" and "min" lines when binned. */
    public LinePlot addTo(LinePlot plot, String name) {
        if (exact()) return plot.line(name, x, upper);
        return plot.line(name + " (max per " + binSize + " steps)", x, upper)
                .line(name + " (min per " + binSize + " steps)", x, lower);
    }
}
