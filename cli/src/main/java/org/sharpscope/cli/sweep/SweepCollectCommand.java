package org.sharpscope.cli.sweep;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sharpscope.UserInputException;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.run.AtomicFiles;
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
    /** Axes that hold the learning rate; the bifurcation diagram prefers them as its x axis. */
    static final List<String> RATE_AXES = List.of("eta", "c", "eta-over-etac");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "a sweep directory (the --out of 'sweep run')")
    Path dir;

    @Option(names = "--phase-x", paramLabel = "AXIS", description = "x axis of the phase diagram (default: first varying numeric axis)")
    String phaseX;

    @Option(names = "--phase-y", paramLabel = "AXIS", description = "y axis of the phase diagram (default: second varying numeric axis)")
    String phaseY;

    @Option(names = "--regime", paramLabel = "FIELD", defaultValue = "late_state",
            description = "summary field that labels the phase diagram (default: ${DEFAULT-VALUE}; e.g. early_trend)")
    String regime;

    @Option(names = "--critical-axis", paramLabel = "AXIS",
            description = "axis the critical constants are drawn against (default: first varying numeric axis that is not a learning rate)")
    String criticalAxis;

    @Option(names = "--early-rows", paramLabel = "T", defaultValue = "10",
            description = "rows of metrics.csv after the first that count as early training for c_loss and c_sharp (default: ${DEFAULT-VALUE})")
    int earlyRows;

    @Option(names = "--bifurcation-axis", paramLabel = "AXIS",
            description = "x axis of the bifurcation diagram: an axis or a numeric summary field (default: eta or eta-over-etac if swept, "
                    + "else the summary field eta when it varies, else c if swept, else the first varying axis)")
    String bifurcationAxis;

    @Option(names = "--tail", paramLabel = "K", defaultValue = "64",
            description = "late sharpness samples per cell in the bifurcation diagram (default: ${DEFAULT-VALUE})")
    int tail;

    @Option(names = "--max-period", paramLabel = "P", defaultValue = "16", description = "largest period detected (default: ${DEFAULT-VALUE})")
    int maxPeriod;

    @Option(names = "--period-tol", paramLabel = "TOL", defaultValue = "1e-6",
            description = "relative tolerance of the period detector (default: ${DEFAULT-VALUE})")
    double periodTol;

    @Override
    public Integer call() {
        if (earlyRows < 1) throw new UserInputException("--early-rows must be >= 1, got " + earlyRows);
        if (tail < 2) throw new UserInputException("--tail must be >= 2, got " + tail);
        if (maxPeriod < 1) throw new UserInputException("--max-period must be >= 1, got " + maxPeriod);
        UserInputException.requirePositive("--period-tol", periodTol);
        SweepDirectory sweep = SweepDirectory.open(dir);
        SweepResults res = SweepResults.read(sweep);
        PrintWriter out = spec.commandLine().getOut();
        AtomicFiles.writeString(dir.resolve("results.csv"), res.table().toCsv());
        out.println("wrote " + dir.resolve("results.csv") + " (" + res.rows().size() + " cells)");
        Path plots = dir.resolve("plots");
        List<String> varying = PhaseDiagram.varyingNumericAxes(res);

        String px = phaseX != null ? requireAxis(res, phaseX) : varying.size() >= 2 ? varying.get(0) : null;
        String py = phaseY != null ? requireAxis(res, phaseY) : px != null && varying.size() >= 2
                ? varying.stream().filter(a -> !a.equals(px)).findFirst().orElse(null) : null;
        if (px != null && py != null) {
            List<PhaseDiagram.Point> pts = PhaseDiagram.points(res, px, py, regime);
            AtomicFiles.writeString(dir.resolve("phase-diagram.csv"), PhaseDiagram.table(pts, px, py).toCsv());
            out.println("wrote " + ChartFiles.saveImage(PhaseDiagram.plot(pts, px, py, regime), plots, "phase-diagram"));
        } else {
            out.println("no phase diagram: it needs two numeric axes with several values (or --phase-x and --phase-y)");
        }

        String group = criticalAxis != null ? requireAxis(res, criticalAxis)
                : varying.stream().filter(a -> !RATE_AXES.contains(a)).findFirst().orElse(null);
        List<CriticalConstants.Row> crit = CriticalConstants.compute(res, sweep, group, earlyRows);
        if (!crit.isEmpty()) {
            AtomicFiles.writeString(dir.resolve("critical-constants.csv"), CriticalConstants.table(crit, group).toCsv());
            out.println("wrote " + ChartFiles.save(CriticalConstants.plot(crit, group).chart(), plots, "critical-constants"));
        }

        String bx = bifurcationAxis != null ? requireAxisOrSummaryNumber(res, bifurcationAxis) : defaultBifurcationAxis(res, varying);
        if (bx != null) {
            List<BifurcationDiagram.CellTail> tails = BifurcationDiagram.compute(res, sweep, bx, tail, maxPeriod, periodTol);
            if (!tails.isEmpty()) {
                AtomicFiles.writeString(dir.resolve("bifurcation.csv"), BifurcationDiagram.samples(tails, bx).toCsv());
                AtomicFiles.writeString(dir.resolve("bifurcation-periods.csv"), BifurcationDiagram.periods(tails, bx).toCsv());
                out.println("wrote " + ChartFiles.save(BifurcationDiagram.plot(tails, bx).chart(), plots, "bifurcation"));
            }
        }
        SweepRunCommand.report(sweep.index(), out, spec.commandLine().getErr());
        return 0;
    }

    /**
     * η or η/η_c when swept; else the summary's {@code eta} when it differs between cells (a
     * {@code train} sweep over c); else c when swept; else the first varying axis.
     */
    static String defaultBifurcationAxis(SweepResults res, List<String> varying) {
        if (varying.contains("eta")) return "eta";
        if (varying.contains("eta-over-etac")) return "eta-over-etac";
        if (!res.axes().contains("eta") && varyingSummaryNumber(res, "eta")) return "eta";
        return varying.stream().filter(RATE_AXES::contains).findFirst().orElse(varying.isEmpty() ? null : varying.get(0));
    }

    private static boolean varyingSummaryNumber(SweepResults res, String field) {
        return res.rows().stream().mapToDouble(r -> r.number(field)).filter(Double::isFinite).distinct().count() > 1;
    }

    private static String requireAxisOrSummaryNumber(SweepResults res, String name) {
        if (res.axes().contains(name)) return name;
        if (res.rows().stream().anyMatch(r -> Double.isFinite(r.number(name)))) return name;
        throw new UserInputException("'" + name + "' is neither an axis of this sweep nor a numeric summary field; its axes are " + res.axes());
    }

    private static String requireAxis(SweepResults res, String axis) {
        if (!res.axes().contains(axis)) {
            throw new UserInputException("'" + axis + "' is not an axis of this sweep; its axes are " + res.axes());
        }
        return axis;
    }
}
