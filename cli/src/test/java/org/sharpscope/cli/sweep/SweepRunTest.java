package org.sharpscope.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.cli.Sharpscope;
import org.sharpscope.run.Json;
import org.sharpscope.study.sweep.CellOutcome;
import org.sharpscope.study.sweep.IndexEntry;
import org.sharpscope.study.sweep.SweepDirectory;
import org.sharpscope.study.sweep.SweepIndex;
import picocli.CommandLine;

/**
 * End to end through the real {@code uv run} command: a small UV sweep with one cell that the
 * command refuses (λ₀ below 2√κ|f₀|), run locally with 1 and 2 workers, and killed midway then
 * resumed; every route must give the same results.csv.
 */
class SweepRunTest {
    /** 3 × 2 cells; λ₀ = 0.5 violates λ₀ ≥ 2√κ|f₀| = 0.7 and must fail alone. */
    static final String SPEC = """
            command: uv run
            base:
              engine: function
              kappa: 1
              eta: 1
              f0: 0.35
              steps: 300
            axes:
              lambda0: [0.5, 2.0, 3.5]
              target: {from: 0.1, to: 0.3, points: 2}
            """;

    @TempDir
    static Path tmp;
    static Path spec;
    static Path reference;
    static String referenceCsv;

    record Result(int code, String out, String err) {}

    static Result sharpscope(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Sharpscope.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Result(cl.execute(args), out.toString(), err.toString());
    }

