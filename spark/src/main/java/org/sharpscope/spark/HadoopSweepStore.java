package org.sharpscope.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.RemoteIterator;
import org.sharpscope.run.Json;
import org.sharpscope.study.sweep.CellOutcome;
import org.sharpscope.study.sweep.SweepDirectory;
import org.sharpscope.study.sweep.SweepStore;

/**
 * A sweep directory on any Hadoop-compatible file system ({@code hdfs://}, {@code s3a://},
 * {@code file://}, ...). A file is replaced by writing a temporary name and renaming it over the
 * old one; a cell is uploaded whole into {@code .attempts/} and then renamed to
 * {@code cells/<id>}, so a cell directory on the store is complete or absent, whatever killed
 * the task that uploaded it. The Hadoop settings are the {@code spark.hadoop.*} system
 * properties of the driver that made the store (spark-submit's {@code --conf}), carried to the
 * executors with it.
 */
public final class HadoopSweepStore implements SweepStore, Serializable {
    /** Where cells are assembled before they are renamed into {@code cells/}; cleared after each run. */
    static final String ATTEMPTS = ".attempts";
    private static final String HADOOP_PREFIX = "spark.hadoop.";

    private final String root;
    private final Map<String, String> hadoop;

    public HadoopSweepStore(String root) {
        this(root, Map.of());
    }

    /** The store at {@code root} with Hadoop settings {@code hadoop} (such as {@code dfs.replication}). */
    public HadoopSweepStore(String root, Map<String, String> hadoop) {
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.hadoop = new LinkedHashMap<>(hadoop);
    }

    /** The store at {@code root} with the Hadoop settings given as {@code spark.hadoop.*} system properties. */
    public static HadoopSweepStore fromSystemProperties(String root) {
        Map<String, String> hadoop = new LinkedHashMap<>();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(HADOOP_PREFIX)) hadoop.put(key.substring(HADOOP_PREFIX.length()), System.getProperty(key));
        }
        return new HadoopSweepStore(root, hadoop);
    }

    @Override
    public String uri() {
        return root;
    }

    private Configuration conf() {
        Configuration conf = new Configuration();
        hadoop.forEach(conf::set);
        return conf;
    }

    private FileSystem fs() throws IOException {
        return FileSystem.get(URI.create(root), conf());
    }

    private FileContext fc() throws IOException {
        return FileContext.getFileContext(URI.create(root), conf());
    }

    private org.apache.hadoop.fs.Path remote(String rel) {
        return new org.apache.hadoop.fs.Path(root + "/" + rel);
    }

    /** Copies the sweep's spec, index and cell markers (those that exist) into {@code staging}, for the driver. */
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

    @Override
    public void download(Path into) {
        try {
            FileSystem fs = fs();
            for (String rel : List.of(SweepDirectory.SPEC, SweepDirectory.INDEX)) {
                if (!fs.exists(remote(rel))) {
                    throw new FileNotFoundException(root + " holds no " + rel + " (is it a sweep directory?)");
                }
                fs.copyToLocalFile(false, remote(rel), local(into, rel), true);
            }
            org.apache.hadoop.fs.Path cells = remote(SweepDirectory.CELLS);
            if (!fs.exists(cells)) return;
            String prefix = fs.makeQualified(remote("")).toUri().getPath();
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(cells, true);
            while (files.hasNext()) {
                String path = files.next().getPath().toUri().getPath();
                String rel = path.substring(prefix.length()).replaceFirst("^/+", "");
                if (rel.contains("/checkpoints/")) continue;
                Files.createDirectories(into.resolve(rel).getParent());
                fs.copyToLocalFile(false, remote(rel), local(into, rel), true);
            }
        } catch (FileNotFoundException e) {
            throw new org.sharpscope.UserInputException(e.getMessage() + "; give the --out of 'sharpscope sweep run'");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sweep at " + root + ": " + e.getMessage(), e);
        }
    }

    /** Replaces {@code rel} on the store with {@code staging/rel}. */
    public void push(Path staging, String rel) {
        upload(staging, rel);
    }

    @Override
    public void upload(Path local, String rel) {
        Path source = local.resolve(rel);
        try {
            if (Files.isDirectory(source)) {
                replaceDirectory(fs(), source, rel);
            } else {
                replaceFile(fs(), source, rel);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root + "/" + rel + ": " + e.getMessage(), e);
        }
    }

    /** As {@link SweepStore#uploadCollection}, then removes {@code .attempts/} if that left it empty. */
    @Override
    public void uploadCollection(Path local) {
        SweepStore.super.uploadCollection(local);
        try {
            fs().delete(remote(ATTEMPTS), false);
        } catch (IOException e) {
            // not empty: a sweep is running, and clears it when it ends
        }
    }

    /**
     * Uploads a finished cell directory as {@code cells/<id>/}, replacing any earlier attempt: it
     * is copied whole into {@code .attempts/} and then renamed into place.
     */
    public void uploadCell(Path cellDir, String id) {
        try {
            replaceDirectory(fs(), cellDir, SweepDirectory.CELLS + "/" + id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot upload cell " + id + " to " + root + ": " + e.getMessage(), e);
        }
    }

    /** The outcome in {@code cells/<id>/sweep-cell.json} on the store when it says finished, else null. */
    public CellOutcome finished(String id) {
        org.apache.hadoop.fs.Path marker = remote(SweepDirectory.CELLS + "/" + id + "/" + SweepDirectory.CELL_MARKER);
        try (InputStream in = fs().open(marker)) {
            CellOutcome o = Json.JSON.readValue(in, CellOutcome.class);
            return o.finished() ? o : null;
        } catch (IOException e) {
            return null; // absent, or unreadable: run the cell
        }
    }

    /** Removes what killed tasks left half-uploaded in {@code .attempts/}. */
    public void clearAttempts() {
        try {
            fs().delete(remote(ATTEMPTS), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + root + "/" + ATTEMPTS + ": " + e.getMessage(), e);
        }
    }

    private void replaceDirectory(FileSystem fs, Path source, String rel) throws IOException {
        org.apache.hadoop.fs.Path attempt = remote(ATTEMPTS + "/" + rel.replace('/', '_') + "-" + UUID.randomUUID());
        fs.mkdirs(attempt.getParent());
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(source.toUri()), attempt);
        org.apache.hadoop.fs.Path target = remote(rel);
        fs.delete(target, true);
        fs.mkdirs(target.getParent());
        fc().rename(attempt, target, Options.Rename.NONE);
    }

    private void replaceFile(FileSystem fs, Path source, String rel) throws IOException {
        org.apache.hadoop.fs.Path tmp = remote(rel + ".tmp-" + UUID.randomUUID());
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(source.toUri()), tmp);
        fc().rename(tmp, remote(rel), Options.Rename.OVERWRITE);
    }

    private static org.apache.hadoop.fs.Path local(Path staging, String rel) {
        return new org.apache.hadoop.fs.Path(staging.resolve(rel).toUri());
    }
}
