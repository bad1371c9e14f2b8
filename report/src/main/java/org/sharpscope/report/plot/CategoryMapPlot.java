package org.sharpscope.report.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A labelled heat map of categories over a 2-D grid (a phase diagram): cell (i, j) at
 * (x[i], y[j]) (x and y ascending, evenly spaced or not) is filled with the colour of its
 * category, reaching halfway to its neighbours, with a legend naming each one.
 */
public final class CategoryMapPlot {
    /** A fixed palette, distinguishable in print: one colour per category, in order. */
    public static final List<Color> PALETTE = List.of(
            new Color(66, 146, 198), new Color(253, 174, 97), new Color(215, 48, 39), new Color(120, 120, 120),
            new Color(171, 221, 164), new Color(94, 60, 153), new Color(240, 240, 240), new Color(255, 255, 153));

    private CategoryMapPlot() {}

    /**
     * @param categories row-major x.length × y.length indices into {@code labels} (cell (i, j) at i*ny + j)
     */
    public static BufferedImage render(String title, double[] x, double[] y, int[] categories, List<String> labels,
                                       String xLabel, String yLabel) {
        BufferedImage img = PlotFrame.canvas(1000, 700);
        Graphics2D g = PlotFrame.graphics(img);
        Rectangle area = new Rectangle(90, 45, 700, 580);
        double[] ex = edges(x);
        double[] ey = edges(y);
        PlotFrame f = new PlotFrame(g, area, ex[0], ex[x.length], ey[0], ey[y.length]);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                int c = categories[i * y.length + j];
                g.setColor(PALETTE.get(c % PALETTE.size()));
                int x0 = (int) Math.floor(f.px(ex[i]));
                int x1 = (int) Math.ceil(f.px(ex[i + 1]));
                int y0 = (int) Math.floor(f.py(ey[j + 1]));
                int y1 = (int) Math.ceil(f.py(ey[j]));
                g.fillRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
            }
        }
        f.axes(xLabel, yLabel);
        f.title(title);
        g.setFont(PlotFrame.LABEL);
        FontMetrics fm = g.getFontMetrics();
        int ly = area.y + 10;
        for (int k = 0; k < labels.size(); k++) {
            g.setColor(PALETTE.get(k % PALETTE.size()));
            g.fillRect(area.x + area.width + 25, ly, 18, 18);
            g.setColor(Color.BLACK);
            g.drawRect(area.x + area.width + 25, ly, 18, 18);
            g.drawString(labels.get(k), area.x + area.width + 50, ly + 9 + fm.getAscent() / 2 - 1);
            ly += 28;
        }
        g.dispose();
        return img;
    }

    /**
     * Cell edges for sorted grid values: midpoints between neighbours, the outer edges half a
     * spacing beyond the ends (so uneven grids, such as a sweep's, tile without gaps or overlap);
     * a single value gets a unit-wide cell.
     */
    static double[] edges(double[] v) {
        int n = v.length;
        double[] e = new double[n + 1];
        if (n == 1) {
            e[0] = v[0] - 0.5;
            e[1] = v[0] + 0.5;
            return e;
        }
        for (int i = 1; i < n; i++) e[i] = 0.5 * (v[i - 1] + v[i]);
        e[0] = v[0] - (e[1] - v[0]);
        e[n] = v[n - 1] + (v[n - 1] - e[n - 1]);
        return e;
    }
}
