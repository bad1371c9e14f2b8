package org.sharpscope.cli.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A labelled heat map over a 2-D grid of categories (a phase diagram): each cell a filled
 * square coloured by its label, one legend entry per label. Regime names of the project have
 * fixed colours; other labels take colours from a palette in order of appearance.
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
            new Color(140, 86, 75), new Color(227, 119, 194), new Color(65, 65, 160), new Color(0, 128, 128),
            new Color(174, 199, 232), new Color(255, 187, 120), new Color(152, 223, 138), new Color(255, 152, 150)};

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Map<String, List<double[]>> byLabel = new LinkedHashMap<>();

    public CategoryMap(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds the cell at (x, y) with {@code label}. */
    public CategoryMap cell(double x, double y, String label) {
        byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(new double[] {x, y});
        return this;
    }

    /** The chart: log axes where the values are positive and span more than a factor of 8. */
    public XYChart chart() {
        TreeSet<Double> xs = new TreeSet<>();
        TreeSet<Double> ys = new TreeSet<>();
        byLabel.values().forEach(l -> l.forEach(p -> {
            xs.add(p[0]);
            ys.add(p[1]);
        }));
        int width = 900;
        int height = 620;
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        org.knowm.xchart.style.XYStyler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setPlotGridLinesVisible(false);
        boolean logX = wide(xs);
        boolean logY = wide(ys);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        // Squares sized to the grid so neighbouring cells touch (plot area ≈ 70% of the chart).
        int size = (int) Math.max(4, Math.min(0.62 * width / Math.max(1, xs.size()), 0.72 * height / Math.max(1, ys.size())) * 0.9);
        st.setMarkerSize(size);
        int next = 0;
        for (Map.Entry<String, List<double[]>> e : byLabel.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(p -> p[0]).toArray();
            double[] y = e.getValue().stream().mapToDouble(p -> p[1]).toArray();
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.SQUARE);
            Color c = FIXED.get(e.getKey());
            if (c == null) c = PALETTE[next++ % PALETTE.length];
            s.setMarkerColor(c);
        }
        return chart;
    }

    private static boolean wide(TreeSet<Double> v) {
        return !v.isEmpty() && v.first() > 0 && v.last() / v.first() > 8;
    }
}
