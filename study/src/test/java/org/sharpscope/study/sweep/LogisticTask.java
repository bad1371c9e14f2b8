package org.sharpscope.study.sweep;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.sharpscope.UserInputException;
import org.sharpscope.dynamics.Periodicity;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.Json;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.Resumable;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Specs;
import org.sharpscope.study.Task;

/**
 * A stand-in for a training task in sweep tests: the logistic map x ← r x (1 − x) from x0 (plus
 * 10⁻³ · seed), whose iterates play the sharpness. r = 2.8 converges, 3.2 has period 2, 3.5
 * period 4, 3.9 is chaotic and r &gt; 4 diverges, as a real run's late states do. It writes a
 * run directory like a real task (config.yaml, manifest.json, metrics.csv, checkpoints,
 * summary.json) and resumes from its checkpoints, so the sweep machinery can be tested end to
 * end without the real tasks.
 */
final class LogisticTask implements Task<LogisticTask.Spec, LogisticTask.Summary>, Resumable<LogisticTask.Summary> {
    static final String NAME = "logistic";

    /** The settings; null is the default. {@code stepMillis} slows each step down (for kill tests). */
    record Spec(Double r, Double x0, Integer steps, Long seed, Integer threads, Integer checkpointEvery, Integer stepMillis) {
        Spec {
            if (r == null) r = 3.2;
            if (x0 == null) x0 = 0.5;
            if (steps == null) steps = 400;
            if (seed == null) seed = 0L;
            if (threads == null) threads = 1;
            if (checkpointEvery == null) checkpointEvery = 0;
            if (stepMillis == null) stepMillis = 0;
            if (!(r > 0)) throw new UserInputException("--r must be > 0, got " + r);
            if (steps < 1) throw new UserInputException("--steps must be >= 1, got " + steps);
        }
    }

    /** summary.json, in the regime vocabulary of the real tasks. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Summary(double r, double eta, double c, double lambda0, String earlyTrend, boolean catapult, String lateState,
                   int period, Long divergedAt, Double sharpnessFinal, int threads) {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<Spec> specType() {
        return Spec.class;
    }

    @Override
    public Summary run(Spec spec, RunContext context) {
        if (spec.r() == 13.0) throw new IllegalStateException("unlucky r\nat the second line");
        RunDirectory dir = RunDirectory.create(context.out());
        dir.writeConfig(Specs.toMap(spec));
        dir.startManifest(NAME, spec.seed());
        List<Double> xs = new ArrayList<>();
        xs.add(spec.x0() + 1e-3 * spec.seed());
        return iterate(spec, dir, xs);
    }

    @Override
    public boolean canResume(Path runDir) {
        return Files.isRegularFile(runDir.resolve(RunDirectory.CONFIG)) && latestCheckpoint(runDir) != null;
    }

    @Override
    public Summary resume(Path runDir, RunContext context) {
        Spec spec = Specs.bind(Spec.class, Specs.readYaml(runDir.resolve(RunDirectory.CONFIG)), "config");
        Path checkpoint = latestCheckpoint(runDir);
        List<Double> xs;
        try {
            xs = new ArrayList<>(List.of(Json.JSON.readValue(checkpoint.toFile(), Double[].class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RunDirectory dir = RunDirectory.reopen(runDir);
        dir.startManifest(NAME, spec.seed());
        dir.putManifest("resumed_from_step", xs.size() - 1);
        return iterate(spec, dir, xs);
    }

    private static Summary iterate(Spec spec, RunDirectory dir, List<Double> xs) {
        Long divergedAt = null;
        for (int t = xs.size(); t <= spec.steps() && divergedAt == null; t++) {
            double x = xs.get(t - 1);
            double next = spec.r() * x * (1 - x);
            xs.add(next);
            if (!(Math.abs(next) < 1e6)) divergedAt = (long) t;
            if (spec.stepMillis() > 0) sleep(spec.stepMillis());
            if (spec.checkpointEvery() > 0 && t % spec.checkpointEvery() == 0 && divergedAt == null) {
                dir.writeMetrics(metrics(xs));
                Json.writeJson(dir.checkpoints().resolve(String.format("step-%08d.json", t)), xs);
            }
        }
        dir.writeMetrics(metrics(xs));
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] tail = java.util.Arrays.copyOfRange(x, Math.max(0, x.length - 64), x.length);
        int period = divergedAt != null ? 0 : Periodicity.period(tail, 16, 1e-9);
        String late = divergedAt != null ? "diverged" : period == 1 ? "converged" : period >= 2 ? "eos" : "chaotic";
        Summary s = new Summary(spec.r(), spec.r() / 2, spec.r(), 2.0, x[1] > x[0] ? "progressive_sharpening" : "sharpness_reduction",
                false, late, period, divergedAt, divergedAt != null ? null : x[x.length - 1], spec.threads());
        dir.writeSummary(s);
        dir.finishManifest("finished");
        return s;
    }

    private static CsvTable metrics(List<Double> xs) {
        CsvTable t = new CsvTable(List.of("step", "loss", "sharpness"));
        for (int i = 0; i < xs.size(); i++) t.add(i, xs.get(i) * xs.get(i), xs.get(i));
        return t;
    }

    static Path latestCheckpoint(Path runDir) {
        Path ck = runDir.resolve("checkpoints");
        if (!Files.isDirectory(ck)) return null;
        try (Stream<Path> s = Files.list(ck)) {
            return s.filter(f -> f.getFileName().toString().matches("step-\\d+\\.json")).sorted().reduce((a, b) -> b).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** A lookup that knows this task alone, as {@link SweepPlan#of(SweepSpec, java.util.function.Function)} takes it. */
    static Task<?, ?> lookup(String name) {
        if (name.equals(NAME)) return new LogisticTask();
        throw new UserInputException("'" + name + "' is not a task; the tasks are: " + NAME);
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
