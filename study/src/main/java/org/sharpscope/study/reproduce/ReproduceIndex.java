package org.sharpscope.study.reproduce;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sharpscope.UserInputException;
import org.sharpscope.run.Json;

/**
 * {@code reproduce.json}: what a reproduction ran — its mode, the sections with their status and
 * time, and every run directory with its role — so the report can be rebuilt from the directory.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReproduceIndex(String mode, String version, String gitCommit, String startedAt, String finishedAt,
                             double seconds, List<Section> sections, List<Run> runs, List<String> notes) {
    public static final String FILE = "reproduce.json";

    /** One section of the study: id (also its sub-directory), title, status, seconds, error or null. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Section(String id, String title, String status, double seconds, String error) {
    }

    /** One run directory: its section, name, path relative to the reproduction, and what it should show. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Run(String section, String name, String path, Map<String, Object> expected) {
    }

    public void write(Path dir) {
        Json.writeJson(dir.resolve(FILE), this);
    }

    /** Reads the index of {@code dir}; a directory without one is a user error. */
    public static ReproduceIndex read(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new UserInputException(dir + " is not a reproduction (no " + FILE
                    + "); give a directory written by 'sharpscope reproduce --out DIR'");
        }
        ReproduceIndex index;
        try {
            index = Json.JSON.readValue(f.toFile(), ReproduceIndex.class);
        } catch (IOException e) {
            String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new UserInputException("cannot read " + f + " (" + m + "); rerun 'sharpscope reproduce' into a new --out");
        }
        return checked(dir, f, index);
    }

    /**
     * The index with what the report relies on checked: sections and runs present, every run
     * with its section, name and a path inside the reproduction; a run without expectations
     * expects nothing, an index without notes has none.
     */
    private static ReproduceIndex checked(Path dir, Path file, ReproduceIndex index) {
        String damaged = file + " is not a complete reproduction index";
        String fix = "; rerun 'sharpscope reproduce' into a new --out";
        if (index == null || index.sections() == null || index.runs() == null) {
            throw new UserInputException(damaged + " (it needs 'sections' and 'runs')" + fix);
        }
        for (Section s : index.sections()) {
            if (s == null || s.id() == null) throw new UserInputException(damaged + " (a section has no id)" + fix);
        }
        List<Run> runs = new java.util.ArrayList<>();
        Path root = dir.toAbsolutePath().normalize();
        for (Run r : index.runs()) {
            if (r == null || r.section() == null || r.name() == null || r.path() == null) {
                throw new UserInputException(damaged + " (a run lacks its section, name or path)" + fix);
            }
            if (!inside(root, r.path())) {
                throw new UserInputException(damaged + " (run " + r.name() + " has the path '" + r.path()
                        + "', outside the reproduction)" + fix);
            }
            runs.add(r.expected() != null ? r : new Run(r.section(), r.name(), r.path(), Map.of()));
        }
        return new ReproduceIndex(index.mode(), index.version(), index.gitCommit(), index.startedAt(), index.finishedAt(),
                index.seconds(), index.sections(), runs, index.notes() == null ? List.of() : index.notes());
    }

    private static boolean inside(Path root, String path) {
        try {
            return root.resolve(path).normalize().startsWith(root);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** The run of {@code section} named {@code name}, or null. */
    public Run run(String section, String name) {
        for (Run r : runs) {
            if (r.section().equals(section) && r.name().equals(name)) return r;
        }
        return null;
    }

    public List<Run> runs(String section) {
        return runs.stream().filter(r -> r.section().equals(section)).toList();
    }

    public Section section(String id) {
        for (Section s : sections) {
            if (s.id().equals(id)) return s;
        }
        return null;
    }
}
