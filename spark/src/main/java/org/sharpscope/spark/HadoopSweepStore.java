package org.sharpscope.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.sharpscope.study.sweep.SweepDirectory;

/**
 * A sweep directory on any Hadoop-compatible file system ({@code hdfs://}, {@code s3a://},
 * {@code file://}, ...). Files are replaced by writing a temporary name and renaming; a cell is
 * uploaded with its marker {@code sweep-cell.json} last, so a marker on the store means a
 * complete cell.
 */
public final class HadoopSweepStore implements Serializable {
    private final String root;

    public HadoopSweepStore(String root) {
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    public String root() {
        return root;
    }

    private FileSystem fs() throws IOException {
        return FileSystem.get(URI.create(root), new Configuration());
    }

    private org.apache.hadoop.fs.Path remote(String rel) {
        return new org.apache.hadoop.fs.Path(root + "/" + rel);
    }

    /** Copies the sweep's spec, index and cell markers (those that exist) into {@code staging}. */
    public void pull(Path staging) {
        try {
            FileSystem fs = fs();
            for (String rel : List.of(SweepDirectory.SPEC, SweepDirectory.INDEX)) {
                if (fs.exists(remote(rel))) fs.copyToLocalFile(false, remote(rel), local(staging, rel), true);
            }
            org.apache.hadoop.fs.Path cells = remote(SweepDirectory.CELLS);
            if (fs.exists(cells)) {
                for (FileStatus cell : fs.listStatus(cells)) {
                    org.apache.hadoop.fs.Path marker = new org.apache.hadoop.fs.Path(cell.getPath(), SweepDirectory.CELL_MARKER);
                    if (fs.exists(marker)) {
                        String rel = SweepDirectory.CELLS + "/" + cell.getPath().getName() + "/" + SweepDirectory.CELL_MARKER;
                        Files.createDirectories(staging.resolve(rel).getParent());
                        fs.copyToLocalFile(false, marker, local(staging, rel), true);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sweep at " + root + ": " + e.getMessage(), e);
        }
    }

    /** Replaces {@code rel} on the store with {@code staging/rel}. */
    public void push(Path staging, String rel) {
        try {
            replace(fs(), staging.resolve(rel), rel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root + "/" + rel + ": " + e.getMessage(), e);
        }
    }

    /** Uploads a finished cell directory as {@code cells/<id>/}, replacing any earlier attempt; the marker goes last. */
    public void uploadCell(Path cellDir, String id) {
        String rel = SweepDirectory.CELLS + "/" + id;
        try (Stream<Path> files = Files.walk(cellDir)) {
            FileSystem fs = fs();
            fs.delete(remote(rel), true);
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.getFileName().toString().equals(SweepDirectory.CELL_MARKER)) continue;
                fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(f.toUri()),
                        remote(rel + "/" + cellDir.relativize(f).toString().replace('\\', '/')));
            }
            Path marker = cellDir.resolve(SweepDirectory.CELL_MARKER);
            if (Files.isRegularFile(marker)) replace(fs, marker, rel + "/" + SweepDirectory.CELL_MARKER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot upload cell " + id + " to " + root + ": " + e.getMessage(), e);
        }
    }

    private void replace(FileSystem fs, Path local, String rel) throws IOException {
        org.apache.hadoop.fs.Path target = remote(rel);
        org.apache.hadoop.fs.Path tmp = remote(rel + ".tmp-" + UUID.randomUUID());
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), tmp);
        fs.delete(target, false);
        if (!fs.rename(tmp, target)) throw new IOException("rename to " + target + " failed");
    }

    private static org.apache.hadoop.fs.Path local(Path staging, String rel) {
        return new org.apache.hadoop.fs.Path(staging.resolve(rel).toUri());
    }
}
