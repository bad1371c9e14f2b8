package org.sharpscope.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sharpscope.UserInputException;
import org.sharpscope.study.Specs;
import org.sharpscope.study.Tasks;
import org.sharpscope.study.sweep.Cell;
import org.sharpscope.study.sweep.CellOutcome;
import org.sharpscope.study.sweep.CellRunner;
import org.sharpscope.study.sweep.CellRunnerProvider;
import org.sharpscope.study.sweep.CollectSettings;
import org.sharpscope.study.sweep.IndexEntry;
import org.sharpscope.study.sweep.SweepCollection;
import org.sharpscope.study.sweep.SweepDirectory;
import org.sharpscope.study.sweep.SweepIndex;
import org.sharpscope.study.sweep.SweepPlan;
import org.sharpscope.study.sweep.SweepSpec;
import org.sharpscope.study.sweep.SweepStore;

/**
 * Entry point for spark-submit, on the study layer alone:
 * {@code SparkSweep run SPEC --out DIR [--resume [--retry-failed]] [--master URL]} runs a sweep
 * on Spark as {@code sharpscope sweep run ... --runner spark} does (DIR may be a Hadoop URI);
 * {@code SparkSweep collect DIR [--tail K ...]} writes results.csv and the figures' tables as
 * {@code sharpscope sweep collect} does (into the sweep, also at a URI), without drawing (the
 * plots come from {@code sharpscope sweep collect}).
 */
public final class SparkSweep {
    private static final String USAGE = "usage: SparkSweep run SPEC --out DIR [--resume [--retry-failed]] [--master URL]"
            + " | SparkSweep collect DIR [--phase-x AXIS --phase-y AXIS --regime FIELD --critical-axis AXIS --early-rows T"
            + " --bifurcation-axis AXIS --tail K --max-period P --period-tol TOL]";

    private SparkSweep() {}

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the verb in {@code args} with the tasks of this build and returns the exit code: 0, or 2 after a one-line error on stderr. */
    public static int execute(String... args) {
        return execute(Tasks::named, args);
    }

    /** As {@link #execute(String...)}, with the cells' tasks found by {@code tasks}. */
    public static int execute(SparkRunner.TaskLookup tasks, String... args) {
        try {
            if (args.length < 2) throw new UserInputException(USAGE);
            Map<String, String> options = options(args);
            switch (args[0]) {
                case "run" -> run(tasks, Path.of(args[1]), options, System.out);
                case "collect" -> collect(args[1], options, System.out);
                default -> throw new UserInputException(USAGE);
            }
            return 0;
        } catch (UserInputException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static void run(SparkRunner.TaskLookup tasks, Path specFile, Map<String, String> options, PrintStream out) {
        String dirName = options.remove("out");
        String master = options.remove("master");
        boolean resume = options.remove("resume") != null;
        boolean retryFailed = options.remove("retry-failed") != null;
        if (dirName == null || !options.isEmpty()) throw new UserInputException(USAGE);
        if (retryFailed && !resume) throw new UserInputException("--retry-failed needs --resume");
        String specText = read(specFile);
        SweepPlan plan = SweepPlan.of(SweepSpec.parse(specText, specFile.toString()), tasks::named);
        Path root = Path.of(dirName);
        CellRunner runner = new SparkRunner(master, null, tasks);
        if (CellRunnerProvider.isUri(dirName)) {
            CellRunnerProvider.RemoteSweep remote = SparkRunnerProvider.remote(master, dirName, tasks);
            root = remote.staging();
            runner = remote.runner();
        }
        SweepDirectory dir = SweepDirectory.prepare(root, plan, specText, resume, retryFailed);
        List<Cell> todo = dir.pending(plan);
        out.printf("sweep %s: %d cells, %d to run (spark runner)%n", dirName, plan.cells().size(), todo.size());
        long t0 = System.nanoTime();
        runner.run(dir, plan.task(), todo);
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "ran %d cells in %.2f s (%.1f cells/min)%n", todo.size(), seconds,
                todo.isEmpty() ? 0.0 : 60.0 * todo.size() / seconds);
        report(dir.index(), out);
    }

    private static void collect(String dirName, Map<String, String> options, PrintStream out) {
        CollectSettings settings = Specs.bind(CollectSettings.class, options, "SparkSweep collect");
        SweepStore store = CellRunnerProvider.isUri(dirName) ? HadoopSweepStore.fromSystemProperties(dirName) : null;
        Path root = store == null ? Path.of(dirName) : store.copy();
        SweepDirectory dir = SweepDirectory.open(root);
        SweepCollection c = SweepCollection.collect(dir, settings);
        if (store != null) store.uploadCollection(root);
        String results = store == null ? root.resolve(SweepCollection.RESULTS).toString() : store.uri() + "/" + SweepCollection.RESULTS;
        out.println("wrote " + results + " (" + c.results().rows().size() + " cells)");
        out.println("tables: phase diagram " + (c.phase() != null) + ", critical constants " + (c.critical() != null)
                + ", bifurcation " + (c.bifurcation() != null) + "; draw the plots with 'sharpscope sweep collect " + dirName + "'");
        report(dir.index(), out);
        if (store != null) SweepStore.deleteCopy(root);
    }

    /** {@code --key value} pairs after the verb's argument; a switch (no value) maps to "true". */
    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new UserInputException("unexpected argument '" + args[i] + "'; " + USAGE);
            String key = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            out.put(key, hasValue ? args[++i] : "true");
        }
        return out;
    }

    private static String read(Path specFile) {
        try {
            return Files.readString(specFile);
        } catch (NoSuchFileException e) {
            throw new UserInputException("sweep spec " + specFile + " does not exist; give the path of a YAML spec");
        } catch (IOException e) {
            throw new UserInputException("cannot read sweep spec " + specFile + ": " + e.getMessage());
        }
    }

    private static void report(SweepIndex index, PrintStream out) {
        out.printf("%d finished, %d failed, %d pending%n", index.count(CellOutcome.FINISHED),
                index.count(CellOutcome.FAILED), index.count(CellOutcome.PENDING));
        for (IndexEntry e : index.cells()) {
            if (CellOutcome.FAILED.equals(e.status())) System.err.println("failed " + e.id() + " " + e.axes() + ": " + e.error());
        }
    }
}
