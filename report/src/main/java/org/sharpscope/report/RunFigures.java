package org.sharpscope.report;

import java.nio.file.Path;
import org.sharpscope.report.plot.SpectrumPlots;
import org.sharpscope.report.plot.TrainingPlots;
import org.sharpscope.study.Figures;

/**
 * The figures of each task's run directory, drawn from its files alone (metrics.csv,
 * summary.json, data files) into {@code plots/}. Registered as the {@link Figures} service.
 */
public final class RunFigures implements Figures {
    @Override
    public void draw(String taskName, Path runDir) {
        switch (taskName) {
            // one case per task with figures, e.g. case "uv run" -> UvRunFigures.draw(runDir);
            case "train" -> TrainingPlots.write(TrainingPlots.Run.read(runDir), runDir.resolve("plots"));
            case "spectrum" -> SpectrumPlots.draw(runDir);
            default -> { }
        }
    }
}
