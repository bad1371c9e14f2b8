package org.sharpscope.study.nn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.source.NetworkSource;
import org.sharpscope.nn.train.Checkpoint;
import org.sharpscope.nn.train.MetricsLog;
import org.sharpscope.nn.train.TrainSummary;
import org.sharpscope.nn.train.Trainer;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.Progress;
import org.sharpscope.study.Resumable;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Specs;
import org.sharpscope.study.Task;

/**
 * {@code train}: trains a network with sharpness tracking ({@link Trainer}) into a run directory —
 * config.yaml (the resolved spec), manifest.json, metrics.csv, summary.json, checkpoints/ — and
 * continues a killed run from its newest checkpoint bit for bit, rebuilding its network (a
 * TorchScript module included) from config.yaml; a module or data file changed since is refused.
 */
public final class TrainTask implements Task<TrainSpec, TrainSummary>, Resumable<TrainSummary> {
    @Override
    public String name() {
        return "train";
    }

    @Override
    public Class<TrainSpec> specType() {
        return TrainSpec.class;
    }

    @Override
    public TrainSummary run(TrainSpec spec, RunContext context) {
        spec.useThreads();
        try (NetworkSource source = spec.openSource()) { // a module that does not fit its data leaves no run directory
            RunDirectory dir = RunDirectory.create(context.out());
            dir.writeConfig(Specs.toMap(spec));
            return train(spec, source, dir, context.progress(), false);
        }
    }

    @Override
    public boolean canResume(Path runDir) {
        return Files.isRegularFile(runDir.resolve(RunDirectory.CONFIG)) && Checkpoint.latest(runDir.resolve("checkpoints")) != null;
    }

    @Override
    public TrainSummary resume(Path runDir, RunContext context) {
        return resume(savedSpec(runDir), context);
    }

    /**
     * Continues the run in {@code context.out()} from its newest checkpoint with {@code spec}
     * (normally the run's own config.yaml, see {@link #savedSpec}).
     */
    public TrainSummary resume(TrainSpec spec, RunContext context) {
        Path runDir = context.out();
        if (Checkpoint.latest(runDir.resolve("checkpoints")) == null) {
            throw new UserInputException("cannot resume " + runDir + ": it has no checkpoints/step-*.safetensors");
        }
        checkMetrics(runDir);
        spec.useThreads();
        try (NetworkSource source = spec.openSource()) {
            return train(spec, source, RunDirectory.reopen(runDir), context.progress(), true);
        }
    }

    /** Refuses a run whose metrics.csv is missing, damaged or without rows, before anything in the run is rewritten. */
    private static void checkMetrics(Path runDir) {
        Path file = runDir.resolve(RunDirectory.METRICS);
        if (!Files.isRegularFile(file)) throw new UserInputException("cannot resume " + runDir + ": " + RunDirectory.METRICS + " is missing");
        if (MetricsLog.read(runDir).size() == 0) {
            throw new UserInputException("cannot resume " + runDir + ": " + file + " has no rows (no probe was written); "
                    + "start the run again");
        }
    }

    /** The spec a run directory was started with: its config.yaml. */
    public static TrainSpec savedSpec(Path runDir) {
        Path file = runDir.resolve(RunDirectory.CONFIG);
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("cannot resume " + runDir + ": no " + RunDirectory.CONFIG + " there");
        }
        return Specs.bind(TrainSpec.class, Specs.readYaml(file), "config " + file);
    }

    private static TrainSummary train(TrainSpec spec, NetworkSource source, RunDirectory dir, Progress progress,
                                      boolean fromCheckpoint) {
        progress.start("train", spec.steps());
        boolean[] trained = {false}; // the loop reached a probe
        try {
            Trainer trainer = new Trainer(spec.config(), source, dir, (t, steps, p) -> {
                trained[0] = true;
                progress.update(t, String.format(Locale.ROOT, "loss %.4g  λ %.4g", p.loss(), p.top()));
            });
            TrainSummary summary = fromCheckpoint ? trainer.resume() : trainer.run();
            progress.update(spec.steps(), null);
            return summary;
        } catch (RuntimeException e) {
            // A run that died (disk full, say) says so instead of "running". A resume refused before
            // it trained (a bad checkpoint, changed input files) leaves the run's files as they were.
            if (fromCheckpoint && !trained[0]) throw e;
            try {
                dir.finishManifest("failed");
            } catch (RuntimeException ignored) {
                // the disk that failed the run may fail this write too; the error above is the one to report
            }
            throw e;
        } finally {
            progress.finish();
        }
    }
}
