package org.sharpscope.report;

import java.nio.file.Path;
import org.sharpscope.report.nn.CriticalEtaFigures;
import org.sharpscope.report.plot.SpectrumPlots;
import org.sharpscope.report.plot.TrainingPlots;
import org.sharpscope.report.uv.BifurcationFigures;
import org.sharpscope.report.uv.DoublingsFigures;
import org.sharpscope.report.uv.FixedPointsFigures;
import org.sharpscope.report.uv.LyapunovFigures;
import org.sharpscope.report.uv.PhaseDiagramFigures;
import org.sharpscope.report.uv.UvRunFigures;
import org.sharpscope.report.uv.VectorFieldFigures;
import org.sharpscope.study.Figures;

/**
 * The figures of each task's run directory, drawn from its files alone (metrics.csv,
 * summary.json, data files) into {@code plots/}. Registered as the {@link Figures} service.
 */
public final class RunFigures implements Figures {
    @Override
    public void draw(String taskName, Path runDir) {
        switch (taskName) {
            case "train" -> TrainingPlots.write(TrainingPlots.Run.read(runDir), runDir.resolve("plots"));
            case "critical-eta" -> CriticalEtaFigures.draw(runDir);
            case "spectrum" -> SpectrumPlots.draw(runDir);
            case "uv run" -> UvRunFigures.draw(runDir);
            case "uv fixed-points" -> FixedPointsFigures.draw(runDir);
            case "uv doublings" -> DoublingsFigures.draw(runDir);
            case "uv lyapunov" -> LyapunovFigures.draw(runDir);
            case "uv bifurcation" -> BifurcationFigures.draw(runDir);
            case "uv vector-field" -> VectorFieldFigures.draw(runDir);
            case "uv phase-diagram" -> PhaseDiagramFigures.draw(runDir);
            default -> { }
        }
    }
}
