package org.sharpscope.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart in the project's style: white background, legend inside, optional log y axis,
 * dashed reference lines (such as 2/η). Non-finite values are dropped from each series.
 */
public final class LinePlot {
    private final XYChart chart;

    public LinePlot(String title, String xLabel, String yLabel) {
        chart = new XYChartBuilder().width(900).height(520).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        Styler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setMarkerSize(3);
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        // Solid grid lines: the SVG encoder writes every dash of a dashed line as its own
        // rectangle, which made a log-scale loss plot 4 MB.
        chart.getStyler().setPlotGridLinesStroke(new BasicStroke(0.8f));
    }

    /** Log y axis; no horizontal grid (XChart draws one per minor tick, a grey wash over 30 decades). */
    public LinePlot logY() {
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        return this;
    }

    /** Adds a solid line series. */
    public LinePlot line(String name, double[] x, double[] y) {
        XYSeries s = addFinite(name, x, y, chart.getStyler().isYAxisLogarithmic());
        if (s != null) s.setMarker(SeriesMarkers.NONE);
        return this;
    }

    /** Adds points without a connecting line. */
    public LinePlot points(String name, double[] x, double[] y) {
        XYSeries s = addFinite(name, x, y, chart.getStyler().isYAxisLogarithmic());
        if (s != null) {
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return this;
    }

    /** Adds a dashed horizontal reference line at {@code y} over [xMin, xMax]. */
    public LinePlot horizontal(String name, double y, double xMin, double xMax) {
        return horizontal(name, y, xMin, xMax, Color.DARK_GRAY);
    }

    /**
     * Adds a dashed horizontal reference line in the given colour (to pair it with a series); a
     * line at an infinite or NaN height (2/η of a learning rate that underflows) is left out.
     */
    public LinePlot horizontal(String name, double y, double xMin, double xMax, Color color) {
        if (!Double.isFinite(y) || !Double.isFinite(xMin) || !Double.isFinite(xMax)) return this;
        XYSeries s = chart.addSeries(name, new double[] {xMin, xMax}, new double[] {y, y});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        s.setLineColor(color);
        return this;
    }

    /** The colour the chart's theme gives the {@code i}-th series. */
    public Color seriesColor(int i) {
        Color[] colors = chart.getStyler().getSeriesColors();
        return colors[i % colors.length];
    }

    public XYChart chart() {
        return chart;
    }

    private XYSeries addFinite(String name, double[] x, double[] y, boolean positiveOnly) {
        int n = 0;
        double[] fx = new double[x.length];
        double[] fy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!positiveOnly || y[i] > 0)) {
                fx[n] = x[i];
                fy[n] = y[i];
                n++;
            }
        }
        if (n == 0) return null;
        return chart.addSeries(name, java.util.Arrays.copyOf(fx, n), java.util.Arrays.copyOf(fy, n));
    }
}
