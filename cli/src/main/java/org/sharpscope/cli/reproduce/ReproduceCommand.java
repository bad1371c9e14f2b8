package org.sharpscope.cli.reproduce;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sharpscope.UserInputException;
import org.sharpscope.cli.options.RunDirectories;
import org.sharpscope.cli.options.TerminalProgress;
import org.sharpscope.report.reproduce.ReproduceReport;
import org.sharpscope.report.reproduce.ReproductionDrawing;
import org.sharpscope.study.reproduce.ReproduceMode;
import org.sharpscope.study.reproduce.Layout;
import org.sharpscope.study.reproduce.Reproducer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sharpscope reproduce}: the whole study of the paper on this machine — UV regimes, vector
 * field, collapse onto the EoS manifold, route to chaos, phase diagrams, and real networks — as
 * ordinary run directories under DIR, ending with DIR/report.html.
 */
@Command(name = "reproduce",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Reproduce the paper end to end: every section's runs go to DIR/<section>/..., the index to "
                        + "DIR/reproduce.json, and the report (predictions against measurements, every figure) to "
                        + "DIR/report.html. 'sharpscope report DIR' rebuilds the report from the run directories.",
                "Modes: --quick (about a minute or two), default (under 20 minutes), --full (paper scale).",
                "Exit code 0 when every section ran (whatever the verdicts), 1 when a section failed."})
public final class ReproduceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ArgGroup(exclusive = true)
    ModeFlags modeFlags;

    static final class ModeFlags {
        @Option(names = "--quick", description = "Small sizes: a first look in a few minutes (also the test suite's run).")
        boolean quick;

        @Option(names = "--full", description = "Paper scale (long).")
        boolean full;
    }

    @Option(names = "--section", paramLabel = "ID", split = ",",
            description = "Run only these sections (ids such as 8-network-chaos, their numbers or names without the number); default all.")
    List<String> sections;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default runs/reproduce-<time>).")
    Path out;

    @Option(names = "--progress", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Show a progress bar when on a terminal (default: ${DEFAULT-VALUE}).")
    boolean progress;

    @Override
    public Integer call() {
        ReproduceMode mode = modeFlags == null ? ReproduceMode.STANDARD
                : modeFlags.quick ? ReproduceMode.QUICK : modeFlags.full ? ReproduceMode.FULL : ReproduceMode.STANDARD;
        Path dir = RunDirectories.orDefault(out, "reproduce");
        PrintWriter err = spec.commandLine().getErr();
        if (sections != null && sections.isEmpty()) {
            throw new UserInputException("--section has no value; give section ids or numbers, e.g. --section 8 or --section 6,7");
        }
        List<String> ids = sections == null ? Layout.SECTIONS : sections.stream().map(Reproducer::section).distinct().toList();
        Reproducer.Outcome o = Reproducer.run(dir, mode, ids, new ReproductionDrawing(), TerminalProgress.of(progress), err::println);
        Path report = ReproduceReport.write(dir);
        ReproduceReport.Verdicts v = ReproduceReport.verdicts(dir);
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "Reproduced (%s mode) in %.0f s: %d runs in %s; predictions: %d agree, %d disagree, %d untested; "
                        + "sections failed: %d. Report: %s",
                mode.label(), o.index().seconds(), o.index().runs().size(), dir, v.agree(), v.disagree(), v.untested(),
                o.failedSections().size(), report));
        if (v.disagree() > 0) {
            err.println("reproduce: " + v.disagree() + " of " + (v.agree() + v.disagree() + v.untested())
                    + " predictions disagree (see the predictions table of " + report + ")");
        }
        if (!o.failedSections().isEmpty()) {
            err.println("reproduce: " + o.failedSections().size() + " section(s) failed: "
                    + String.join(", ", o.failedSections().keySet()) + " (the report says where)");
            return 1;
        }
        return 0;
    }
}
