package org.sharpscope.cli.sweep;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sharpscope.UserInputException;
import org.sharpscope.cli.options.TerminalProgress;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.sweep.Cell;
import org.sharpscope.study.sweep.CellOutcome;
import org.sharpscope.study.sweep.CellRunner;
import org.sharpscope.study.sweep.CellRunnerProvider;
import org.sharpscope.study.sweep.IndexEntry;
import org.sharpscope.study.sweep.LocalRunner;
import org.sharpscope.study.sweep.SweepDirectory;
import org.sharpscope.study.sweep.SweepIndex;
import org.sharpscope.study.sweep.SweepPlan;
import org.sharpscope.study.sweep.SweepSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep run SPEC --out DIR}: runs every cell, locally or on Spark, resumably. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run every cell of a sweep spec into DIR/cells/<id>/ (each an ordinary run directory), keeping "
                + "DIR/index.json of cell -> status. A failed cell is recorded with its error and does not stop the others; "
                + "the exit code is 0 when every cell was attempted.")
public final class SweepRunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "sweep spec (YAML)")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "sweep directory (new, or an existing one with --resume); with --runner spark also a Hadoop URI such as hdfs://host/path")
    String out;

    @Option(names = "--resume", description = "continue the sweep in DIR: finished cells are kept, unfinished ones rerun")
    boolean resume;

    @Option(names = "--retry-failed", description = "with --resume, also rerun cells that failed")
    boolean retryFailed;

    @Option(names = "--workers", paramLabel = "N", description = "local runner: cells at once (default: one per core); a train cell gets --threads cores/workers unless the spec sets threads")
    Integer workers;

    @Option(names = "--runner", paramLabel = "local|spark", defaultValue = "local",
            description = "where cells run: local (default) or spark (needs the spark module on the class path)")
    String runner;

    @Option(names = "--master", paramLabel = "URL", description = "spark runner: master URL, e.g. local[2] or spark://host:7077")
    String master;

    @Option(names = "--no-progress", description = "no progress bar (it is also off when the output is not a terminal)")
    boolean noProgress;

    @Override
    public Integer call() {
        if (workers != null && workers < 1) throw new UserInputException("--workers must be >= 1, got " + workers);
        if (retryFailed && !resume) throw new UserInputException("--retry-failed needs --resume");
        String specText = SweepSpec.readText(specFile);
        SweepPlan plan = SweepPlan.of(SweepSpec.parse(specText, specFile.toString()));
        Target target = target();
        SweepDirectory dir = SweepDirectory.prepare(target.root(), plan, specText, resume, retryFailed);
        List<Cell> todo = dir.pending(plan);
        PrintWriter pw = spec.commandLine().getOut();
        pw.printf("sweep %s: %d cells, %d to run (%s runner)%n", out, plan.cells().size(), todo.size(), runner);
        pw.flush();
        long t0 = System.nanoTime();
        target.runner().run(dir, plan.task(), todo);
        double seconds = (System.nanoTime() - t0) / 1e9;
        pw.printf(Locale.ROOT, "ran %d cells in %.2f s (%.1f cells/min)%n", todo.size(), seconds,
                todo.isEmpty() ? 0.0 : 60.0 * todo.size() / seconds);
        report(dir.index(), pw, spec.commandLine().getErr());
        return 0;
    }

    /** The runner the options ask for, and the directory on this machine where the sweep's index lives. */
    private record Target(Path root, CellRunner runner) {}

    private Target target() {
        boolean uri = CellRunnerProvider.isUri(out);
        return switch (runner) {
            case "local" -> {
                if (master != null) throw new UserInputException("--master is for --runner spark");
                if (uri) throw new UserInputException("--out " + out + " is a URI; the local runner writes to a path, use --runner spark for URIs");
                int n = workers != null ? workers : LocalRunner.defaultWorkers();
                RunDirectory.checkTarget(Path.of(out));
                yield new Target(Path.of(out), new LocalRunner(n, TerminalProgress.of(!noProgress)));
            }
            case "spark" -> {
                if (workers != null) {
                    throw new UserInputException("--workers is for the local runner; Spark runs as many cells at once as its "
                            + "executors have cores (e.g. --master local[2])");
                }
                CellRunnerProvider p = CellRunnerProvider.find("spark");
                if (!uri) yield new Target(Path.of(out), p.create(master));
                CellRunnerProvider.RemoteSweep remote = p.remote(master, out);
                if (remote == null) throw new UserInputException("the spark runner cannot write to " + out);
                yield new Target(remote.staging(), remote.runner());
            }
            default -> throw new UserInputException("--runner must be local or spark, got '" + runner + "'");
        };
    }

    /** Prints the counts, and each failed cell with its error. */
    static void report(SweepIndex index, PrintWriter out, PrintWriter err) {
        out.printf("%d finished, %d failed, %d pending%n", index.count(CellOutcome.FINISHED),
                index.count(CellOutcome.FAILED), index.count(CellOutcome.PENDING));
        out.flush();
        for (IndexEntry e : index.cells()) {
            if (CellOutcome.FAILED.equals(e.status())) err.println("failed " + e.id() + " " + e.axes() + ": " + e.error());
        }
        err.flush();
    }
}
