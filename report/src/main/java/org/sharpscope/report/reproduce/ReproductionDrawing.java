package org.sharpscope.report.reproduce;

import java.nio.file.Path;
import org.sharpscope.report.RunFigures;
import org.sharpscope.report.sweep.BifurcationPlot;
import org.sharpscope.report.sweep.CriticalConstantsPlot;
import org.sharpscope.report.sweep.PhaseDiagramPlot;
import org.sharpscope.study.reproduce.Reproduction;
import org.sharpscope.study.sweep.SweepCollection;

/** The figures of a reproduction's runs and sweeps, drawn as each finishes. */
public final class ReproductionDrawing implements Reproduction.Drawing {
    private final RunFigures figures = new RunFigures();

    @Override
    public void run(String taskName, Path runDir) {
        figures.draw(taskName, runDir);
    }

    @Override
    public void sweep(Path sweepDir, SweepCollection c) {
        Path plots = sweepDir.resolve("plots");
        if (c.phase() != null) PhaseDiagramPlot.save(c.phase(), plots);
        if (c.critical() != null) CriticalConstantsPlot.save(c.critical(), plots);
        if (c.bifurcation() != null) BifurcationPlot.save(c.bifurcation(), plots);
    }
}
