package org.sharpscope.cli.uv;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sharpscope.cli.options.RunDirectories;
import org.sharpscope.cli.options.SpecBinding;
import org.sharpscope.report.RunFigures;
import org.sharpscope.run.Json;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Task;
import picocli.CommandLine;

/**
 * The shape every {@code uv} dynamics command shares: bind the options to the task's spec (a bad
 * value is a one-line error, exit 2, and no directory is created), run the task, draw its
 * figures, then print either the summary (--json) or a few lines for people.
 */
abstract class DynamicsCommand<S extends Record, R extends Record> implements Callable<Integer> {
    @CommandLine.Mixin
    DynamicsRunOptions runOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The task the command runs. */
    abstract Task<S, R> task();

    /** Lines for people (when not --json). */
    abstract List<String> describe(S settings, R summary);

    @Override
    public final Integer call() {
        Task<S, R> task = task();
        S settings = SpecBinding.bind(task.specType(), spec, null, List.of());
        Path dir = RunDirectories.orDefault(runOptions.out, task.name().replace(' ', '-'));
        R summary = task.run(settings, RunContext.quiet(dir));
        new RunFigures().draw(task.name(), dir);
        PrintWriter out = spec.commandLine().getOut();
        if (runOptions.json) {
            out.println(Json.toJson(summary));
        } else {
            for (String line : describe(settings, summary)) out.println(line);
            out.println("wrote " + dir);
        }
        out.flush();
        return 0;
    }
}
