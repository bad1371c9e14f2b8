package org.sharpscope.cli.reproduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one reproduction while it runs: its directory, mode, the run directories made so
 * far (each registered with its section and role) and notes for the report.
 */
final class Reproduction {
    final Path dir;
    final ReproduceMode mode;
    final List<ReproduceIndex.Run> runs = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Reproduction(Path dir, ReproduceMode mode) {
        this.dir = dir;
        this.mode = mode;
    }

    /** The directory of run {@code name} in {@code section}. */
    Path path(String section, String name) {
        return dir.resolve(section).resolve(name);
    }

    /** Runs {@code sharpscope <command...> --out <run dir>} and registers the run. */
    Path command(String section, String name, Map<String, Object> expected, String... command) {
        Path out = path(section, name);
        String[] args = new String[command.length + 2];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = "--out";
        args[command.length + 1] = out.toString();
        InProcess.run(args);
        register(section, name, expected);
        return out;
    }

    void register(String section, String name, Map<String, Object> expected) {
        runs.removeIf(r -> r.section().equals(section) && r.name().equals(name));
        runs.add(new ReproduceIndex.Run(section, name, section + "/" + name,
                expected == null ? Map.of() : new LinkedHashMap<>(expected)));
    }
}
