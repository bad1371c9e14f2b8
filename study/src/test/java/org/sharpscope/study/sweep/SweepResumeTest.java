package org.sharpscope.study.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.run.Json;
import org.sharpscope.study.Progress;

/**
 * A sweep killed with SIGKILL in a child JVM — at a moment chosen so that one cell has
 * finished and another is mid-run with a checkpoint — then resumed: finished cells are kept as
 * they are, checkpointed cells continue from their newest checkpoint, everything else starts
 * over, and the sweep collects to the same tables as one never interrupted.
 */
class SweepResumeTest {
    /** Six cells of about 0.6 s each (r = 4.5 diverges within a few steps); a checkpoint every 10 steps. */
    static final String SPEC = """
            command: logistic
            base: {steps: 120, checkpoint-every: 10, step-millis: 5}
            axes:
              r: [2.8, 4.5, 3.2, 3.5, 3.9, 3.3]
            """;

    @TempDir
    Path tmp;

    static SweepPlan plan() {
        return SweepPlan.of(SweepSpec.parse(SPEC, "spec"), LogisticTask::lookup);
    }

    static SweepDirectory run(Path root, boolean resume) {
        SweepPlan plan = plan();
        SweepDirectory dir = SweepDirectory.prepare(root, plan, SPEC, resume, false);
        new LocalRunner(2, Progress.NONE).run(dir, plan.task(), dir.pending(plan));
        return dir;
    }

    @Test
    void killedSweepKeepsFinishedCellsAndContinuesCheckpointedOnes() throws Exception {
        Path spec = tmp.resolve("sweep.yaml");
        Files.writeString(spec, SPEC);
        Path root = tmp.resolve("killed");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SweepChild.class.getName(), spec.toString(), root.toString(), "2");
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (child.isAlive() && System.nanoTime() < deadline && !(finishedCells(root) >= 1 && !checkpointed(root).isEmpty())) {
            Thread.sleep(2);
        }
        assertThat(child.isAlive()).as("child must still be running when killed; log: %s", Files.readString(tmp.resolve("child.log")))
                .isTrue();
        child.destroyForcibly().waitFor();

        // What the kill left: cells with a marker (finished, whether or not the index heard of it),
        // cells mid-run with checkpoints, and perhaps a cell that had not reached its first checkpoint.
        Map<String, byte[]> markers = new LinkedHashMap<>();
        for (IndexEntry e : SweepDirectory.open(root).index().cells()) {
            Path marker = root.resolve(e.dir()).resolve(SweepDirectory.CELL_MARKER);
            if (Files.isRegularFile(marker)) markers.put(e.id(), Files.readAllBytes(marker));
        }
        Map<String, Path> newest = checkpointed(root);
        assertThat(markers).isNotEmpty();
        assertThat(newest).isNotEmpty();
        Map<String, Object> inode = new HashMap<>();
        for (Map.Entry<String, Path> e : newest.entrySet()) {
            inode.put(e.getKey(), Files.readAttributes(e.getValue(), BasicFileAttributes.class).fileKey());
        }

        SweepPlan plan = plan();
        SweepDirectory dir = SweepDirectory.prepare(root, plan, SPEC, true, false);
        List<Cell> todo = dir.pending(plan);
        assertThat(todo).hasSize(6 - markers.size());
        new LocalRunner(2, Progress.NONE).run(dir, plan.task(), todo);

        assertThat(dir.index().count(CellOutcome.FINISHED)).isEqualTo(6);
        for (Map.Entry<String, byte[]> e : markers.entrySet()) {
            assertThat(Files.readAllBytes(root.resolve(SweepDirectory.CELLS).resolve(e.getKey()).resolve(SweepDirectory.CELL_MARKER)))
                    .as("finished cell %s untouched", e.getKey()).isEqualTo(e.getValue());
        }
        for (Map.Entry<String, Path> e : newest.entrySet()) {
            String name = e.getValue().getFileName().toString();
            long step = Long.parseLong(name.substring("step-".length(), name.indexOf('.')));
            JsonNode manifest = Json.JSON.readTree(root.resolve(SweepDirectory.CELLS).resolve(e.getKey()).resolve("manifest.json").toFile());
            assertThat(manifest.path("resumed_from_step").asLong(-1)).as("cell %s continued, not restarted", e.getKey()).isEqualTo(step);
            assertThat(Files.readAttributes(e.getValue(), BasicFileAttributes.class).fileKey()).isEqualTo(inode.get(e.getKey()));
        }

        SweepDirectory reference = run(tmp.resolve("reference"), false);
        SweepCollection.collect(reference, CollectSettings.defaults());
        SweepCollection.collect(SweepDirectory.open(root), CollectSettings.defaults());
        for (String f : List.of("results.csv", "bifurcation.csv", "bifurcation-periods.csv", "critical-constants.csv")) {
            assertThat(root.resolve(f)).as(f).hasSameTextualContentAs(reference.root().resolve(f));
        }
    }

    @Test
    void resumeRefusesADifferentSweepAndAStartOverAnExistingOne() throws Exception {
        Path root = tmp.resolve("sweep");
        run(root, false);
        SweepPlan plan = plan();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SweepDirectory.prepare(root, plan, SPEC, false, false))
                .hasMessageContaining("add --resume");
        SweepPlan other = SweepPlan.of(SweepSpec.parse(SPEC.replace("3.3", "3.4"), "spec"), LogisticTask::lookup);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SweepDirectory.prepare(root, other, SPEC, true, false))
                .hasMessageContaining("holds a different sweep");
        assertThat(SweepDirectory.prepare(root, plan, SPEC, true, false).pending(plan)).isEmpty();
    }

    private static long finishedCells(Path root) {
        return cellDirs(root).stream().filter(c -> Files.isRegularFile(c.resolve(SweepDirectory.CELL_MARKER))).count();
    }

    /** Cell id → newest checkpoint, for the cells without a marker that have one. */
    private static Map<String, Path> checkpointed(Path root) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (Path c : cellDirs(root)) {
            if (Files.isRegularFile(c.resolve(SweepDirectory.CELL_MARKER))) continue;
            Path ck = LogisticTask.latestCheckpoint(c);
            if (ck != null) out.put(c.getFileName().toString(), ck);
        }
        return out;
    }

    private static List<Path> cellDirs(Path root) {
        Path cells = root.resolve(SweepDirectory.CELLS);
        if (!Files.isDirectory(cells)) return List.of();
        try (var s = Files.list(cells)) {
            return new ArrayList<>(s.sorted().toList());
        } catch (java.io.IOException e) {
            return List.of(); // a cell directory appearing or going while listed: look again next time
        }
    }
}
