package org.sharpscope.study.sweep;

import java.util.List;
import org.sharpscope.study.Task;

/**
 * Runs a sweep's pending cells of {@code task} and records each outcome in the sweep directory
 * ({@link SweepDirectory#record}). The local pool is one; the Spark runner (module
 * {@code spark}) another, found through {@link CellRunnerProvider}.
 */
public interface CellRunner {
    void run(SweepDirectory dir, Task<?, ?> task, List<Cell> cells);
}
