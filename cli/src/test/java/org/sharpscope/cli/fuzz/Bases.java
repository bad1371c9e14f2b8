package org.sharpscope.cli.fuzz;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * A cheap valid invocation of every command (tiny sizes, a few steps), into which the fuzz puts
 * one bad value at a time. Keyed by the command words; a command of the tree without an entry
 * here fails the fuzz test, so that a new command is never left unfuzzed.
 */
final class Bases {
    private Bases() {}

    /** The network every network command builds: a 2-layer width-4 FCN on 16 synthetic examples of 4 inputs. */
    static Invocation network(String command) {
        return new Invocation(command)
                .option("--model", "fcn").option("--width", 4).option("--depth", 2)
                .option("--dataset", "synthetic").option("--subset", 16).option("--synthetic-shape", 4)
                .option("--threads", 1);
    }

    static final Map<String, Function<Workspace, Invocation>> ALL = Map.ofEntries(
            Map.entry("reproduce", w -> new Invocation("reproduce").flag("--quick").option("--out", w.fresh("out"))
                    .notRunnable()),
            Map.entry("report", w -> {
                Path dir = Fixtures.reproduction(w, "repro");
                return new Invocation("report").positional(dir);
            }),
            Map.entry("uv run", w -> new Invocation("uv run")
                    .option("--width", 4).option("--steps", 5).option("--eta", 0.1).option("--out", w.fresh("out"))),
            Map.entry("uv fixed-points", w -> new Invocation("uv fixed-points")
                    .option("--eta-over-etac", 0.5).option("--seeds", 4).option("--max-period", 1).option("--out", w.fresh("out"))),
            Map.entry("uv doublings", w -> new Invocation("uv doublings")
                    .option("--max-period", 2).option("--out", w.fresh("out"))),
            Map.entry("uv lyapunov", w -> new Invocation("uv lyapunov")
                    .option("--eta-over-etac", 1.5).option("--steps", 200).option("--transient", 10).option("--out", w.fresh("out"))),
            Map.entry("uv bifurcation", w -> new Invocation("uv bifurcation")
                    .option("--points", 5).option("--transient", 10).option("--record", 20).option("--max-period", 4)
                    .option("--out", w.fresh("out"))),
            Map.entry("uv vector-field", w -> new Invocation("uv vector-field")
                    .option("--eta-over-etac", 0.5).option("--grid", 3).option("--steps", 3).option("--out", w.fresh("out"))),
            Map.entry("uv phase-diagram", w -> new Invocation("uv phase-diagram")
                    .option("--grid", "3,3").option("--steps", 20).option("--out", w.fresh("out"))),
            Map.entry("data export", w -> network("data export").option("--out", w.fresh("out.safetensors"))),
            Map.entry("sharpness", w -> network("sharpness").option("--out", w.fresh("out"))),
            Map.entry("spectrum", w -> new Invocation("spectrum")
                    .option("--matrix", Fixtures.matrix(w, "m.mtx")).option("--out", w.fresh("out"))),
            Map.entry("train", w -> network("train").option("--steps", 2).option("--eta", 0.1).option("--out", w.fresh("out"))),
            Map.entry("critical-eta", w -> network("critical-eta").option("--steps", 2).option("--eta", 0.1)
                    .option("--max-runs", 2).option("--progress", "false").option("--out", w.fresh("out"))),
            Map.entry("sweep plan", w -> new Invocation("sweep plan").positional(Fixtures.sweepSpec(w, "sweep.yaml"))),
            Map.entry("sweep run", w -> new Invocation("sweep run").option("--out", w.fresh("out")).option("--workers", 1)
                    .flag("--no-progress").positional(Fixtures.sweepSpec(w, "sweep.yaml"))),
            Map.entry("sweep collect", w -> {
                Path dir = Fixtures.sweepDirectory(w, "sweep");
                return new Invocation("sweep collect").positional(dir);
            }));

    /** Options that continue a stored run: the fuzz gives them alone, since any other flag conflicts with the run. */
    static final java.util.Set<String> ALONE = java.util.Set.of("train --resume");

    /** Options whose value is where the command writes: new files may appear only under them. */
    static final java.util.Set<String> OUTPUT_OPTIONS = java.util.Set.of("--out", "--save-checkpoint");

    /**
     * Existing paths that the command may rewrite: the files a report or collection regenerates
     * in the directory it is given, and the run that {@code train --resume} continues.
     */
    static java.util.function.Predicate<Path> rewritable(Invocation inv) {
        String command = String.join(" ", inv.words);
        String dirArg = inv.positionals.isEmpty() ? "" : inv.positionals.get(0);
        Path dir = dirArg.isBlank() ? null : Path.of(dirArg).toAbsolutePath().normalize();
        String resume = inv.options.get("--resume");
        Path resumed = command.equals("train") && resume != null && !resume.isBlank()
                ? Path.of(resume).toAbsolutePath().normalize() : null;
        return p -> switch (command) {
            case "report" -> dir != null && (p.equals(dir.resolve("report.html")) || p.startsWith(dir.resolve("report-figures")));
            case "sweep collect" -> dir != null && p.startsWith(dir) && !p.equals(dir) && !p.startsWith(dir.resolve("cells"))
                    && !p.equals(dir.resolve("index.json")) && !p.equals(dir.resolve("sweep.yaml"));
            case "train" -> resumed != null && p.startsWith(resumed);
            default -> false;
        };
    }
}
