package org.sharpscope.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharpscope.cli.sweep.SweepRunTest.sharpscope;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.cli.Sharpscope;
import org.sharpscope.run.Json;
import org.sharpscope.study.sweep.CellOutcome;
import org.sharpscope.study.sweep.IndexEntry;
import org.sharpscope.study.sweep.LocalRunner;
import org.sharpscope.study.sweep.SweepDirectory;
import org.sharpscope.study.sweep.SweepIndex;

/**
 * End to end through the real {@code train} command: a tiny FCN on synthetic data, c = 2^x
 * against width, with one width (0) that the command refuses. The local runner, and a local run
 * killed midway then resumed (unfinished cells continued from their checkpoints, train being
 * resumable), give the same results.csv; collect's critical constants and
 * bifurcation diagram are checked against the cells' own metrics.csv.
 */
class NetworkSweepTest {
    /** 2 c × 3 widths; c = 16 diverges within 30 steps, width 0 is refused (2 failed cells). */
    static final String SPEC = """
            command: train
            base:
              dataset: synthetic-mixture
              subset: 100
              depth: 3
              activation: tanh
              output-scale: 0.1
              dtype: float64
              synthetic-shape: 10
              synthetic-outputs: 1
              chunk: 0
              steps: 30
              checkpoint-every: 5
            axes:
              c: {log2_from: 0, log2_to: 4, points: 2}
              width: [8, 16, 0]
            seeds: [0]
            """;

    @TempDir
    static Path tmp;
    static Path spec;
    static Path reference;
    static String referenceCsv;

    @BeforeAll
    static void runReference() throws Exception {
        spec = tmp.resolve("train-sweep.yaml");
        Files.writeString(spec, SPEC);
        reference = tmp.resolve("ref");
        SweepRunTest.Result r = sharpscope("sweep", "run", spec.toString(), "--out", reference.toString(), "--workers", "2");
        assertThat(r.code()).as(r.err()).isZero();
        SweepRunTest.Result c = sharpscope("sweep", "collect", reference.toString(), "--tail", "5");
        assertThat(c.code()).as(c.err()).isZero();
        referenceCsv = Files.readString(reference.resolve("results.csv"));
    }

    @Test
    void failedTrainCellIsReportedWithItsErrorAndOthersFinish() throws Exception {
        List<String> lines = referenceCsv.lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("c,width,seed,status,error,early_trend,");
        for (String l : lines.subList(1, 7)) {
            if (l.split(",")[1].equals("0")) {
                assertThat(l).contains(",failed,\"error: --width must be >= 1, got 0\",");
            } else {
                assertThat(l).contains(",finished,,");
            }
        }
        SweepDirectory dir = SweepDirectory.open(reference);
        assertThat(dir.index().count(CellOutcome.FAILED)).isEqualTo(2);
        assertThat(dir.index().count(CellOutcome.FINISHED)).isEqualTo(4);
        // Each finished row carries its cell's summary; the axis c is the c the command trained at.
        List<String> header = List.of(lines.get(0).split(","));
        List<IndexEntry> cells = dir.index().cells();
        for (int i = 0; i < cells.size(); i++) {
            IndexEntry e = cells.get(i);
            if (!e.status().equals(CellOutcome.FINISHED)) continue;
            JsonNode summary = Json.JSON.readTree(dir.cellDir(e).resolve("summary.json").toFile());
            String[] row = fields(lines.get(i + 1));
            assertThat(Double.parseDouble(row[0])).isEqualTo(summary.get("c").doubleValue());
            assertThat(Double.parseDouble(row[header.indexOf("eta")])).isEqualTo(summary.get("eta").doubleValue());
            assertThat(row[header.indexOf("late_state")]).isEqualTo(summary.get("late_state").asText());
        }
    }

    @Test
    void cellsGetTheirShareOfTheCoresAsTorchThreads() throws Exception {
        SweepDirectory dir = SweepDirectory.open(reference);
        IndexEntry e = dir.index().cells().get(0);
        String config = Files.readString(dir.cellDir(e).resolve("config.yaml"));
        assertThat(config).containsPattern("(?m)^threads: " + LocalRunner.torchThreadsPerCell(2) + "$");
        JsonNode manifest = Json.JSON.readTree(dir.cellDir(e).resolve("manifest.json").toFile());
        assertThat(manifest.get("torch_threads").asInt()).isEqualTo(LocalRunner.torchThreadsPerCell(2));

        // A thread count in the spec wins over the runner's share.
        Path own = tmp.resolve("own-threads.yaml");
        Files.writeString(own, """
                command: train
                base: {dataset: synthetic-mixture, subset: 20, depth: 2, c: 1, steps: 2, threads: 1}
                axes:
                  width: [4, 5]
                """);
        Path out = tmp.resolve("own");
        SweepRunTest.Result r = sharpscope("sweep", "run", own.toString(), "--out", out.toString(), "--workers", "1");
        assertThat(r.code()).as(r.err()).isZero();
        String cfg = Files.readString(out.resolve("cells/cell-0000/config.yaml"));
        assertThat(cfg).containsPattern("(?m)^threads: 1$");
    }

