package org.sharpscope.cli.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The directory one fuzz case runs in: its base invocation's inputs and the bad value's files
 * are created here, and everything under it is snapshotted before and after the command.
 */
final class Workspace {
    final Path root;

    Workspace(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path in the workspace that does not exist yet. */
    String fresh(String name) {
        return root.resolve(name).toString();
    }

    Path write(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String name, byte[] bytes) {
        Path p = root.resolve(name);
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    Path dir(String name) {
        Path p = root.resolve(name);
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** An ordinary file that is neither a run nor a spec. */
    Path plainFile(String name) {
        return write(name, "not a directory\n");
    }

    /**
     * A finished run directory as RunDirectory writes it (config, manifest, metrics, summary,
     * plots/, checkpoints/): the target that an {@code --out} must never overwrite.
     */
    Path finishedRun(String name) {
        Path run = dir(name);
        write(name + "/config.yaml", "width: 4\nsteps: 5\neta: 0.1\n");
        write(name + "/manifest.json", "{\n  \"command\" : \"uv run\",\n  \"status\" : \"finished\"\n}\n");
        write(name + "/metrics.csv", "step,loss\n0,0.5\n1,0.25\n");
        write(name + "/summary.json", "{\n  \"late_state\" : \"converged\"\n}\n");
        write(name + "/plots/loss.svg", "<svg/>\n");
        dir(name + "/checkpoints");
        return run;
    }

    /** Copies the directory tree {@code from} to {@code name} in this workspace. */
    Path copyOf(Path from, String name) {
        Path to = root.resolve(name);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.createDirectories(q.getParent());
                    Files.copy(p, q, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }
}
