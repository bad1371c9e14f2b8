package org.sharpscope.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sharpscope.study.Tasks;
import org.sharpscope.study.sweep.CellRunner;
import org.sharpscope.study.sweep.CellRunnerProvider;
import org.sharpscope.study.sweep.SweepStore;

/** Registers the Spark runner as {@code sweep run --runner spark}, and Hadoop's file systems for sweeps at URIs. */
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
        return remote(master, uri, Tasks::named);
    }

    /** A sweep at {@code uri}: its index staged locally (pulled from the store, for resume), its cells run by a runner that uploads them. */
    static RemoteSweep remote(String master, String uri, SparkRunner.TaskLookup tasks) {
        HadoopSweepStore store = HadoopSweepStore.fromSystemProperties(uri);
        try {
            Path staging = Files.createTempDirectory("sharpscope-sweep-staging");
            store.pull(staging);
            return new RemoteSweep(staging, new SparkRunner(master, store, tasks));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SweepStore store(String uri) {
        return HadoopSweepStore.fromSystemProperties(uri);
    }
}
