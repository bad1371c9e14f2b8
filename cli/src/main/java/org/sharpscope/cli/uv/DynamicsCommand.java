package org.sharpscope.cli.uv;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sharpscope.run.Json;
import org.sharpscope.run.RunDirectory;
import picocli.CommandLine;

/**
 * The shape every {@code uv} dynamics command shares: validate the flags (a bad value is a
 * one-line error, exit 2, and no directory is created), open a run directory with config and
 * manifest, compute and write data and plots, write {@code summary.json}, then print either the
 * summary (--json) or a short human report.
 */
abstract class DynamicsCommand implements Callable<Integer> {
    @CommandLine.Mixin
    DynamicsRunOptions runOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Command name used for the default directory and the manifest. */
    abstract String commandName();

    /** Throws {@link org.sharpscope.UserInputException} for bad flags. */
    abstract void validate();

    /** The fully resolved configuration, written as config.yaml. */
    abstract Map<String, Object> config();

    /** Does the work, writes data and plots into {@code dir}; returns the summary. */
    abstract Map<String, Object> compute(RunDirectory dir);

    /** Lines for people (when not --json). */
    abstract List<String> report(Map<String, Object> summary);

    @Override
    public final Integer call() {
        validate();
        RunDirectory dir = RunDirectory.create(runOptions.directory(commandName()));
        dir.writeConfig(config());
        dir.startManifest("uv " + commandName(), 0);
        Map<String, Object> summary;
        long t0 = System.nanoTime();
        try {
            summary = compute(dir);
        } catch (RuntimeException e) {
            dir.finishManifest("failed");
            throw e;
        }
        dir.putManifest("seconds", (System.nanoTime() - t0) / 1e9);
        dir.writeSummary(summary);
        dir.finishManifest("finished");
        PrintWriter out = spec.commandLine().getOut();
        if (runOptions.json) {
            out.println(Json.toJson(summary));
        } else {
            for (String line : report(summary)) out.println(line);
            out.println("wrote " + dir.root());
        }
        out.flush();
        return 0;
    }

    /** Null for NaN or infinite values, so JSON stays valid. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
