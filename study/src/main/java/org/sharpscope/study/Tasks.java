package org.sharpscope.study;

import java.util.ArrayList;
import java.util.List;
import org.sharpscope.UserInputException;
import org.sharpscope.study.uv.BifurcationTask;
import org.sharpscope.study.uv.DoublingsTask;
import org.sharpscope.study.uv.FixedPointsTask;
import org.sharpscope.study.uv.LyapunovTask;
import org.sharpscope.study.uv.PhaseDiagramTask;
import org.sharpscope.study.uv.UvRunTask;
import org.sharpscope.study.uv.VectorFieldTask;

/** Every task of this build, by name: the one list that the command line's sweeps look tasks up in. */
public final class Tasks {
    private Tasks() {}

    private static final List<Task<?, ?>> ALL = List.of(
            // Each task registers here once it exists (uv run, uv dynamics, train, sharpness, ...).
            new UvRunTask(),
            new FixedPointsTask(),
            new DoublingsTask(),
            new LyapunovTask(),
            new BifurcationTask(),
            new VectorFieldTask(),
            new PhaseDiagramTask()
    );

    /** All tasks, in a fixed order. */
    public static List<Task<?, ?>> all() {
        return ALL;
    }

    /** The task called {@code name} (words separated by any white space), or a one-line error listing the names. */
    public static Task<?, ?> named(String name) {
        String words = String.join(" ", name.trim().split("\\s+"));
        for (Task<?, ?> t : ALL) if (t.name().equals(words)) return t;
        List<String> names = new ArrayList<>();
        for (Task<?, ?> t : ALL) names.add(t.name());
        throw new UserInputException("'" + name + "' is not a task; the tasks are: " + String.join(", ", names));
    }
}