    @BeforeAll
    static void runReference() throws Exception {
        spec = tmp.resolve("sweep.yaml");
        Files.writeString(spec, SPEC);
        reference = tmp.resolve("ref");
        Result r = sharpscope("sweep", "run", spec.toString(), "--out", reference.toString(), "--workers", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(sharpscope("sweep", "collect", reference.toString()).code()).isZero();
        referenceCsv = Files.readString(reference.resolve("results.csv"));
    }

    @Test
    void failedCellIsReportedWithItsErrorAndOthersFinish() {
        List<String> lines = referenceCsv.lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("lambda0,target,seed,status,error,");
        long failed = lines.stream().filter(l -> l.contains(",failed,")).count();
        long finished = lines.stream().filter(l -> l.contains(",finished,")).count();
        assertThat(failed).isEqualTo(2);
        assertThat(finished).isEqualTo(4);
        for (String l : lines) {
            if (l.contains(",failed,")) assertThat(l).startsWith("0.5,").contains("error:");
        }
        SweepIndex ix = SweepDirectory.open(reference).index();
        assertThat(ix.count(CellOutcome.FAILED)).isEqualTo(2);
        assertThat(ix.cells().get(0).error()).startsWith("error:");
    }

    @Test
    void resultsColumnsCarryTheSummaryFieldsOfEachCell() throws Exception {
        List<String> header = List.of(referenceCsv.lines().findFirst().orElseThrow().split(","));
        assertThat(header).contains("early_trend", "catapult", "late_state", "period", "eta", "eta_c", "sharpness_final");
        // Each finished row equals its cell's summary.json, field by field.
        SweepDirectory dir = SweepDirectory.open(reference);
        IndexEntry e = dir.index().cells().get(2); // lambda0 = 2.0, target = 0.1
        var summary = Json.JSON.readTree(dir.cellDir(e).resolve("summary.json").toFile());
        String row = referenceCsv.lines().toList().get(3);
        List<String> cells = List.of(row.split(",", -1));
        assertThat(cells.get(0)).isEqualTo("2.0");
        assertThat(cells.get(1)).isEqualTo("0.1");
        assertThat(cells.get(header.indexOf("late_state"))).isEqualTo(summary.get("late_state").asText());
        assertThat(Double.parseDouble(cells.get(header.indexOf("sharpness_final"))))
                .isEqualTo(summary.get("sharpness_final").doubleValue());
    }

    @Test
    void oneWorkerGivesTheSameResultsAsTwo() throws Exception {
        Path one = tmp.resolve("one");
        assertThat(sharpscope("sweep", "run", spec.toString(), "--out", one.toString(), "--workers", "1").code()).isZero();
        assertThat(sharpscope("sweep", "collect", one.toString()).code()).isZero();
        assertThat(Files.readString(one.resolve("results.csv"))).isEqualTo(referenceCsv);
    }

    @Test
    void killedSweepResumesWithoutLosingOrRerunningFinishedCells() throws Exception {
        Path dir = tmp.resolve("killed");
        // A child JVM killed (SIGKILL) once 3 cells have ended while another is mid-run: a real partial cell.
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Sharpscope.class.getName(), "sweep", "run", spec.toString(), "--out", dir.toString(), "--workers", "2"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (p.isAlive() && System.nanoTime() < deadline && !(ended(dir).size() >= 3 && !partial(dir).isEmpty())) Thread.sleep(1);
        assertThat(p.isAlive()).as("child must still be running when killed; log: %s", Files.readString(tmp.resolve("child.log")))
                .isTrue();
        p.destroyForcibly().waitFor();

        // What the kill left: ended cells (by their markers, whether or not the index heard of them) and partial ones.
        Map<String, byte[]> before = new LinkedHashMap<>();
        for (String id : ended(dir)) before.put(id, Files.readAllBytes(dir.resolve("cells").resolve(id).resolve(SweepDirectory.CELL_MARKER)));
        assertThat(before.size()).isBetween(3, 5);
        Map<String, String> partialStart = new LinkedHashMap<>();
        for (String id : partial(dir)) partialStart.put(id, startedAt(dir.resolve("cells").resolve(id)));
        assertThat(partialStart).isNotEmpty();

        Result again = sharpscope("sweep", "run", spec.toString(), "--out", dir.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("--resume");

        Result r = sharpscope("sweep", "run", spec.toString(), "--out", dir.toString(), "--resume", "--workers", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains((6 - before.size()) + " to run");
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertThat(Files.readAllBytes(dir.resolve("cells").resolve(e.getKey()).resolve(SweepDirectory.CELL_MARKER)))
                    .as("finished cell %s untouched", e.getKey()).isEqualTo(e.getValue());
        }
        // A partial cell is not trusted: it is cleared and run again (uv run cannot resume).
        for (Map.Entry<String, String> e : partialStart.entrySet()) {
            Path cell = dir.resolve("cells").resolve(e.getKey());
            assertThat(cell.resolve(SweepDirectory.CELL_MARKER)).as("partial cell %s rerun", e.getKey()).isRegularFile();
            if (e.getValue() != null) assertThat(startedAt(cell)).as("partial cell %s restarted", e.getKey()).isNotEqualTo(e.getValue());
        }
        assertThat(sharpscope("sweep", "collect", dir.toString()).code()).isZero();
        assertThat(Files.readString(dir.resolve("results.csv"))).isEqualTo(referenceCsv);
    }

    /** Ids of the cells of the sweep in {@code dir} that have their marker (ended), in order. */
    static List<String> ended(Path dir) {
        return cellIds(dir).stream().filter(id -> Files.isRegularFile(dir.resolve("cells").resolve(id).resolve(SweepDirectory.CELL_MARKER)))
                .toList();
    }

    /** Ids of the cells that have a directory but no marker: in flight, or left so by a kill. */
    static List<String> partial(Path dir) {
        List<String> out = new ArrayList<>(cellIds(dir));
        out.removeAll(ended(dir));
        return out;
    }

    static List<String> cellIds(Path dir) {
        if (!Files.isDirectory(dir.resolve("cells"))) return List.of();
        try (var s = Files.list(dir.resolve("cells"))) {
            return s.map(c -> c.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of(); // listed while a cell directory was being cleared: look again
        }
    }

    /** The manifest's started_at, null when the cell has no readable manifest. */
    static String startedAt(Path cell) {
        try {
            return Json.JSON.readTree(cell.resolve("manifest.json").toFile()).path("started_at").asText(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Test
    void resumeRefusesADifferentSpec() throws Exception {
        Path other = tmp.resolve("other.yaml");
        Files.writeString(other, SPEC.replace("steps: 300", "steps: 301"));
        Result r = sharpscope("sweep", "run", other.toString(), "--out", reference.toString(), "--resume");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("different sweep");
    }

    @Test
    void collectRefusesADirectoryThatIsNotASweep() throws Exception {
        Path notSweep = Files.createDirectories(tmp.resolve("not-a-sweep"));
        Files.writeString(notSweep.resolve("metrics.csv"), "step\n0\n");
        Result r = sharpscope("sweep", "collect", notSweep.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: ").contains("is not a sweep directory").doesNotContain("\n");
    }

    @Test
    void planListsCellsAndRefusesUnknownFlags() throws Exception {
        Result r = sharpscope("sweep", "plan", spec.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("cell-0005").contains("6 cells, 1800 steps in all");
        assertThat(r.out()).contains("cell-0003  --engine function --kappa 1 --eta 1 --f0 0.35 --steps 300 --lambda0 2.0 --target 0.3");
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, SPEC.replace("kappa: 1", "kapa: 1"));
        Result b = sharpscope("sweep", "plan", bad.toString());
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.err().strip()).isEqualTo("error: sweep spec: 'kapa' is not a flag of 'uv run' (see 'sharpscope uv run --help')");
        Result missing = sharpscope("sweep", "run", tmp.resolve("nope.yaml").toString(), "--out", tmp.resolve("x").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().strip()).contains("does not exist").doesNotContain("\n");
    }

    @Test
    void runnerFlagsAreChecked() {
        String out = tmp.resolve("never").toString();
        Result spark = sharpscope("sweep", "run", spec.toString(), "--out", out, "--runner", "spark", "--master", "local[2]");
        assertThat(spark.code()).isEqualTo(2);
        assertThat(spark.err().strip()).contains("'spark' runner is not on the class path").doesNotContain("\n");
        Result master = sharpscope("sweep", "run", spec.toString(), "--out", out, "--master", "local[2]");
        assertThat(master.code()).isEqualTo(2);
        assertThat(master.err().strip()).isEqualTo("error: --master is for --runner spark");
        Result uri = sharpscope("sweep", "run", spec.toString(), "--out", "hdfs://nn/x");
        assertThat(uri.code()).isEqualTo(2);
        assertThat(uri.err().strip()).contains("is a URI");
        assertThat(sharpscope("sweep", "run", spec.toString(), "--out", out, "--workers", "0").code()).isEqualTo(2);
        assertThat(Files.exists(Path.of(out))).isFalse();
    }

    @Test
    void collectDrawsThePhaseDiagramFromTheResults() throws Exception {
        assertThat(reference.resolve("plots/phase-diagram.png")).isNotEmptyFile();
        
        assertThat(reference.resolve("plots/bifurcation.png")).isNotEmptyFile();
        List<String> phase = Files.readAllLines(reference.resolve("phase-diagram.csv"));
        assertThat(phase.get(0)).isEqualTo("lambda0,target,label,votes,cells");
        assertThat(phase).hasSize(7);
        // Each grid point's label is its cell's late_state (period appended for EoS) or 'failed'.
        List<String> res = referenceCsv.lines().toList();
        List<String> header = List.of(res.get(0).split(","));
        for (int i = 1; i < res.size(); i++) {
            String[] row = res.get(i).split(",", -1);
            String[] pt = phase.get(i).split(",");
            String expected = row[3].equals("failed") ? "failed" : row[header.indexOf("late_state")];
            if (expected.equals("eos") && Integer.parseInt(row[header.indexOf("period")]) > 0) {
                expected += " p=" + row[header.indexOf("period")];
            }
            assertThat(pt[2]).as(res.get(i)).isEqualTo(expected);
        }
    }
}
