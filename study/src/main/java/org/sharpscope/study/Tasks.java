package org.sharpscope.study;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.sharpscope.UserInputException;

/**
 * Every task of this build, by name: the one list that sweeps look tasks up in. The tasks are
 * listed in {@code META-INF/services/org.sharpscope.study.Task} (one class a line, in a fixed
 * order), so that this root package does not depend on the packages that implement them.
 */
public final class Tasks {
    private Tasks() {}

    private static final List<Task<?, ?>> ALL = load();

    private static List<Task<?, ?>> load() {
        List<Task<?, ?>> tasks = new ArrayList<>();
        for (Task<?, ?> t : ServiceLoader.load(Task.class, Tasks.class.getClassLoader())) tasks.add(t);
        return List.copyOf(tasks);
    }

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
