package org.sharpscope.report.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * An orbit (bifurcation) diagram as a density image: every recorded value falls into a pixel, and
 * each pixel column is shaded by log(1 + count) relative to its column's maximum, so sparse
 * chaotic bands stay visible next to dense periodic branches. Optionally a second curve (the
 * Lyapunov exponent) is drawn in a panel below on the same x axis, with a dashed zero line.
 */
public final class OrbitDiagramPlot {
    private static final int WIDTH = 1100;
    private static final Rectangle TOP = new Rectangle(95, 40, 975, 480);
    private static final Rectangle BOTTOM = new Rectangle(95, 575, 975, 180);

    private OrbitDiagramPlot() {}

    /**
     * Renders the diagram: {@code values} is row-major parameters × recorded; non-finite values
     * are skipped. {@code lower} may be null (then there is no lower panel).
     */
    public static BufferedImage render(String title, double[] params, double[] values, int recorded,
                                       String xLabel, String yLabel, double[] lower, String lowerLabel) {
        int height = lower == null ? 580 : 815;
        BufferedImage img = PlotFrame.canvas(WIDTH, height);
        Graphics2D g = PlotFrame.graphics(img);
        double xMin = params[0];
        double xMax = params[params.length - 1];
        double[] yr = range(values, 0.02);
        PlotFrame top = new PlotFrame(g, TOP, xMin, xMax, yr[0], yr[1]);
        paintDensity(img, top, params, values, recorded);
        top.axes(lower == null ? xLabel : null, yLabel);
        top.title(title);
        if (lower != null) {
            double[] r = FiniteRange.of(lower);
            double lo = r == null ? -1 : Math.max(r[0], -3);
            double hi = r == null ? 1 : Math.max(r[1], 0.1);
            double pad = 0.05 * (hi - lo);
            PlotFrame bottom = new PlotFrame(g, BOTTOM, xMin, xMax, lo - pad, hi + pad);
            bottom.grid();
            bottom.polyline(new double[] {xMin, xMax}, new double[] {0, 0}, Color.DARK_GRAY, 1f, true);
            bottom.polyline(params, lower, new Color(200, 40, 40), 1.2f, false);
            bottom.axes(xLabel, lowerLabel);
        }
        g.dispose();
        return img;
    }

    private static void paintDensity(BufferedImage img, PlotFrame f, double[] params, double[] values, int recorded) {
        Rectangle a = f.area();
        int w = a.width;
        int h = a.height;
        int[] counts = new int[w * h];
        double span = params[params.length - 1] - params[0];
        for (int i = 0; i < params.length; i++) {
            int col = span == 0 ? w / 2 : (int) Math.min(w - 1, Math.max(0, Math.round((params[i] - params[0]) / span * (w - 1))));
            for (int t = 0; t < recorded; t++) {
                double v = values[i * recorded + t];
                if (!Double.isFinite(v)) continue;
                int row = (int) Math.floor(f.py(v)) - a.y;
                if (row >= 0 && row < h) counts[row * w + col]++;
            }
        }
        for (int col = 0; col < w; col++) {
            int max = 0;
            for (int row = 0; row < h; row++) max = Math.max(max, counts[row * w + col]);
            if (max == 0) continue;
            double norm = Math.log1p(max);
            for (int row = 0; row < h; row++) {
                int c = counts[row * w + col];
                if (c > 0) img.setRGB(a.x + col, a.y + row, shade(Math.log1p(c) / norm));
            }
        }
    }

    /** White → blue → near-black as intensity goes 0 → 1 (with a floor so single hits show). */
    static int shade(double intensity) {
        double t = 0.25 + 0.75 * Math.max(0, Math.min(1, intensity));
        double r;
        double gg;
        double b;
        if (t < 0.5) {
            double s = t / 0.5;
            r = 255 + s * (90 - 255);
            gg = 255 + s * (110 - 255);
            b = 255 + s * (210 - 255);
        } else {
            double s = (t - 0.5) / 0.5;
            r = 90 + s * (10 - 90);
            gg = 110 + s * (10 - 110);
            b = 210 + s * (60 - 210);
        }
        return ((int) r << 16) | ((int) gg << 8) | (int) b;
    }

    /** [min, max] of the finite values, widened by {@code margin} of the span. */
    static double[] range(double[] values, double margin) {
        double[] r = FiniteRange.of(values);
        if (r == null) return new double[] {0, 1};
        double pad = Math.max(margin * (r[1] - r[0]), 1e-9);
        return new double[] {r[0] - pad, r[1] + pad};
    }
}
