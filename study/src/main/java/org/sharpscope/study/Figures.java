package org.sharpscope.study;

import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Draws the figures of a finished run directory into its {@code plots/}, from the files the run
 * wrote (so figures can always be redrawn from a run directory alone). The report module
 * provides the implementation; the study layer finds it with {@link ServiceLoader}, so a sweep
 * cell gets its plots wherever the report module is on the class path (locally, not on bare
 * Spark executors).
 */
public interface Figures {
    /** Draws the plots of the run in {@code runDir} that ran task {@code taskName}. */
    void draw(String taskName, Path runDir);

    /** Draws nothing. */
    Figures NONE = (taskName, runDir) -> {};

    /** The implementation on the class path, or {@link #NONE}. */
    static Figures discover() {
        return ServiceLoader.load(Figures.class).findFirst().orElse(NONE);
    }
}
