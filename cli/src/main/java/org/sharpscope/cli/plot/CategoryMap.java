package org.sharpscope.cli.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A labelled heat map over a 2-D grid of categories (a phase diagram): each grid point a filled
 * cell reaching halfway to its neighbours (log axes for positive values spanning more than a
 * factor of 8, as c = 2^x), coloured by its label, one legend entry per label. The project's regime names have
 * fixed colours; other labels take palette colours in order of appearance.
 */
public final class CategoryMap {
    private static final Map<String, Color> FIXED = Map.of(
            "converged", new Color(44, 160, 44),
            "eos", new Color(31, 119, 180),
            "chaotic", new Color(255, 127, 14),
            "diverged", new Color(214, 39, 40),
            "failed", new Color(127, 127, 127),
            "sharpness_reduction", new Color(148, 103, 189),
            "progressive_sharpening", new Color(23, 190, 207),
            "flat", new Color(188, 189, 34));
    private static final Color[] PALETTE = {
            new Color(174, 199, 232), new Color(65, 90, 200), new Color(140, 86, 75), new Color(227, 119, 194),
            new Color(0, 128, 128), new Color(255, 187, 120), new Color(152, 223, 138), new Color(255, 152, 150)};

    private record Cell(double x, double y, String label) {}

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Cell> cells = new ArrayList<>();

    public CategoryMap(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds the cell at (x, y) with {@code label}. */
    public CategoryMap cell(double x, double y, String label) {
        cells.add(new Cell(x, y, label));
        return this;
    }

    public XYChart chart() {
        TreeSet<Double> xs = new TreeSet<>();
        TreeSet<Double> ys = new TreeSet<>();
        for (Cell c : cells) {
            xs.add(c.x());
            ys.add(c.y());
        }
        List<Double> xList = new ArrayList<>(xs);
        List<Double> yList = new ArrayList<>(ys);
        XYChart chart = new XYChartBuilder().width(900).height(620).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        XYStyler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesVisible(false);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        boolean logX = wide(xList);
        boolean logY = wide(yList);
        double[] ex = edges(xList, logX);
        double[] ey = edges(yList, logY);
        st.setXAxisLogarithmic(logX).setYAxisLogarithmic(logY);
        st.setXAxisMin(ex[0]).setXAxisMax(ex[ex.length - 1]);
        st.setYAxisMin(ey[0]).setYAxisMax(ey[ey.length - 1]);

        Map<String, Color> colours = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        int next = 0;
        for (Cell c : cells) {
            Color colour = colours.get(c.label());
            if (colour == null) {
                colour = FIXED.getOrDefault(c.label(), PALETTE[next++ % PALETTE.length]);
                colours.put(c.label(), colour);
            }
            int i = xList.indexOf(c.x());
            int j = yList.indexOf(c.y());
            int n = counts.merge(c.label(), 1, Integer::sum);
            // One closed square per cell; only the first cell of a label appears in the legend.
            XYSeries s = chart.addSeries(n == 1 ? c.label() : c.label() + "\u200b#" + n,
                    new double[] {ex[i], ex[i + 1], ex[i + 1], ex[i], ex[i]},
                    new double[] {ey[j], ey[j], ey[j + 1], ey[j + 1], ey[j]});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            s.setMarker(SeriesMarkers.NONE);
            s.setFillColor(colour);
            s.setLineColor(Color.WHITE);
            s.setShowInLegend(n == 1);
        }
        return chart;
    }

    /**
     * Cell edges: midpoints between neighbouring values (geometric midpoints on a log axis), the
     * outer edges half a spacing beyond the ends; a single value gets a unit-wide cell.
     */
    static double[] edges(List<Double> v, boolean log) {
        int n = v.size();
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = log ? Math.log(v.get(i)) : v.get(i);
        double[] e = new double[n + 1];
        if (n == 1) {
            e[0] = t[0] - 0.5;
            e[1] = t[0] + 0.5;
        } else {
            for (int i = 1; i < n; i++) e[i] = 0.5 * (t[i - 1] + t[i]);
            e[0] = t[0] - (e[1] - t[0]);
            e[n] = t[n - 1] + (t[n - 1] - e[n - 1]);
        }
        if (log) for (int i = 0; i <= n; i++) e[i] = Math.exp(e[i]);
        return e;
    }

    private static boolean wide(List<Double> v) {
        return v.size() > 2 && v.get(0) > 0 && v.get(v.size() - 1) / v.get(0) > 8;
    }
}
