package org.sharpscope.spark;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.sharpscope.UserInputException;
import org.sharpscope.dynamics.Periodicity;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Specs;
import org.sharpscope.study.Task;

/**
 * A small stand-in task for Spark tests: the logistic map x ← r x (1 − x), its iterates as the
 * "sharpness" column, its late period and state in summary.json. r ≤ 0 is refused.
 * {@code stepMillis} slows each step down, so that a test can kill a process while cells run.
 */
final class LogisticMapTask implements Task<LogisticMapTask.Spec, LogisticMapTask.Summary> {
    record Spec(Double r, Double x0, Integer steps, Integer threads, Integer stepMillis) {
        Spec {
            if (r == null) r = 3.2;
            if (x0 == null) x0 = 0.5;
            if (steps == null) steps = 300;
            if (threads == null) threads = 1;
            if (stepMillis == null) stepMillis = 0;
            if (!(r > 0)) throw new UserInputException("--r must be > 0, got " + r);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Summary(double eta, String lateState, int period, double sharpnessFinal, int threads) {}

    /** The lookup Spark executors use to find this task. */
    static Task<?, ?> named(String name) {
        if (!name.equals("logistic")) throw new UserInputException("'" + name + "' is not a task; the tasks are: logistic");
        return new LogisticMapTask();
    }

    @Override
    public String name() {
        return "logistic";
    }

    @Override
    public Class<Spec> specType() {
        return Spec.class;
    }

    @Override
    public Summary run(Spec spec, RunContext context) {
        RunDirectory dir = RunDirectory.create(context.out());
        dir.writeConfig(Specs.toMap(spec));
        double[] x = new double[spec.steps() + 1];
        x[0] = spec.x0();
        CsvTable metrics = new CsvTable(List.of("step", "loss", "sharpness"));
        metrics.add(0, x[0] * x[0], x[0]);
        for (int t = 1; t <= spec.steps(); t++) {
            x[t] = spec.r() * x[t - 1] * (1 - x[t - 1]);
            metrics.add(t, x[t] * x[t], x[t]);
            if (spec.stepMillis() > 0) sleep(spec.stepMillis());
        }
        dir.writeMetrics(metrics);
        int period = Periodicity.period(java.util.Arrays.copyOfRange(x, x.length - 32, x.length), 8, 1e-9);
        Summary s = new Summary(spec.r() / 2, period == 1 ? "converged" : period > 1 ? "eos" : "chaotic", period,
                x[spec.steps()], spec.threads());
        dir.writeSummary(s);
        return s;
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
