package org.sharpscope.study;

import java.nio.file.Path;

/**
 * A task whose run directory can be continued after a kill, from its checkpoints and its
 * config.yaml alone (as {@code train} does), bit for bit as if it had never stopped.
 */
public interface Resumable<R extends Record> {
    /** True when {@code runDir} holds what {@link #resume} needs (config.yaml and a checkpoint). */
    boolean canResume(Path runDir);

    /** Continues the run in {@code runDir} (its config.yaml supplies every setting). */
    R resume(Path runDir, RunContext context);
}
