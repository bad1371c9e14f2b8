package org.sharpscope.study.sweep;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Random;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.train.LyapunovExponents;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Specs;
import org.sharpscope.study.Task;

/**
 * A stand-in for a network's train cell in bifurcation tests: the logistic map at r = 2 + 2η
 * (η = 0.4: period 1, 0.6: period 2, 0.75: period 4, 0.95: chaos), its iterates ×10 playing the
 * sharpness with Gaussian noise of {@code noise} added (a network's solver and float noise),
 * probed every {@code probeEvery} steps and at every one of the last {@code probeTail}. Its summary
 * carries η and, when {@code lyapunov}, the map's exact Lyapunov exponent (the orbit average of
 * ln|r(1 − 2x)| over the steps after half the run) as a {@link LyapunovExponents} record, as a train
 * summary will.
 */
final class NoisyTailTask implements Task<NoisyTailTask.Spec, NoisyTailTask.Summary> {
    static final String NAME = "noisy-tail";

    record Spec(Double eta, Integer steps, Integer probeEvery, Integer probeTail, Double noise, Long seed, Boolean lyapunov) {
        Spec {
            if (eta == null) throw new UserInputException("--eta is required");
            if (steps == null) steps = 2000;
            if (probeEvery == null) probeEvery = 10;
            if (probeTail == null) probeTail = 0;
            if (noise == null) noise = 1e-3;
            if (seed == null) seed = 0L;
            if (lyapunov == null) lyapunov = true;
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Summary(double eta, double c, double lambda0, String lateState, int period, LyapunovExponents lyapunov) {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<Spec> specType() {
        return Spec.class;
    }

    /** The exact exponent of the map at η: the orbit average of ln|r(1 − 2x)| over the second half of the steps. */
    static double exponent(double eta, int steps) {
        double r = 2 + 2 * eta;
        double x = 0.3;
        double sum = 0;
        for (int t = 1; t <= steps; t++) {
            if (t > steps / 2) sum += Math.log(Math.abs(r * (1 - 2 * x)));
            x = r * x * (1 - x);
        }
        return sum / (steps - steps / 2);
    }

    @Override
    public Summary run(Spec spec, RunContext context) {
        RunDirectory dir = RunDirectory.create(context.out());
        dir.writeConfig(Specs.toMap(spec));
        dir.startManifest(NAME, spec.seed());
        double r = 2 + 2 * spec.eta();
        Random rng = new Random(spec.seed());
        CsvTable metrics = new CsvTable(List.of("step", "loss", "sharpness"));
        double x = 0.3;
        for (int t = 0; t <= spec.steps(); t++) {
            if (t % spec.probeEvery() == 0 || t > spec.steps() - spec.probeTail()) {
                double s = 10 * x + spec.noise() * rng.nextGaussian();
                metrics.add(t, x * x, s);
            }
            x = r * x * (1 - x);
        }
        dir.writeMetrics(metrics);
        double exponent = exponent(spec.eta(), spec.steps());
        String late = exponent < 0 ? (spec.eta() < 0.5 ? "converged" : "eos") : "chaotic";
        LyapunovExponents l = spec.lyapunov() ? new LyapunovExponents(spec.steps() / 2, spec.steps() - spec.steps() / 2,
                new double[] {Math.max(0, exponent)}, new double[] {0.01}, exponent, 0.02, new double[] {exponent},
                new double[] {0.02}, 1, 0, 0, 0) : null;
        Summary s = new Summary(spec.eta(), 2 * spec.eta(), 2.0, late, 0, l);
        dir.writeSummary(s);
        dir.finishManifest("finished");
        return s;
    }

    /** A lookup that knows this task alone. */
    static Task<?, ?> lookup(String name) {
        if (name.equals(NAME)) return new NoisyTailTask();
        throw new UserInputException("'" + name + "' is not a task; the tasks are: " + NAME);
    }
}
