package org.sharpscope.study;

/**
 * One runnable job of the study layer — {@code uv run}, {@code train}, {@code sharpness}, a
 * dynamics command — as a typed value: a spec record in, a run directory and a summary record
 * out. The command line, sweeps and the reproduction all run tasks through this interface;
 * nothing runs a task by building an argument list.
 *
 * @param <S> the spec: a record whose components are the task's settings, named like its flags
 *            and config keys (camelCase here, kebab-case in YAML; see {@link Specs})
 * @param <R> the summary: a record written as the run's {@code summary.json}
 */
public interface Task<S extends Record, R extends Record> {
    /** The task's name, also its command words and a sweep spec's {@code command}: "uv run", "train". */
    String name();

    /** The spec type, bound from YAML or a sweep cell's values by {@link Specs#bind}. */
    Class<S> specType();

    /**
     * Validates {@code spec} (a bad setting is a one-line {@link org.sharpscope.UserInputException},
     * thrown before anything is written), then runs it into {@code context.out()}: config.yaml,
     * manifest.json, metrics and data files, summary.json. Returns the summary. Figures are not
     * drawn here (see {@link Figures}).
     */
    R run(S spec, RunContext context);
}
