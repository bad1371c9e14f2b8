package org.sharpscope.study.uv;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.RunContext;

/**
 * The shape every {@code uv} dynamics task shares: open the run directory with config.yaml and
 * the manifest, do the work (which writes its data files), then summary.json; a failure marks the
 * manifest failed.
 */
final class DynamicsRun {
    private DynamicsRun() {}

    static <R extends Record> R record(String task, Map<String, Object> config, RunContext context,
                                       Function<RunDirectory, R> work) {
        RunDirectory dir = RunDirectory.create(context.out());
        dir.writeConfig(config);
        dir.startManifest(task, 0);
        R summary;
        long t0 = System.nanoTime();
        try {
            summary = work.apply(dir);
        } catch (RuntimeException e) {
            dir.finishManifest("failed");
            throw e;
        }
        dir.putManifest("seconds", (System.nanoTime() - t0) / 1e9);
        dir.writeSummary(summary);
        dir.finishManifest("finished");
        return summary;
    }

    /** An ordered map of config.yaml entries from alternating keys and values (values may be null). */
    static Map<String, Object> config(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    /** Null for NaN or infinite values, so JSON stays valid. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
