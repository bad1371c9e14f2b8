package org.sharpscope.study.reproduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharpscope.study.Figures;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Specs;
import org.sharpscope.study.Task;
import org.sharpscope.study.Tasks;
import org.sharpscope.study.sweep.SweepCollection;

/**
 * The state of one reproduction while it runs: its directory, mode, the run directories made so
 * far (each registered with its section and role), notes for the report, and where figures are
 * drawn. Each run is a task of {@link Tasks} run through its typed spec, bound from the step's
 * settings (the same keys a config file has), so a setting the task does not know fails at once.
 */
public final class Reproduction {
    /** Draws the figures of a finished run and of a sweep once collected (the report module's drawing). */
    public interface Drawing {
        void run(String taskName, Path runDir);

        void sweep(Path sweepDir, SweepCollection collected);

        Drawing NONE = new Drawing() {
            @Override
            public void run(String taskName, Path runDir) {}

            @Override
            public void sweep(Path sweepDir, SweepCollection collected) {}
        };

        /** Per-run figures from {@code figures}, no sweep figures. */
        static Drawing of(Figures figures) {
            return new Drawing() {
                @Override
                public void run(String taskName, Path runDir) {
                    figures.draw(taskName, runDir);
                }

                @Override
                public void sweep(Path sweepDir, SweepCollection collected) {}
            };
        }
    }

    final Path dir;
    final ReproduceMode mode;
    final Drawing drawing;
    final List<ReproduceIndex.Run> runs = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    public Reproduction(Path dir, ReproduceMode mode, Drawing drawing) {
        this.dir = dir;
        this.mode = mode;
        this.drawing = drawing;
    }

    public Path dir() {
        return dir;
    }

    public ReproduceMode mode() {
        return mode;
    }

    public List<ReproduceIndex.Run> runs() {
        return List.copyOf(runs);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The directory of run {@code name} in {@code section}. */
    Path path(String section, String name) {
        return dir.resolve(section).resolve(name);
    }

    /** The spec of task {@code taskName} bound from {@code settings}, before anything runs. */
    static Record spec(String taskName, Map<String, ?> settings, String where) {
        Task<?, ?> task = Tasks.named(taskName);
        return Specs.bind(task.specType(), settings, where);
    }

    /** Runs task {@code taskName} with {@code settings} into {@code section/name}, draws its figures and registers it. */
    Path run(String section, String name, Map<String, Object> expected, String taskName, Map<String, ?> settings) {
        Path out = path(section, name);
        run(Tasks.named(taskName), settings, out, section + "/" + name);
        drawing.run(taskName, out);
        register(section, name, expected);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <S extends Record> void run(Task<S, ?> task, Map<String, ?> settings, Path out, String where) {
        S spec = Specs.bind(task.specType(), settings, "reproduction step " + where);
        task.run(spec, RunContext.quiet(out));
    }

    void register(String section, String name, Map<String, Object> expected) {
        runs.removeIf(r -> r.section().equals(section) && r.name().equals(name));
        runs.add(new ReproduceIndex.Run(section, name, section + "/" + name,
                expected == null ? Map.of() : new LinkedHashMap<>(expected)));
    }

    /** Settings from alternating keys and values, in order: {@code settings("width", 1000, "seed", 0)}. */
    static Map<String, Object> settings(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    /** {@code base} with {@code more} added (later keys win). */
    static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.putAll(settings(more));
        return m;
    }
}
