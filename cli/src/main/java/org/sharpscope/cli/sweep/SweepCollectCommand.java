package org.sharpscope.cli.sweep;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.sharpscope.report.sweep.BifurcationPlot;
import org.sharpscope.report.sweep.CriticalConstantsPlot;
import org.sharpscope.report.sweep.PhaseDiagramPlot;
import org.sharpscope.study.sweep.CellRunnerProvider;
import org.sharpscope.study.sweep.CollectSettings;
import org.sharpscope.study.sweep.PeriodRule;
import org.sharpscope.study.sweep.SweepCollection;
import org.sharpscope.study.sweep.SweepDirectory;
import org.sharpscope.study.sweep.SweepStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep collect DIR}: results.csv and the derived figures of a sweep. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Gather a sweep into DIR/results.csv (one row per cell: axes, seed, status, error, summary fields) "
                + "and draw DIR/plots/: the phase diagram of regimes over two axes, the critical constants "
                + "c_loss, c_sharp, c_max against an axis, and the bifurcation diagram of late-time sharpness.")
public final class SweepCollectCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "a sweep directory (the --out of 'sweep run'), also a Hadoop URI such as hdfs://host/path")
    String dir;

    @Option(names = "--phase-x", paramLabel = "AXIS", description = "x axis of the phase diagram (default: first varying numeric axis)")
    String phaseX;

    @Option(names = "--phase-y", paramLabel = "AXIS", description = "y axis of the phase diagram (default: second varying numeric axis)")
    String phaseY;

    @Option(names = "--regime", paramLabel = "FIELD",
            description = "summary field that labels the phase diagram (default: late_state; e.g. early_trend)")
    String regime;

    @Option(names = "--critical-axis", paramLabel = "AXIS",
            description = "axis the critical constants are drawn against (default: first varying numeric axis that is not a learning rate)")
    String criticalAxis;

    @Option(names = "--early-rows", paramLabel = "T",
            description = "rows of metrics.csv after the first that count as early training for c_loss and c_sharp (default: 10)")
    Integer earlyRows;

    @Option(names = "--bifurcation-axis", paramLabel = "AXIS",
            description = "x axis of the bifurcation diagram: an axis or a numeric summary field (default: eta or eta-over-etac if swept, "
                    + "else the summary field eta when it varies, else c if swept, else the first varying axis)")
    String bifurcationAxis;

    @Option(names = "--tail", paramLabel = "K", description = "late sharpness samples per cell in the bifurcation diagram (default: 64)")
    Integer tail;

    @Option(names = "--max-period", paramLabel = "P", description = "largest period detected (default: 16)")
    Integer maxPeriod;

    @Option(names = "--period-rule", paramLabel = "exact|clusters",
            description = "how each cell's period is found: exact (samples p apart agree to --period-tol) or clusters "
                    + "(the phases form tight clusters whose gaps are --separation times their spread; for noisy networks) "
                    + "(default: clusters for train sweeps, exact otherwise)")
    String periodRule;

    @Option(names = "--period-tol", paramLabel = "TOL",
            description = "relative tolerance of the period detector (default: 1e-6 with exact, 1e-3 with clusters)")
    Double periodTol;

    @Option(names = "--separation", paramLabel = "S",
            description = "clusters rule: least gap between clusters, in within-phase ranges, > 1 (default: 2)")
    Double separation;

    @Override
    public Integer call() {
        CollectSettings settings = new CollectSettings(phaseX, phaseY, regime, criticalAxis, earlyRows, bifurcationAxis, tail,
                maxPeriod, periodTol, periodRule == null ? null : PeriodRule.parse(periodRule), separation);
        // A sweep at a URI is collected in a local copy, and what collect wrote goes back to the sweep.
        SweepStore store = CellRunnerProvider.isUri(dir) ? CellRunnerProvider.openStore(dir) : null;
        Path root = store == null ? Path.of(dir) : store.copy();
        Function<Path, String> shown = p -> store == null ? p.toString() : store.address(root, p);
        SweepDirectory sweep = SweepDirectory.open(root);
        SweepCollection c = SweepCollection.collect(sweep, settings);
        Path plots = root.resolve("plots");
        List<Path> drawn = new ArrayList<>();
        if (c.phase() != null) drawn.add(PhaseDiagramPlot.save(c.phase(), plots));
        if (c.critical() != null) drawn.add(CriticalConstantsPlot.save(c.critical(), plots));
        if (c.bifurcation() != null) drawn.add(BifurcationPlot.save(c.bifurcation(), plots));
        if (store != null) store.uploadCollection(root);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + shown.apply(root.resolve(SweepCollection.RESULTS)) + " (" + c.results().rows().size() + " cells)");
        if (c.phase() == null) out.println("no phase diagram: it needs two numeric axes with several values (or --phase-x and --phase-y)");
        for (Path p : drawn) out.println("wrote " + shown.apply(p));
        if (c.bifurcation() != null && c.bifurcation().warning() != null) {
            spec.commandLine().getErr().println("warning: bifurcation diagram: " + c.bifurcation().warning());
        }
        SweepRunCommand.report(sweep.index(), out, spec.commandLine().getErr());
        if (store != null) SweepStore.deleteCopy(root);
        return 0;
    }
}
