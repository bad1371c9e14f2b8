package org.sharpscope.spark;

import org.sharpscope.cli.sweep.CellRunner;
import org.sharpscope.cli.sweep.CellRunnerProvider;

/** Registers the Spark runner as {@code sweep run --runner spark}. */
public final class SparkRunnerProvider implements CellRunnerProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public CellRunner create(String master) {
        return new SparkRunner(master);
    }
}