    @Test
    void killedNetworkSweepResumesUnfinishedCellsFromTheirCheckpoints() throws Exception {
        Path dir = tmp.resolve("killed");
        // A child JVM killed (SIGKILL) once a cell has ended while another is mid-training past a checkpoint.
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Sharpscope.class.getName(), "sweep", "run", spec.toString(), "--out", dir.toString(), "--workers", "2"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (p.isAlive() && System.nanoTime() < deadline && !(!SweepRunTest.ended(dir).isEmpty() && checkpointed(dir))) {
            Thread.sleep(2);
        }
        assertThat(p.isAlive()).as("child must still be running when killed; log: %s", Files.readString(tmp.resolve("child.log")))
                .isTrue();
        p.destroyForcibly().waitFor();

        SweepIndex killed = SweepDirectory.open(dir).index();
        // Finished cells: recorded in the index, or (finished after the last index write) by their marker.
        Map<String, byte[]> markers = new LinkedHashMap<>();
        for (IndexEntry e : killed.cells()) {
            Path marker = dir.resolve(e.dir()).resolve(SweepDirectory.CELL_MARKER);
            if (Files.isRegularFile(marker)) markers.put(e.id(), Files.readAllBytes(marker));
        }
        assertThat(markers).isNotEmpty();
        List<IndexEntry> pending = killed.cells().stream().filter(e -> !markers.containsKey(e.id())).toList();
        // For every pending cell with checkpoints: its newest checkpoint step and that file's identity.
        Map<String, Long> resumeStep = new HashMap<>();
        Map<String, Object> checkpointFile = new HashMap<>();
        for (IndexEntry e : pending) {
            Path ck = dir.resolve(e.dir()).resolve("checkpoints");
            if (!Files.isDirectory(ck)) continue;
            try (Stream<Path> s = Files.list(ck)) {
                Path newest = s.filter(f -> f.getFileName().toString().endsWith(".safetensors")).sorted().reduce((a, b) -> b).orElse(null);
                if (newest == null) continue;
                String name = newest.getFileName().toString();
                resumeStep.put(e.id(), Long.parseLong(name.substring("step-".length(), name.indexOf('.'))));
                checkpointFile.put(e.id(), Files.readAttributes(newest, BasicFileAttributes.class).fileKey());
            }
        }
        assertThat(resumeStep).isNotEmpty();

        SweepRunTest.Result r = sharpscope("sweep", "run", spec.toString(), "--out", dir.toString(), "--resume", "--workers", "2");
        assertThat(r.code()).as(r.err()).isZero();
        for (Map.Entry<String, byte[]> e : markers.entrySet()) {
            assertThat(Files.readAllBytes(dir.resolve("cells").resolve(e.getKey()).resolve(SweepDirectory.CELL_MARKER)))
                    .as("finished cell %s untouched", e.getKey()).isEqualTo(e.getValue());
        }
        for (Map.Entry<String, Long> e : resumeStep.entrySet()) {
            Path cell = dir.resolve("cells").resolve(e.getKey());
            JsonNode manifest = Json.JSON.readTree(cell.resolve("manifest.json").toFile());
            assertThat(manifest.path("resumed_from_step").asLong(-1)).as("cell %s continued, not restarted", e.getKey())
                    .isEqualTo(e.getValue());
            Path ck = cell.resolve("checkpoints").resolve(String.format("step-%08d.safetensors", e.getValue()));
            assertThat(Files.readAttributes(ck, BasicFileAttributes.class).fileKey()).isEqualTo(checkpointFile.get(e.getKey()));
        }
        assertThat(sharpscope("sweep", "collect", dir.toString(), "--tail", "5").code()).isZero();
        assertThat(Files.readString(dir.resolve("results.csv"))).isEqualTo(referenceCsv);
        assertThat(Files.readString(dir.resolve("critical-constants.csv")))
                .isEqualTo(Files.readString(reference.resolve("critical-constants.csv")));
        assertThat(Files.readString(dir.resolve("bifurcation.csv"))).isEqualTo(Files.readString(reference.resolve("bifurcation.csv")));
    }

