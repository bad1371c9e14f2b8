package org.sharpscope.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * An orbit (bifurcation) diagram: late-time values against a parameter in an upper panel and,
 * optionally, exponents (Lyapunov) in a panel below on the same x axis, with a dashed zero line —
 * the one layout of every bifurcation figure. {@link #render} draws the values as a density image:
 * every recorded value falls into a pixel, and each pixel column is shaded by log(1 + count)
 * relative to its column's maximum, so sparse chaotic bands stay visible next to dense periodic
 * branches. {@link #layout} takes any drawing of the upper panel (points of a few sweep cells),
 * several lower curves with error bars, and vertical reference lines through both panels.
 */
public final class OrbitDiagramPlot {
    private static final int WIDTH = 1100;
    private static final Rectangle TOP = new Rectangle(95, 40, 975, 480);
    private static final Rectangle BOTTOM = new Rectangle(95, 575, 975, 180);
    private static final Color EXPONENT_RED = new Color(200, 40, 40);

    /** A curve of the lower panel; {@code error} (or null) as ± bars, {@code dots} marks each point. */
    public record Curve(String name, double[] x, double[] y, double[] error, Color color, boolean dots) {}

    /** A dashed vertical line at {@code x} through both panels, labelled at the top. */
    public record Marker(String label, double x) {}

    /** Draws the upper panel's data into its frame (before its axes are drawn). */
    @FunctionalInterface
    public interface Upper {
        void paint(BufferedImage image, Graphics2D g, PlotFrame frame);
    }

    private OrbitDiagramPlot() {}

    /**
     * Renders the diagram: {@code values} is row-major parameters × recorded; non-finite values
     * are skipped. {@code lower} may be null (then there is no lower panel).
     */
    public static BufferedImage render(String title, double[] params, double[] values, int recorded,
                                       String xLabel, String yLabel, double[] lower, String lowerLabel) {
        double[] yr = range(values, 0.02);
        List<Curve> curves = lower == null ? List.of() : List.of(new Curve(null, params, lower, null, EXPONENT_RED, false));
        return layout(title, params[0], params[params.length - 1], yr[0], yr[1], xLabel, yLabel,
                (img, g, f) -> paintDensity(img, f, params, values, recorded), curves, lowerLabel, List.of());
    }

    /**
     * The layout of {@link #render} around any upper drawing: the upper panel over [xMin, xMax] ×
     * [yMin, yMax] with {@code upper}'s data, the {@code markers}, and below it the {@code lower}
     * curves (none: no lower panel), whose y range covers them and their error bars from −3 up.
     */
    public static BufferedImage layout(String title, double xMin, double xMax, double yMin, double yMax, String xLabel,
                                       String yLabel, Upper upper, List<Curve> lower, String lowerLabel, List<Marker> markers) {
        int height = lower.isEmpty() ? 580 : 815;
        BufferedImage img = PlotFrame.canvas(WIDTH, height);
        Graphics2D g = PlotFrame.graphics(img);
        PlotFrame top = new PlotFrame(g, TOP, xMin, xMax, yMin, yMax);
        upper.paint(img, g, top);
        for (int i = 0; i < markers.size(); i++) marker(g, top, markers.get(i), i, true);
        top.axes(lower.isEmpty() ? xLabel : null, yLabel);
        top.title(title);
        if (!lower.isEmpty()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Curve c : lower) {
                for (int i = 0; i < c.y().length; i++) {
                    double e = c.error() == null || !Double.isFinite(c.error()[i]) ? 0 : c.error()[i];
                    if (!Double.isFinite(c.y()[i])) continue;
                    lo = Math.min(lo, c.y()[i] - e);
                    hi = Math.max(hi, c.y()[i] + e);
                }
            }
            lo = Double.isFinite(lo) ? Math.max(lo, -3) : -1;
            hi = Double.isFinite(hi) ? Math.max(hi, 0.1) : 1;
            double pad = 0.05 * (hi - lo);
            PlotFrame bottom = new PlotFrame(g, BOTTOM, xMin, xMax, lo - pad, hi + pad);
            bottom.grid();
            bottom.polyline(new double[] {xMin, xMax}, new double[] {0, 0}, Color.DARK_GRAY, 1f, true);
            for (Marker m : markers) marker(g, bottom, m, 0, false);
            for (Curve c : lower) curve(g, bottom, c);
            bottom.axes(xLabel, lowerLabel);
            List<Curve> named = lower.stream().filter(c -> c.name() != null).toList();
            if (!named.isEmpty()) {
                legend(g, BOTTOM.x + BOTTOM.width - 12, BOTTOM.y + 8, named.stream().map(Curve::name).toList(),
                        named.stream().map(Curve::color).toList());
            }
        }
        g.dispose();
        return img;
    }

    /**
     * A legend of coloured squares and labels whose top-right corner is at ({@code right}, {@code top}),
     * on a white box so that it stays readable over data.
     */
    public static void legend(Graphics2D g, int right, int top, List<String> labels, List<Color> colors) {
        g.setFont(PlotFrame.LABEL);
        FontMetrics fm = g.getFontMetrics();
        int w = 0;
        for (String s : labels) w = Math.max(w, fm.stringWidth(s));
        int boxW = w + 34;
        int boxH = 20 * labels.size() + 8;
        int x = right - boxW;
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(x, top, boxW, boxH);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, top, boxW, boxH);
        for (int i = 0; i < labels.size(); i++) {
            int y = top + 8 + 20 * i;
            g.setColor(colors.get(i));
            g.fillRect(x + 8, y + 3, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(labels.get(i), x + 26, y + 9 + fm.getAscent() / 2);
        }
    }

    private static void curve(Graphics2D g, PlotFrame f, Curve c) {
        f.polyline(c.x(), c.y(), c.color(), 1.2f, false);
        f.clip();
        g.setColor(c.color());
        g.setStroke(new BasicStroke(1.2f));
        for (int i = 0; i < c.x().length; i++) {
            if (!Double.isFinite(c.x()[i]) || !Double.isFinite(c.y()[i])) continue;
            int px = (int) Math.round(f.px(c.x()[i]));
            if (c.error() != null && Double.isFinite(c.error()[i]) && c.error()[i] > 0) {
                int y0 = (int) Math.round(f.py(c.y()[i] - c.error()[i]));
                int y1 = (int) Math.round(f.py(c.y()[i] + c.error()[i]));
                g.drawLine(px, y0, px, y1);
                g.drawLine(px - 3, y0, px + 3, y0);
                g.drawLine(px - 3, y1, px + 3, y1);
            }
            if (c.dots()) {
                int py = (int) Math.round(f.py(c.y()[i]));
                g.fillOval(px - 3, py - 3, 7, 7);
            }
        }
        g.setClip(null);
    }

    /** A dashed grey vertical line at the marker (when in range), its label near the top when {@code labelled}. */
    private static void marker(Graphics2D g, PlotFrame f, Marker m, int index, boolean labelled) {
        if (!(m.x() >= f.xMin() && m.x() <= f.xMax())) return;
        Color c = new Color(110, 110, 110);
        f.polyline(new double[] {m.x(), m.x()}, new double[] {f.yMin(), f.yMax()}, c, 1.2f, true);
        if (!labelled) return;
        g.setFont(PlotFrame.LABEL);
        g.setColor(c);
        Rectangle a = f.area();
        g.drawString(m.label(), (int) Math.round(f.px(m.x())) + 4, a.y + 16 + 16 * (index % 3));
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
    public static double[] range(double[] values, double margin) {
        double[] r = FiniteRange.of(values);
        if (r == null) return new double[] {0, 1};
        double pad = Math.max(margin * (r[1] - r[0]), 1e-9);
        return new double[] {r[0] - pad, r[1] + pad};
    }
}
