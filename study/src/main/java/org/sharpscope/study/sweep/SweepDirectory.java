package org.sharpscope.study.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.sharpscope.UserInputException;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.Json;

/**
 * A sweep's output directory: {@code sweep.yaml} (the spec as given), {@code index.json} (cell →
 * status) and {@code cells/<id>/}, each an ordinary run directory. Each cell also gets a marker
 * {@code sweep-cell.json} written when it ends, so a sweep killed between a cell's end and the
 * index update still knows the cell is done.
 */
public final class SweepDirectory {
    public static final String SPEC = "sweep.yaml";
    public static final String INDEX = "index.json";
    public static final String CELLS = "cells";
    public static final String CELL_MARKER = "sweep-cell.json";

    private final Path root;
    private SweepIndex index;

    private SweepDirectory(Path root, SweepIndex index) {
        this.root = root;
        this.index = index;
    }

    /**
     * Starts a sweep in {@code root}, or with {@code resume} continues the one there: finished
     * (and, unless {@code retryFailed}, failed) cells are kept as they are, everything else goes
     * back to pending.
     */
    public static SweepDirectory prepare(Path root, SweepPlan plan, String specText, boolean resume, boolean retryFailed) {
        Path indexFile = root.resolve(INDEX);
        List<IndexEntry> entries = new ArrayList<>();
        if (Files.exists(indexFile)) {
            if (!resume) {
                throw new UserInputException(root + " already holds a sweep; add --resume to continue it, or choose a new --out");
            }
            SweepIndex old = readIndex(root);
            if (!plan.matches(old.fingerprint())) {
                throw new UserInputException(root + " holds a different sweep (its spec differs from this one); "
                        + "resume with the spec in " + root.resolve(SPEC) + " or choose a new --out");
            }
            for (IndexEntry e : old.cells()) {
                IndexEntry adopted = e.isPending() ? fromMarker(root, e) : e;
                if (retryFailed && CellOutcome.FAILED.equals(adopted.status())) adopted = pending(adopted);
                entries.add(adopted);
            }
        } else {
            if (Files.isDirectory(root) && !isEmpty(root)) {
                throw new UserInputException(root + " exists and is not a sweep directory; choose an empty or new --out");
            }
            for (Cell c : plan.cells()) entries.add(IndexEntry.pending(c));
            AtomicFiles.writeString(root.resolve(SPEC), specText);
        }
        SweepDirectory dir = new SweepDirectory(root, new SweepIndex(SweepIndex.FORMAT, plan.task().name(),
                plan.fingerprint(), plan.axisNames(), entries));
        dir.writeIndex();
        return dir;
    }

    /** Opens an existing sweep for reading; a directory without an index is refused in one line. */
    public static SweepDirectory open(Path root) {
        if (!Files.isRegularFile(root.resolve(INDEX)) || !Files.isRegularFile(root.resolve(SPEC))) {
            throw new UserInputException(root + " is not a sweep directory (no " + INDEX + " and " + SPEC
                    + "); give the --out directory of 'sharpscope sweep run'");
        }
        return new SweepDirectory(root, readIndex(root));
    }

    public Path root() {
        return root;
    }

    public synchronized SweepIndex index() {
        return index;
    }

    public Path cellDir(Cell cell) {
        return root.resolve(CELLS).resolve(cell.id());
    }

    public Path cellDir(IndexEntry e) {
        return root.resolve(e.dir());
    }

    /** The cells of {@code plan} still pending, in plan order. */
    public synchronized List<Cell> pending(SweepPlan plan) {
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < plan.cells().size(); i++) {
            if (index.cells().get(i).isPending()) out.add(plan.cells().get(i));
        }
        return out;
    }

    /** Records a cell's outcome and rewrites the index atomically. */
    public synchronized void record(Cell cell, CellOutcome outcome) {
        List<IndexEntry> cells = new ArrayList<>(index.cells());
        cells.set(cell.index(), cells.get(cell.index()).with(outcome));
        index = new SweepIndex(index.format(), index.command(), index.fingerprint(), index.axes(), cells);
        writeIndex();
    }

    private void writeIndex() {
        Json.writeJson(root.resolve(INDEX), index);
    }

    private static SweepIndex readIndex(Path root) {
        SweepIndex ix;
        try {
            ix = Json.JSON.readValue(root.resolve(INDEX).toFile(), SweepIndex.class);
            if (ix == null || ix.cells() == null || ix.fingerprint() == null) throw new IOException("missing fields");
        } catch (IOException e) {
            String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw damagedIndex(root, m);
        }
        Path cells = root.toAbsolutePath().normalize().resolve(CELLS);
        for (IndexEntry e : ix.cells()) {
            if (e == null || e.id() == null || e.dir() == null || e.axes() == null) throw damagedIndex(root, "a cell lacks its id, dir or axes");
            if (e.status() == null || !List.of(CellOutcome.PENDING, CellOutcome.FINISHED, CellOutcome.FAILED).contains(e.status())) {
                throw damagedIndex(root, "cell " + e.id() + " has the status " + e.status());
            }
            if (!inside(cells, root.toAbsolutePath().normalize(), e.dir())) {
                throw damagedIndex(root, "cell " + e.id() + " has the directory '" + e.dir() + "', outside " + CELLS + "/");
            }
        }
        return ix;
    }

    private static boolean inside(Path cells, Path root, String dir) {
        try {
            return root.resolve(dir).normalize().startsWith(cells);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static UserInputException damagedIndex(Path root, String what) {
        return new UserInputException(root.resolve(INDEX) + " is not a readable sweep index (" + what
                + "); start the sweep again in a new --out");
    }

    private static IndexEntry fromMarker(Path root, IndexEntry e) {
        Path marker = root.resolve(e.dir()).resolve(CELL_MARKER);
        if (!Files.isRegularFile(marker)) return e;
        try {
            return e.with(Json.JSON.readValue(marker.toFile(), CellOutcome.class));
        } catch (IOException ex) {
            return e;
        }
    }

    private static IndexEntry pending(IndexEntry e) {
        return new IndexEntry(e.id(), e.dir(), e.axes(), e.seed(), CellOutcome.PENDING, null, null, null);
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
