package org.sharpscope.cli.reproduce;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.sharpscope.UserInputException;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.run.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sharpscope reproduce}: the whole study of THEORY.md on this machine — UV regimes, vector
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
                "Modes: --quick (about a minute or two), default (under 20 minutes), --full (paper scale)."})
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

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default runs/reproduce-<time>).")
    Path out;

    @Option(names = "--progress", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Show a progress bar when on a terminal (default: ${DEFAULT-VALUE}).")
    boolean progress;

    @Override
    public Integer call() {
        ReproduceMode mode = modeFlags == null ? ReproduceMode.STANDARD
                : modeFlags.quick ? ReproduceMode.QUICK : modeFlags.full ? ReproduceMode.FULL : ReproduceMode.STANDARD;
        Path dir = out != null ? out : Path.of("runs", "reproduce-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        RunDirectory.checkTarget(dir);
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new UserInputException("--out " + dir + " is not empty; give a new directory (a finished "
                            + "reproduction's report is rebuilt with 'sharpscope report " + dir + "')");
                }
            } catch (java.io.IOException e) {
                throw new UserInputException("cannot read --out " + dir + " (" + AtomicFiles.reason(e) + ")");
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new UserInputException("cannot create --out " + dir + " (" + AtomicFiles.reason(e)
                    + "); give a writable place", e);
        }
        Reproduction r = new Reproduction(dir, mode);
        Instant started = Instant.now();
        List<Task> tasks = new ArrayList<>(UvSections.tasks(r));
        tasks.addAll(NetworkSections.tasks(r));

        Map<String, double[]> seconds = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String s : Layout.SECTIONS) seconds.put(s, new double[] {0});
        boolean bar = progress && System.console() != null;
        PrintWriter err = spec.commandLine().getErr();
        try (ProgressBar pb = bar ? new ProgressBarBuilder().setTaskName("reproduce " + mode.label())
                .setInitialMax(tasks.size()).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .continuousUpdate().build() : null) {
            for (Task task : tasks) {
                if (pb != null) pb.setExtraMessage(task.section() + ": " + task.label());
                long t0 = System.nanoTime();
                if (!errors.containsKey(task.section())) {
                    try {
                        task.action().run();
                    } catch (UserInputException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        // A failed section is reported as such; the others still run.
                        errors.put(task.section(), task.label() + ": " + e.getMessage());
                        err.println("reproduce: section " + task.section() + " failed at " + task.label() + ": "
                                + e.getMessage());
                    }
                }
                seconds.get(task.section())[0] += (System.nanoTime() - t0) / 1e9;
                if (pb != null) pb.step();
                writeIndex(r, started, null, seconds, errors);
            }
        }
        ReproduceIndex index = writeIndex(r, started, Instant.now(), seconds, errors);
        Path report = ReproduceReport.write(dir);
        ReproduceReport.Verdicts v = ReproduceReport.verdicts(dir);
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "Reproduced (%s mode) in %.0f s: %d runs in %s; predictions: %d agree, %d disagree, %d untested; "
                        + "sections failed: %d. Report: %s",
                mode.label(), index.seconds(), r.runs.size(), dir, v.agree(), v.disagree(), v.untested(), errors.size(),
                report));
        if (v.disagree() > 0) {
            err.println("reproduce: " + v.disagree() + " of " + (v.agree() + v.disagree() + v.untested())
                    + " predictions disagree (see the predictions table of " + report + ")");
        }
        if (!errors.isEmpty()) {
            err.println("reproduce: " + errors.size() + " section(s) failed: " + String.join(", ", errors.keySet())
                    + " (the report says where)");
            return 1;
        }
        return 0;
    }

    private static ReproduceIndex writeIndex(Reproduction r, Instant started, Instant finished,
                                             Map<String, double[]> seconds, Map<String, String> errors) {
        List<ReproduceIndex.Section> sections = new ArrayList<>();
        for (String s : Layout.SECTIONS) {
            boolean hasTasks = seconds.get(s)[0] > 0 || r.runs.stream().anyMatch(x -> x.section().equals(s));
            String status = errors.containsKey(s) ? "failed" : finished == null ? (hasTasks ? "running" : "pending")
                    : (hasTasks ? "finished" : "skipped");
            sections.add(new ReproduceIndex.Section(s, Layout.title(s), status, seconds.get(s)[0], errors.get(s)));
        }
        Instant end = finished != null ? finished : Instant.now();
        ReproduceIndex index = new ReproduceIndex(r.mode.label(), Version.VERSION, Version.GIT_COMMIT, started.toString(),
                finished == null ? null : finished.toString(), (end.toEpochMilli() - started.toEpochMilli()) / 1e3,
                sections, List.copyOf(r.runs), List.copyOf(r.notes));
        index.write(r.dir);
        return index;
    }
}
