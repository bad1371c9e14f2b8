package org.sharpscope.spark;

import org.sharpscope.study.sweep.CellRunner;
import org.sharpscope.study.sweep.CellRunnerProvider;

/** Registers the Spark runner as {@code sweep run --runner spark}. */
public final class SparkRunnerProvider implements CellRunnerProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public CellRunner create(String master) {
        return new SparkRunner(master, null);
    }

    @Override
    public RemoteSweep remote(String master, String uri) {
        HadoopSweepStore store = new HadoopSweepStore(uri);
        try {
            java.nio.file.Path staging = java.nio.file.Files.createTempDirectory("sharpscope-sweep-staging");
            store.pull(staging);
            return new RemoteSweep(staging, new SparkRunner(master, store));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
