package org.sharpscope.cli.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * What a directory tree holds: every directory, and every file with its size and either a CRC
 * of its content (small trees the command is given) or its modification time (the working
 * directory, where only new files are expected to show).
 */
final class TreeSnapshot {
    /** A change between two snapshots. */
    record Change(String kind, Path path) {
        @Override
        public String toString() {
            return kind + " " + path;
        }
    }

    private final Map<Path, String> entries;

    private TreeSnapshot(Map<Path, String> entries) {
        this.entries = entries;
    }

    static TreeSnapshot of(Path root, boolean contents, Set<String> skippedNames) {
        Map<Path, String> m = new TreeMap<>();
        if (!Files.exists(root)) return new TreeSnapshot(m);
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && skippedNames.contains(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    m.put(dir.toAbsolutePath().normalize(), "dir");
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String id = attrs.isRegularFile() && contents ? attrs.size() + ":" + crc(file)
                            : attrs.size() + "@" + attrs.lastModifiedTime().toMillis();
                    m.put(file.toAbsolutePath().normalize(), id);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    m.put(file.toAbsolutePath().normalize(), "unreadable");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSnapshot(m);
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(file));
        return crc.getValue();
    }

    boolean contains(Path p) {
        return entries.containsKey(p.toAbsolutePath().normalize());
    }

    /** True when something other than {@code dir} itself lies at or under {@code dir} (a file, or a non-empty directory). */
    boolean holdsAnythingUnder(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        for (Map.Entry<Path, String> e : entries.entrySet()) {
            if (e.getKey().startsWith(d) && !(e.getKey().equals(d) && e.getValue().equals("dir"))) return true;
        }
        return false;
    }

    /** What changed from this snapshot to {@code after}: added, modified and removed entries. */
    List<Change> changesTo(TreeSnapshot after) {
        List<Change> out = new ArrayList<>();
        for (Map.Entry<Path, String> e : after.entries.entrySet()) {
            String before = entries.get(e.getKey());
            if (before == null) {
                out.add(new Change("added", e.getKey()));
            } else if (!before.equals(e.getValue())) {
                out.add(new Change("modified", e.getKey()));
            }
        }
        for (Path p : entries.keySet()) {
            if (!after.entries.containsKey(p)) out.add(new Change("removed", p));
        }
        return out;
    }
}
