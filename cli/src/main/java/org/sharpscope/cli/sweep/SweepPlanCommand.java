package org.sharpscope.cli.sweep;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sharpscope.UserInputException;
import org.sharpscope.study.sweep.Cell;
import org.sharpscope.study.sweep.CellExecutor;
import org.sharpscope.study.sweep.CellOutcome;
import org.sharpscope.study.sweep.LocalRunner;
import org.sharpscope.study.sweep.SweepPlan;
import org.sharpscope.study.sweep.SweepSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep plan SPEC}: lists the cells of a spec and estimates the cost. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "List the cells of a sweep spec (flags checked against the command) and estimate the cost. "
                + "With --calibrate, time the first cell to estimate the wall time.")
public final class SweepPlanCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "sweep spec (YAML)")
    Path specFile;

    @Option(names = "--calibrate", description = "run the first cell once (in a temporary directory) to estimate wall time")
    boolean calibrate;

    @Option(names = "--workers", paramLabel = "N", description = "workers assumed for the wall-time estimate (default: cores)")
    Integer workers;

    @Option(names = "--all", description = "list every cell (default: the first " + LISTED + ")")
    boolean all;

    /** Cells listed without --all: a plan of thousands of cells is read by its count, not its lines. */
    static final int LISTED = 1000;

    @Override
    public Integer call() throws java.io.IOException {
        if (workers != null && workers < 1) throw new UserInputException("--workers must be >= 1, got " + workers);
        SweepPlan plan = SweepPlan.of(SweepSpec.read(specFile));
        PrintWriter out = spec.commandLine().getOut();
        out.println("command: " + plan.task().name());
        int n = plan.cells().size();
        int listed = all ? n : Math.min(n, LISTED);
        for (Cell c : plan.cells().subList(0, listed)) out.println(c.id() + "  " + String.join(" ", c.flags()));
        if (listed < n) {
            out.printf(Locale.ROOT, "... %d more cells (the first %d are listed; --all lists every cell)%n", n - listed, listed);
        }
        long steps = plan.totalSteps();
        out.printf(Locale.ROOT, "%d cells%s%n", n, steps >= 0 ? ", " + steps + " steps in all" : "");
        if (calibrate && n > 0) {
            int requested = workers != null ? workers : LocalRunner.defaultWorkers();
            CellOutcome o = CellExecutor.trial(plan.task(), plan.cells().get(0), LocalRunner.torchThreadsPerCell(Math.max(1, requested)));
            int w = Math.min(n, requested);
            out.printf(Locale.ROOT, "first cell: %s in %.3f s; estimate with %d workers: %.1f s (%.1f cells/min)%n",
                    o.status(), o.seconds(), w, o.seconds() * Math.ceil((double) n / w), 60.0 * w / Math.max(o.seconds(), 1e-9));
        }
        out.flush();
        return 0;
    }
}
