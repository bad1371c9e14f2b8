package org.sharpscope.report.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.FiniteRange;
import org.sharpscope.report.plot.OrbitDiagramPlot;
import org.sharpscope.report.plot.PlotFrame;
import org.sharpscope.study.sweep.BifurcationTails.CellTail;
import org.sharpscope.study.sweep.SweepCollection;
import org.sharpscope.study.sweep.SweepSpec;
import org.sharpscope.uv.UvTheory;

/**
 * The bifurcation diagram of a sweep in the layout of the UV model's ({@link OrbitDiagramPlot}):
 * each cell's late samples as points, one colour per detected period, against the axis — η·λ^H
 * when every cell's η is known (the threshold is then the line at 2), else λ^H (with the 2/η curve
 * when x = η) — and beneath it the cells' Lyapunov exponents when their summaries have them (the
 * largest in weight space and the one the loss sees, with their standard errors). Diverged cells
 * are crosses on the top edge. With x = η/η_c the UV model's doublings (√5 − 1 and 1.288) are
 * marked for comparison.
 */
public final class BifurcationPlot {
    private static final List<Color> PERIOD_COLORS = List.of(new Color(33, 102, 172), new Color(230, 120, 20),
            new Color(200, 30, 40), new Color(120, 60, 170), new Color(30, 140, 70), new Color(140, 90, 40),
            new Color(210, 80, 170), new Color(90, 160, 200));
    private static final Color NO_PERIOD = new Color(40, 40, 40);
    private static final Color DIVERGED = new Color(150, 150, 150);
    /** Turning of the loss's subspace (per step) from which its upper end is drawn. */
    static final double TURNING_SHOWN = 0.01;

    private BifurcationPlot() {}

    /** Draws {@code plots/bifurcation.png}; returns it. */
    public static Path save(SweepCollection.Bifurcation bifurcation, Path plots) {
        return ChartFiles.saveImage(render(bifurcation), plots, "bifurcation");
    }

