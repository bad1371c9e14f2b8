package org.sharpscope.report.plot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sharpscope.run.CsvTable;
import org.sharpscope.study.spectral.SpectrumSummary;
import org.sharpscope.study.spectral.SpectrumTask;

/** The figure of a {@code spectrum} run: its SLQ spectral density, as density.png and .svg next to density.csv. */
public final class SpectrumPlots {
    private SpectrumPlots() {}

    /** Draws the density of the run in {@code runDir}, if it estimated one. */
    public static void draw(Path runDir) {
        Path csv = runDir.resolve(SpectrumTask.DENSITY);
        if (!Files.isRegularFile(csv)) return;
        SpectrumSummary.Density d = SpectrumSummary.read(runDir).density();
        CsvTable t = CsvTable.read(csv);
        LinePlot plot = new LinePlot("Spectral density (SLQ, " + d.probes() + " probes, σ = "
                + String.format(Locale.ROOT, "%.3g", d.sigma()) + ")", "eigenvalue λ", "density")
                .line("density", t.doubles("lambda"), t.doubles("density"));
        plot.chart().getStyler().setXAxisDecimalPattern("0.####");
        plot.chart().getStyler().setLegendVisible(false);
        ChartFiles.save(plot.chart(), runDir, "density");
    }
}
