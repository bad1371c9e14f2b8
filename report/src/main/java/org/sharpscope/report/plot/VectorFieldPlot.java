package org.sharpscope.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * A phase-plane picture of a 2-D map: arrows of the one-step update (drawn with equal length,
 * shaded by log magnitude), reference curves (nullclines, invariant lines, level sets), fixed
 * points marked by stability, trajectories as connected dots, and a shaded forbidden region.
 */
public final class VectorFieldPlot {
    /** The update (dx, dy) of the map at (x, y). */
    public record Arrow(double x, double y, double dx, double dy) {
    }

    /** A named curve; {@code dots} draws its points too (for trajectories). */
    public record Curve(String name, double[] x, double[] y, Color color, boolean dashed, boolean dots) {
    }

    /** A fixed point; {@code stability} is a label such as "stable", "saddle", "unstable", "flip". */
    public record Marker(double x, double y, String stability) {
    }

    private VectorFieldPlot() {}

    public static BufferedImage render(String title, double xMin, double xMax, double yMin, double yMax,
                                       List<Arrow> arrows, List<Curve> curves, List<Marker> markers,
                                       BiPredicate<Double, Double> forbidden, String xLabel, String yLabel) {
        BufferedImage img = PlotFrame.canvas(1200, 760);
        Graphics2D g = PlotFrame.graphics(img);
        Rectangle area = new Rectangle(90, 45, 760, 640);
        PlotFrame f = new PlotFrame(g, area, xMin, xMax, yMin, yMax);
        if (forbidden != null) {
            int shadeRgb = new Color(236, 236, 236).getRGB();
            for (int px = area.x; px < area.x + area.width; px++) {
                double x = xMin + (px + 0.5 - area.x) / area.width * (xMax - xMin);
                for (int py = area.y; py < area.y + area.height; py++) {
                    double y = yMax - (py + 0.5 - area.y) / area.height * (yMax - yMin);
                    if (forbidden.test(x, y)) img.setRGB(px, py, shadeRgb);
                }
            }
        }
        f.grid();
        drawArrows(g, f, arrows);
        for (Curve c : curves) {
            f.polyline(c.x(), c.y(), c.color(), c.dots() ? 1f : 1.8f, c.dashed());
            if (c.dots()) {
                g.setColor(c.color());
                f.clip();
                for (int i = 0; i < c.x().length; i++) {
                    if (Double.isFinite(c.x()[i]) && Double.isFinite(c.y()[i])) {
                        g.fill(new Ellipse2D.Double(f.px(c.x()[i]) - 2.5, f.py(c.y()[i]) - 2.5, 5, 5));
                    }
                }
                g.setClip(null);
            }
        }
        f.clip();
        for (Marker m : markers) drawMarker(g, f.px(m.x()), f.py(m.y()), m.stability());
        g.setClip(null);
        f.axes(xLabel, yLabel);
        f.title(title);
        legend(g, area.x + area.width + 20, area.y + 5, curves, markers);
        g.dispose();
        return img;
    }

    private static void drawArrows(Graphics2D g, PlotFrame f, List<Arrow> arrows) {
        if (arrows.isEmpty()) return;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Arrow a : arrows) {
            double m = Math.hypot(a.dx(), a.dy());
            if (m > 0 && Double.isFinite(m)) {
                lo = Math.min(lo, Math.log(m));
                hi = Math.max(hi, Math.log(m));
            }
        }
        int n = (int) Math.max(1, Math.round(Math.sqrt(arrows.size())));
        double len = 0.8 * f.area().width / n;
        g.setStroke(new BasicStroke(1.1f));
        f.clip();
        for (Arrow a : arrows) {
            // Direction in pixel space (y flips).
            double ux = f.px(a.x() + a.dx()) - f.px(a.x());
            double uy = f.py(a.y() + a.dy()) - f.py(a.y());
            double norm = Math.hypot(ux, uy);
            if (!(norm > 0) || !Double.isFinite(norm)) continue;
            ux /= norm;
            uy /= norm;
            double m = Math.log(Math.hypot(a.dx(), a.dy()));
            double s = hi > lo ? (m - lo) / (hi - lo) : 0.5;
            int grey = (int) (200 - 170 * s);
            g.setColor(new Color(grey, grey, Math.min(255, grey + 40)));
            double x0 = f.px(a.x()) - ux * len / 2;
            double y0 = f.py(a.y()) - uy * len / 2;
            double x1 = x0 + ux * len;
            double y1 = y0 + uy * len;
            g.draw(new Line2D.Double(x0, y0, x1, y1));
            double head = Math.min(6, len * 0.35);
            Path2D.Double tip = new Path2D.Double();
            tip.moveTo(x1, y1);
            tip.lineTo(x1 - ux * head - uy * head * 0.5, y1 - uy * head + ux * head * 0.5);
            tip.lineTo(x1 - ux * head + uy * head * 0.5, y1 - uy * head - ux * head * 0.5);
            tip.closePath();
            g.fill(tip);
        }
        g.setClip(null);
    }

    static void drawMarker(Graphics2D g, double x, double y, String stability) {
        double r = 6;
        g.setStroke(new BasicStroke(2f));
        switch (stability) {
            case "stable" -> {
                g.setColor(new Color(30, 140, 60));
                g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            }
            case "saddle" -> {
                g.setColor(new Color(230, 120, 20));
                g.fill(new java.awt.geom.Rectangle2D.Double(x - r, y - r, 2 * r, 2 * r));
            }
            case "unstable" -> {
                g.setColor(Color.WHITE);
                g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
                g.setColor(new Color(200, 30, 30));
                g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            }
            default -> {
                Path2D.Double d = new Path2D.Double();
                d.moveTo(x, y - r - 1);
                d.lineTo(x + r + 1, y);
                d.lineTo(x, y + r + 1);
                d.lineTo(x - r - 1, y);
                d.closePath();
                g.setColor(stability.equals("flip") ? new Color(120, 40, 160) : Color.GRAY);
                g.fill(d);
            }
        }
    }

    private static void legend(Graphics2D g, int x, int y, List<Curve> curves, List<Marker> markers) {
        g.setFont(PlotFrame.LABEL);
        FontMetrics fm = g.getFontMetrics();
        int yy = y;
        for (Curve c : curves) {
            if (c.name().isEmpty()) continue;
            g.setColor(c.color());
            g.setStroke(c.dashed()
                    ? new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(1.8f));
            g.drawLine(x, yy + 8, x + 28, yy + 8);
            g.setColor(Color.BLACK);
            g.drawString(c.name(), x + 36, yy + 8 + fm.getAscent() / 2 - 1);
            yy += 22;
        }
        List<String> seen = new ArrayList<>();
        for (Marker m : markers) {
            if (seen.contains(m.stability())) continue;
            seen.add(m.stability());
            drawMarker(g, x + 14, yy + 8, m.stability());
            g.setColor(Color.BLACK);
            g.drawString("fixed point: " + m.stability(), x + 36, yy + 8 + fm.getAscent() / 2 - 1);
            yy += 22;
        }
    }
}