    /** The diagram of {@code b} as an image. */
    public static BufferedImage render(SweepCollection.Bifurcation b) {
        List<CellTail> tails = b.tails();
        List<CellTail> alive = tails.stream().filter(c -> !c.diverged()).toList();
        boolean etaScaled = !alive.isEmpty() && alive.stream().allMatch(c -> Double.isFinite(c.eta()) && c.eta() > 0);
        List<Double> ys = new ArrayList<>();
        for (CellTail c : alive) for (double s : c.sharpness()) ys.add(etaScaled ? c.eta() * s : s);
        double[] yv = ys.stream().mapToDouble(Double::doubleValue).toArray();
        double[] yr = FiniteRange.of(yv);
        double yLo = yr == null ? 0 : yr[0];
        double yHi = yr == null ? 1 : yr[1];
        if (etaScaled) {
            yLo = Math.min(yLo, 2);
            yHi = Math.max(yHi, 2);
        }
        double yPad = Math.max(0.04 * (yHi - yLo), 1e-9);
        double[] xs = tails.stream().mapToDouble(CellTail::x).filter(Double::isFinite).toArray();
        double xLo = xs.length == 0 ? 0 : java.util.Arrays.stream(xs).min().orElseThrow();
        double xHi = xs.length == 0 ? 1 : java.util.Arrays.stream(xs).max().orElseThrow();
        double xPad = xHi > xLo ? 0.03 * (xHi - xLo) : Math.max(0.05 * Math.abs(xLo), 0.05);

        TreeSet<Integer> periods = new TreeSet<>();
        for (CellTail c : alive) periods.add(c.period());
        periods.remove(0);
        List<Integer> order = new ArrayList<>(periods);
        String axis = b.axis();
        String xLabel = switch (axis) {
            case "eta" -> "η";
            case "c" -> "c = ηλ₀";
            case SweepSpec.ETA_OVER_ETAC -> "η/η_c";
            default -> axis;
        };
        int k = alive.isEmpty() ? 0 : alive.get(0).sharpness().length;
        String yLabel = etaScaled ? "ηλ^H (last " + k + " samples)" : "sharpness λ^H (last " + k + " samples)";
        String title = "Bifurcation diagram: late " + (etaScaled ? "ηλ^H" : "λ^H") + " of " + tails.size() + " cells, periods by the "
                + b.detection().rule().label() + " rule";

        OrbitDiagramPlot.Upper upper = (img, g, f) -> {
            f.grid();
            if (etaScaled) {
                f.polyline(new double[] {f.xMin(), f.xMax()}, new double[] {2, 2}, Color.DARK_GRAY, 1.2f, true);
            } else if (axis.equals("eta") && xLo > 0) {
                int n = 200;
                double[] x = new double[n];
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = f.xMin() + (f.xMax() - f.xMin()) * i / (n - 1);
                    y[i] = x[i] > 0 ? 2 / x[i] : Double.NaN;
                }
                f.polyline(x, y, Color.DARK_GRAY, 1.2f, true);
            }
            f.clip();
            for (CellTail c : alive) {
                g.setColor(c.period() == 0 ? NO_PERIOD : PERIOD_COLORS.get(order.indexOf(c.period()) % PERIOD_COLORS.size()));
                int px = (int) Math.round(f.px(c.x()));
                for (double s : c.sharpness()) {
                    double y = etaScaled ? c.eta() * s : s;
                    if (!Double.isFinite(y)) continue;
                    int py = (int) Math.round(f.py(y));
                    g.fillOval(px - 2, py - 2, 5, 5);
                }
            }
            g.setColor(DIVERGED);
            g.setStroke(new BasicStroke(1.6f));
            for (CellTail c : tails) {
                if (!c.diverged()) continue;
                int px = (int) Math.round(f.px(c.x()));
                int py = f.area().y + 8;
                g.drawLine(px - 4, py - 4, px + 4, py + 4);
                g.drawLine(px - 4, py + 4, px + 4, py - 4);
            }
            g.setClip(null);
            List<String> labels = new ArrayList<>();
            List<Color> colors = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                labels.add("period " + order.get(i));
                colors.add(PERIOD_COLORS.get(i % PERIOD_COLORS.size()));
            }
            if (alive.stream().anyMatch(c -> c.period() == 0)) {
                labels.add("no period");
                colors.add(NO_PERIOD);
            }
            if (tails.stream().anyMatch(CellTail::diverged)) {
                labels.add("diverged (×)");
                colors.add(DIVERGED);
            }
            if (etaScaled) {
                labels.add("ηλ^H = 2 (dashed)");
                colors.add(Color.DARK_GRAY);
            }
            if (!labels.isEmpty()) OrbitDiagramPlot.legend(g, f.area().x + f.area().width - 10, f.area().y + 30, labels, colors);
        };

        List<OrbitDiagramPlot.Curve> lower = new ArrayList<>();
        List<CellTail> measured = tails.stream().filter(c -> c.lyapunov() != null).sorted(java.util.Comparator.comparingDouble(CellTail::x)).toList();
        if (!measured.isEmpty()) {
            double[] x = measured.stream().mapToDouble(CellTail::x).toArray();
            lower.add(new OrbitDiagramPlot.Curve("largest, weight space", x,
                    measured.stream().mapToDouble(c -> c.lyapunov().largest()).toArray(),
                    measured.stream().mapToDouble(c -> firstOrNaN(c.lyapunov().weightSpaceError())).toArray(),
                    new Color(200, 40, 40), true));
            lower.add(new OrbitDiagramPlot.Curve("seen by the loss", x,
                    measured.stream().mapToDouble(c -> c.lyapunov().loss()).toArray(),
                    measured.stream().mapToDouble(c -> c.lyapunov().lossError()).toArray(),
                    new Color(33, 102, 172), true));
            // Where the top Gauss-Newton directions swap, the turning of the subspace lowers the loss
            // exponent's estimate by up to the turning: draw that upper end too.
            if (measured.stream().anyMatch(c -> c.lyapunov().lossSubspaceRotation() > TURNING_SHOWN)) {
                lower.add(new OrbitDiagramPlot.Curve("seen by the loss + subspace turning", x,
                        measured.stream().mapToDouble(c -> c.lyapunov().loss() + c.lyapunov().lossSubspaceRotation()).toArray(),
                        null, new Color(120, 170, 220), true));
            }
        }
        List<OrbitDiagramPlot.Marker> markers = new ArrayList<>();
        if (axis.equals(SweepSpec.ETA_OVER_ETAC)) {
            markers.add(new OrbitDiagramPlot.Marker(String.format(Locale.ROOT, "UV 2→4: %.3f", UvTheory.PERIOD_FOUR_ONSET),
                    UvTheory.PERIOD_FOUR_ONSET));
            markers.add(new OrbitDiagramPlot.Marker(String.format(Locale.ROOT, "UV 4→8: %.3f", UvTheory.PERIOD_EIGHT_ONSET),
                    UvTheory.PERIOD_EIGHT_ONSET));
        }
        return OrbitDiagramPlot.layout(title, xLo - xPad, xHi + xPad, yLo - yPad, yHi + yPad, xLabel, yLabel, upper, lower,
                "Lyapunov exponent", markers);
    }

    private static double firstOrNaN(double[] v) {
        return v == null || v.length == 0 ? Double.NaN : v[0];
    }
}
