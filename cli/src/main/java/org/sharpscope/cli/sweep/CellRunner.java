package org.sharpscope.cli.sweep;

import java.util.List;

/**
 * Runs a sweep's pending cells and records each outcome in the sweep directory
 * ({@link SweepDirectory#record}). The local pool is one; the Spark runner (module
 * {@code spark}) another, found through {@link CellRunnerProvider}.
 */
public interface CellRunner {
    void run(SweepDirectory dir, CellCommand command, List<Cell> cells);
}
