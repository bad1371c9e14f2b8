package org.sharpscope.study;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how a task runs: its run directory and the progress sink for long work.
 *
 * @param out      the run directory to write (created by the task)
 * @param progress where the task reports progress; {@link Progress#NONE} when nobody watches
 */
public record RunContext(Path out, Progress progress) {
    public RunContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(progress, "progress");
    }

    /** A context without progress reporting (sweep cells, the reproduction, tests). */
    public static RunContext quiet(Path out) {
        return new RunContext(out, Progress.NONE);
    }
}
