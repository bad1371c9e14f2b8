package org.sharpscope.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sharpscope.UserInputException;

/**
 * Whole-file writes that are never torn: content goes to a temporary file in the same directory,
 * is forced to disk, then renamed over the target. A write that fails (disk full, no permission)
 * is a one-line {@link UserInputException} that says what to do, and leaves the target as it was.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void write(Path target, byte[] content) {
        refuseObstacles(target);
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                makeWorldReadable(tmp);
                try (var ch = java.nio.channels.FileChannel.open(tmp,
                        java.nio.file.StandardOpenOption.WRITE,
                        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                    var buf = java.nio.ByteBuffer.wrap(content);
                    while (buf.hasRemaining()) ch.write(buf);
                    ch.force(true);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserInputException("cannot write " + target + " (" + reason(e)
                    + "); free space or choose a writable place for the output", e);
        }
    }

    /**
     * Refuses, in one line, a target that is a directory or lies under a file: the temporary file
     * could not be made, and the operating system's word for it ("Not a directory", "File
     * exists") would not say which path is in the way.
     */
    private static void refuseObstacles(Path target) {
        if (Files.isDirectory(target)) {
            throw new UserInputException("cannot write " + target + ": it is a directory; give a file path");
        }
        for (Path p = target.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new UserInputException("cannot write " + target + ": " + p + " is a file, not a directory; "
                            + "choose a path under a directory");
                }
                return;
            }
        }
    }

    /**
     * What went wrong with a file operation, in a few words ("No space left on device",
     * "permission denied"), never an exception's class name.
     */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or directory";
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file of that name is in the way";
        if (e instanceof java.nio.file.NotDirectoryException) return "not a directory";
        if (e instanceof java.nio.file.DirectoryNotEmptyException) return "directory not empty";
        if (e instanceof java.nio.file.FileSystemException) return "file system error";
        String m = e.getMessage();
        return m == null || m.isBlank() ? "input/output error" : m.lines().findFirst().orElse(m);
    }

    /** Temp files are created 0600; results are meant to be shared, so use 0644 where POSIX. */
    private static void makeWorldReadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: keep the default
        }
    }

    public static void writeString(Path target, String content) {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }
}
