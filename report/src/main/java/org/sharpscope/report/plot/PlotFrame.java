package org.sharpscope.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * One plotting panel drawn with Java2D: maps data coordinates to pixels inside {@code area} and
 * draws the frame, "nice" ticks, tick labels, axis titles and a title. The hand-drawn plots
 * (density images, category maps, vector fields) share it so they look alike.
 */
public final class PlotFrame {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Color GRID = new Color(225, 225, 225);

    private final Graphics2D g;
    private final Rectangle area;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;

    public PlotFrame(Graphics2D g, Rectangle area, double xMin, double xMax, double yMin, double yMax) {
        this.g = g;
        this.area = area;
        this.xMin = xMin;
        this.xMax = xMax == xMin ? xMin + 1 : xMax;
        this.yMin = yMin;
        this.yMax = yMax == yMin ? yMin + 1 : yMax;
    }

    /** A white image with antialiasing on, ready to draw on. */
    public static BufferedImage canvas(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return img;
    }

    public static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    public Rectangle area() {
        return area;
    }

    public double xMin() {
        return xMin;
    }

    public double xMax() {
        return xMax;
    }

    public double yMin() {
        return yMin;
    }

    public double yMax() {
        return yMax;
    }

    /** Pixel column of data x. */
    public double px(double x) {
        return area.x + (x - xMin) / (xMax - xMin) * area.width;
    }

    /** Pixel row of data y (up is larger y). */
    public double py(double y) {
        return area.y + area.height - (y - yMin) / (yMax - yMin) * area.height;
    }

    /** Light grid lines at the ticks (draw before the data). */
    public void grid() {
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        for (double t : ticks(xMin, xMax, 8)) g.drawLine((int) px(t), area.y, (int) px(t), area.y + area.height);
        for (double t : ticks(yMin, yMax, 6)) g.drawLine(area.x, (int) py(t), area.x + area.width, (int) py(t));
    }

    /** Frame, ticks, tick labels and axis titles; {@code xLabel} null hides x tick labels and title. */
    public void axes(String xLabel, String yLabel) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.2f));
        g.drawRect(area.x, area.y, area.width, area.height);
        g.setFont(LABEL);
        FontMetrics fm = g.getFontMetrics();
        for (double t : ticks(xMin, xMax, 8)) {
            int x = (int) Math.round(px(t));
            g.drawLine(x, area.y + area.height, x, area.y + area.height + 5);
            if (xLabel != null) {
                String s = format(t);
                g.drawString(s, x - fm.stringWidth(s) / 2, area.y + area.height + 7 + fm.getAscent());
            }
        }
        int maxW = 0;
        for (double t : ticks(yMin, yMax, 6)) {
            int y = (int) Math.round(py(t));
            g.drawLine(area.x - 5, y, area.x, y);
            String s = format(t);
            maxW = Math.max(maxW, fm.stringWidth(s));
            g.drawString(s, area.x - 8 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
        }
        if (xLabel != null) {
            g.drawString(xLabel, area.x + area.width / 2 - fm.stringWidth(xLabel) / 2,
                    area.y + area.height + 12 + 2 * fm.getAscent());
        }
        if (yLabel != null) {
            AffineTransform old = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString(yLabel, -(area.y + area.height / 2) - fm.stringWidth(yLabel) / 2, area.x - maxW - 14);
            g.setTransform(old);
        }
    }

    /** Title centred above the panel. */
    public void title(String title) {
        g.setColor(Color.BLACK);
        g.setFont(TITLE);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(title, area.x + area.width / 2 - fm.stringWidth(title) / 2, area.y - 10);
    }

    /** Clips drawing to the panel (call {@code g.setClip(null)} after). */
    public void clip() {
        g.setClip(area);
    }

    /** Draws the polyline through finite (x, y) points inside the panel, breaking at non-finite ones. */
    public void polyline(double[] x, double[] y, Color color, float width, boolean dashed) {
        g.setColor(color);
        g.setStroke(dashed
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(width));
        clip();
        java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
        boolean open = false;
        for (int i = 0; i < x.length; i++) {
            boolean ok = Double.isFinite(x[i]) && Double.isFinite(y[i]) && Math.abs(py(y[i])) < 1e6;
            if (!ok) {
                open = false;
                continue;
            }
            if (open) path.lineTo(px(x[i]), py(y[i]));
            else path.moveTo(px(x[i]), py(y[i]));
            open = true;
        }
        g.draw(path);
        g.setClip(null);
    }

    /** Around {@code n} round tick values covering [lo, hi]. */
    public static double[] ticks(double lo, double hi, int n) {
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) return new double[] {lo};
        double raw = span / n;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        double first = Math.ceil(lo / step - 1e-9) * step;
        int count = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] t = new double[Math.max(count, 0)];
        for (int i = 0; i < t.length; i++) t[i] = first + i * step;
        return t;
    }

    static String format(double v) {
        if (Math.abs(v) < 1e-12) return "0";
        double a = Math.abs(v);
        if (a >= 1e4 || a < 1e-3) return String.format(Locale.ROOT, "%.1e", v);
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
