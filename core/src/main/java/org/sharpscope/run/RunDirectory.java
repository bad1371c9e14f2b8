package org.sharpscope.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sharpscope.UserInputException;

/**
 * A run directory as DESIGN.md describes it: {@code config.yaml}, {@code manifest.json},
 * {@code metrics.csv}, {@code summary.json}, {@code plots/}, {@code checkpoints/}. Every file is
 * written atomically.
 */
public final class RunDirectory {
    public static final String CONFIG = "config.yaml";
    public static final String MANIFEST = "manifest.json";
    public static final String METRICS = "metrics.csv";
    public static final String SUMMARY = "summary.json";

    private final Path root;
    private final Map<String, Object> manifest = new LinkedHashMap<>();

    private RunDirectory(Path root) {
        this.root = root;
    }

    /**
     * Creates a new run directory with its {@code plots/} and {@code checkpoints/}. Refuses, with a
     * one-line {@link UserInputException}, a path that is empty, is a file, lies under a file or
     * cannot be written, and a directory that already holds a run (its manifest.json), so that a
     * finished run is never overwritten by accident.
     */
    public static RunDirectory create(Path root) {
        checkTarget(root);
        if (Files.exists(root.resolve(MANIFEST))) {
            throw new UserInputException("run directory " + root + " already holds a run (" + MANIFEST
                    + "); give --out a new directory, or delete the old run first");
        }
        return makeDirectories(root);
    }

    /** Opens an existing run directory to continue it (resume); it must hold a run. */
    public static RunDirectory reopen(Path root) {
        if (!Files.isDirectory(root) || !Files.isRegularFile(root.resolve(CONFIG))) {
            throw new UserInputException(root + " is not a run directory (no " + CONFIG + "); give the --out of an earlier run");
        }
        return makeDirectories(root);
    }

    /** Checks that {@code target} can become a directory: not empty, not a file, not under a file, writable. */
    public static void checkTarget(Path target) {
        if (target.toString().isBlank()) {
            throw new UserInputException("the output directory is empty; give --out a directory path");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new UserInputException("output directory " + target + " is a file; give --out a directory path");
        }
        Path existing = target.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing != null && !Files.isDirectory(existing)) {
            throw new UserInputException("output directory " + target + " lies under the file " + existing
                    + "; give --out a path under a directory");
        }
    }

    /**
     * Removes {@code dir} and everything under it (nothing when it does not exist): a run left
     * unfinished that is to start over.
     */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir + ": " + e.getMessage(), e);
        }
    }

    private static RunDirectory makeDirectories(Path root) {
        try {
            Files.createDirectories(root.resolve("plots"));
            Files.createDirectories(root.resolve("checkpoints"));
        } catch (IOException e) {
            throw new UserInputException("cannot create run directory " + root + " (" + AtomicFiles.reason(e)
                    + "); give --out a writable place", e);
        }
        return new RunDirectory(root);
    }

    public Path root() {
        return root;
    }

    public Path plots() {
        return root.resolve("plots");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path file(String name) {
        return root.resolve(name);
    }

    /** Writes the fully resolved configuration. */
    public void writeConfig(Object config) {
        AtomicFiles.writeString(file(CONFIG), Json.toYaml(config));
    }

    public void writeSummary(Object summary) {
        Json.writeJson(file(SUMMARY), summary);
    }

    public void writeMetrics(CsvTable table) {
        AtomicFiles.writeString(file(METRICS), table.toCsv());
    }

    /** Starts the manifest: version, git commit, seed, start time, host, threads, status=running. */
    public void startManifest(String command, long seed) {
        manifest.put("sharpscope_version", Version.VERSION);
        manifest.put("git_commit", Version.GIT_COMMIT);
        manifest.put("command", command);
        manifest.put("seed", seed);
        manifest.put("started_at", Instant.now().toString());
        manifest.put("host", hostName());
        manifest.put("threads", Runtime.getRuntime().availableProcessors());
        manifest.put("java", System.getProperty("java.version"));
        manifest.put("status", "running");
        Json.writeJson(file(MANIFEST), manifest);
    }

    /** Adds a manifest entry (architecture, timings, ...) and rewrites the manifest. */
    public void putManifest(String key, Object value) {
        manifest.put(key, value);
        Json.writeJson(file(MANIFEST), manifest);
    }

    /** Marks the run finished with {@code status} ("finished", "failed", ...). */
    public void finishManifest(String status) {
        manifest.put("status", status);
        manifest.put("finished_at", Instant.now().toString());
        Json.writeJson(file(MANIFEST), manifest);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
