package org.sharpscope.study.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A sweep directory at a URI such as {@code hdfs://namenode/sweeps/x}, reached through a module
 * on the class path (the spark module, via {@link CellRunnerProvider#store}). Reading a sweep
 * there means copying it to a local directory; what is written back replaces whole files or
 * directories, so a reader never sees half of one.
 */
public interface SweepStore {
    /** The sweep's address, without a trailing slash. */
    String uri();

    /** Copies the sweep's spec, index and cells (their checkpoints left out) into {@code into}. */
    void download(Path into);

    /** Replaces {@code rel} (a file, or a directory and all under it) of the sweep with {@code local/rel}. */
    void upload(Path local, String rel);

    /** A new local copy of the sweep, in a temporary directory, to read (remove it with {@link #deleteCopy}). */
    default Path copy() {
        try {
            Path local = Files.createTempDirectory("sharpscope-sweep-copy");
            download(local);
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory: " + e.getMessage(), e);
        }
    }

    /** Removes a copy made by {@link #copy()}. */
    static void deleteCopy(Path local) {
        org.sharpscope.run.RunDirectory.deleteTree(local);
    }

    /** Where {@code local/...} is in the sweep: {@code uri()/...}. */
    default String address(Path local, Path file) {
        return uri() + "/" + local.relativize(file).toString().replace('\\', '/');
    }

    /**
     * Uploads what {@link SweepCollection#collect} and the plots wrote into the local copy
     * {@code local}: its top-level files other than the spec and the index, and {@code plots/}.
     */
    default void uploadCollection(Path local) {
        try (Stream<Path> files = Files.list(local)) {
            List<Path> top = files.sorted().toList();
            for (Path f : top) {
                String name = f.getFileName().toString();
                boolean written = Files.isRegularFile(f) && !name.equals(SweepDirectory.SPEC) && !name.equals(SweepDirectory.INDEX);
                if (written || (Files.isDirectory(f) && name.equals("plots"))) upload(local, name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + local + ": " + e.getMessage(), e);
        }
    }
}