    /** The fields of one CSV line (RFC 4180 quoting). */
    static String[] fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    f.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(ch);
            }
        }
        out.add(f.toString());
        return out.toArray(String[]::new);
    }

    private static int width(IndexEntry e) {
        return ((Number) e.axes().get("width")).intValue();
    }

    /** True when a cell of the sweep in {@code dir} without a marker has a checkpoint: a run killed there is resumable. */
    private static boolean checkpointed(Path dir) {
        for (String id : SweepRunTest.partial(dir)) {
            Path ck = dir.resolve("cells").resolve(id).resolve("checkpoints");
            try (Stream<Path> s = Files.list(ck)) {
                if (s.anyMatch(f -> f.getFileName().toString().endsWith(".safetensors"))) return true;
            } catch (java.io.IOException e) {
                // no checkpoints yet
            }
        }
        return false;
    }

    @Test
    void criticalConstantsFollowTheirDefinitionsOnTheCellsMetrics() throws Exception {
        // c_loss / c_sharp: smallest c whose loss / sharpness exceeds its step-0 value within the first
        // 10 metrics rows; c_max: largest c not diverged. Recomputed here from each metrics.csv.
        SweepDirectory dir = SweepDirectory.open(reference);
        Map<Integer, double[]> expected = new LinkedHashMap<>(); // width -> {cLoss, cSharp, cMax}
        for (IndexEntry e : dir.index().cells()) {
            if (!e.status().equals(CellOutcome.FINISHED)) continue;
            double c = ((Number) e.axes().get("c")).doubleValue();
            List<String> rows = Files.readAllLines(dir.cellDir(e).resolve("metrics.csv"));
            List<String> header = List.of(rows.get(0).split(","));
            boolean lossUp = false;
            boolean sharpUp = false;
            for (int i = 2; i < Math.min(rows.size(), 12); i++) {
                String[] f = rows.get(i).split(",", -1);
                String[] f0 = rows.get(1).split(",", -1);
                lossUp |= !(Double.parseDouble(f[header.indexOf("loss")]) <= Double.parseDouble(f0[header.indexOf("loss")]));
                sharpUp |= !(Double.parseDouble(f[header.indexOf("sharpness")]) <= Double.parseDouble(f0[header.indexOf("sharpness")]));
            }
            JsonNode summary = Json.JSON.readTree(dir.cellDir(e).resolve("summary.json").toFile());
            boolean diverged = summary.get("late_state").asText().equals("diverged");
            double[] x = expected.computeIfAbsent(width(e), k -> new double[] {Double.NaN, Double.NaN, Double.NaN});
            if (lossUp && !(c >= x[0])) x[0] = c;
            if (sharpUp && !(c >= x[1])) x[1] = c;
            if (!diverged && !(c <= x[2])) x[2] = c;
        }
        // The grid spans a stable and a divergent c, so c_max is the small one.
        assertThat(expected.values()).allSatisfy(v -> assertThat(v[2]).isEqualTo(1.0));
        List<String> crit = Files.readAllLines(reference.resolve("critical-constants.csv"));
        assertThat(crit.get(0)).isEqualTo("width,seed,c_loss,c_sharp,c_max");
        assertThat(crit).hasSize(3);
        for (String line : crit.subList(1, crit.size())) {
            String[] f = line.split(",", -1);
            double[] x = expected.get((int) Double.parseDouble(f[0]));
            assertThat(x).as(line).isNotNull();
            for (int i = 0; i < 3; i++) {
                double got = f[2 + i].isEmpty() || f[2 + i].equals("NaN") ? Double.NaN : Double.parseDouble(f[2 + i]);
                assertThat(got).as(line).isEqualTo(x[i]);
            }
        }
        assertThat(reference.resolve("plots/critical-constants.png")).isNotEmptyFile();
    }

    @Test
    void bifurcationDiagramPlotsTheLastSharpnessRowsAgainstEta() throws Exception {
        // With c swept, η (= c/λ₀^H, from each cell's summary) is the x axis; the samples are the
        // last 5 `sharpness` rows of each cell that did not diverge.
        SweepDirectory dir = SweepDirectory.open(reference);
        List<String> samples = Files.readAllLines(reference.resolve("bifurcation.csv"));
        assertThat(samples.get(0)).isEqualTo("eta,cell,seed,sample,sharpness,period");
        List<double[]> expected = new ArrayList<>(); // eta, sample index, sharpness
        List<String> expectedCells = new ArrayList<>();
        for (IndexEntry e : dir.index().cells()) {
            if (!e.status().equals(CellOutcome.FINISHED)) continue;
            JsonNode summary = Json.JSON.readTree(dir.cellDir(e).resolve("summary.json").toFile());
            if (summary.get("late_state").asText().equals("diverged")) continue;
            double eta = summary.get("eta").doubleValue();
            List<String> rows = Files.readAllLines(dir.cellDir(e).resolve("metrics.csv"));
            int col = List.of(rows.get(0).split(",")).indexOf("sharpness");
            List<String> last = rows.subList(rows.size() - 5, rows.size());
            for (int i = 0; i < 5; i++) {
                expected.add(new double[] {eta, i, Double.parseDouble(last.get(i).split(",")[col])});
                expectedCells.add(e.id());
            }
        }
        assertThat(expected).hasSize(10);
        assertThat(samples).hasSize(11);
        for (int k = 0; k < expected.size(); k++) {
            String[] f = samples.get(k + 1).split(",", -1);
            assertThat(f[1]).isEqualTo(expectedCells.get(k));
            assertThat(Double.parseDouble(f[0])).isEqualTo(expected.get(k)[0]);
            assertThat(Double.parseDouble(f[3])).isEqualTo(expected.get(k)[1]);
            assertThat(Double.parseDouble(f[4])).isEqualTo(expected.get(k)[2]);
        }
        assertThat(reference.resolve("plots/bifurcation.png")).isNotEmptyFile();
        assertThat(Files.readAllLines(reference.resolve("bifurcation-periods.csv"))).hasSize(5); // header + 4 finished cells
    }
}
