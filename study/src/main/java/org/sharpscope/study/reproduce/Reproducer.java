package org.sharpscope.study.reproduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.sharpscope.UserInputException;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.run.Version;
import org.sharpscope.study.Progress;

/**
 * Runs the whole study of the paper into one directory: every section's steps in order (a
 * failed section is recorded and the others still run), with reproduce.json rewritten after
 * every step so that a report can be built from whatever finished.
 */
public final class Reproducer {
    private Reproducer() {}

    /** What a reproduction did: its index and the sections that failed, with their errors. */
    public record Outcome(ReproduceIndex index, Map<String, String> failedSections) {}

    /**
     * Refuses a {@code dir} that is a file or a non-empty directory (a finished reproduction's
     * report is rebuilt with {@code report DIR}), then runs every step.
     */
    public static Outcome run(Path dir, ReproduceMode mode, Reproduction.Drawing drawing, Progress progress,
                              Consumer<String> warnings) {
        return run(dir, mode, Layout.SECTIONS, drawing, progress, warnings);
    }

    /** Runs the steps of {@code sections} only (ids of {@link Layout#SECTIONS}); the others are reported as not run. */
    public static Outcome run(Path dir, ReproduceMode mode, List<String> sections, Reproduction.Drawing drawing,
                              Progress progress, Consumer<String> warnings) {
        checkEmpty(dir);
        Reproduction r = new Reproduction(dir, mode, drawing);
        Instant started = Instant.now();
        List<Step> steps = new ArrayList<>(UvSections.steps(r));
        steps.addAll(NetworkSections.steps(r));
        steps.addAll(NetworkChaosSection.steps(r));
        steps.removeIf(step -> !sections.contains(step.section()));

        Map<String, double[]> seconds = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String s : Layout.SECTIONS) seconds.put(s, new double[] {0});
        progress.start("reproduce " + mode.label(), steps.size());
        try {
            int done = 0;
            for (Step step : steps) {
                progress.update(done, step.section() + ": " + step.label());
                long t0 = System.nanoTime();
                if (!errors.containsKey(step.section())) {
                    try {
                        step.action().run();
                    } catch (RuntimeException e) {
                        // A failed section is reported as such; the others still run.
                        String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
                        errors.put(step.section(), step.label() + ": " + message);
                        warnings.accept("reproduce: section " + step.section() + " failed at " + step.label() + ": " + message);
                    }
                }
                seconds.get(step.section())[0] += (System.nanoTime() - t0) / 1e9;
                progress.update(++done, null);
                writeIndex(r, started, null, seconds, errors);
            }
        } finally {
            progress.finish();
        }
        return new Outcome(writeIndex(r, started, Instant.now(), seconds, errors), errors);
    }

    /**
     * Refuses an output that is empty, a file, under a file, not empty or cannot be created, and
     * creates it: before the first step, so that a bad --out costs nothing and every section
     * does not fail on it in turn.
     */
    /**
     * The section id that {@code name} means: an id of {@link Layout#SECTIONS}, its number
     * ("8") or its name without the number ("network-chaos").
     */
    public static String section(String name) {
        for (String s : Layout.SECTIONS) {
            String number = s.substring(0, s.indexOf('-'));
            if (s.equals(name) || number.equals(name) || s.substring(number.length() + 1).equals(name)) return s;
        }
        throw new UserInputException("--section " + name + " is not a section; use one of " + String.join(", ", Layout.SECTIONS)
                + " (or its number)");
    }

    private static void checkEmpty(Path dir) {
        RunDirectory.checkTarget(dir);
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new UserInputException("--out " + dir + " is not empty; give a new directory (a finished "
                            + "reproduction's report is rebuilt with 'sharpscope report " + dir + "')");
                }
            } catch (IOException e) {
                throw new UserInputException("cannot read --out " + dir + " (" + AtomicFiles.reason(e) + ")");
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserInputException("cannot create --out " + dir + " (" + AtomicFiles.reason(e) + "); give a writable place", e);
        }
    }

    private static ReproduceIndex writeIndex(Reproduction r, Instant started, Instant finished,
                                             Map<String, double[]> seconds, Map<String, String> errors) {
        List<ReproduceIndex.Section> sections = new ArrayList<>();
        for (String s : Layout.SECTIONS) {
            boolean hasSteps = seconds.get(s)[0] > 0 || r.runs.stream().anyMatch(x -> x.section().equals(s));
            String status = errors.containsKey(s) ? "failed" : finished == null ? (hasSteps ? "running" : "pending")
                    : (hasSteps ? "finished" : "skipped");
            sections.add(new ReproduceIndex.Section(s, Layout.title(s), status, seconds.get(s)[0], errors.get(s)));
        }
        Instant end = finished != null ? finished : Instant.now();
        ReproduceIndex index = new ReproduceIndex(r.mode.label(), Version.VERSION, Version.GIT_COMMIT, started.toString(),
                finished == null ? null : finished.toString(), (end.toEpochMilli() - started.toEpochMilli()) / 1e3,
                sections, List.copyOf(r.runs), List.copyOf(r.notes));
        try {
            Files.createDirectories(r.dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + r.dir + ": " + e.getMessage(), e);
        }
        index.write(r.dir);
        return index;
    }
}
