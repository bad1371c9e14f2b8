package org.sharpscope.cli.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.sharpscope.UserInputException;
import org.sharpscope.cli.ConfigFile;
import org.sharpscope.cli.nn.NetworkOptions;
import org.sharpscope.report.plot.TrainingPlots;
import org.sharpscope.nn.NetworkSetup;
import org.sharpscope.nn.train.Checkpoint;
import org.sharpscope.nn.train.MetricsLog;
import org.sharpscope.nn.train.Optimizer;
import org.sharpscope.nn.train.TrainConfig;
import org.sharpscope.nn.train.Trainer;
import org.sharpscope.run.RunDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sharpscope train}: trains a network by GD, SGD or momentum with sharpness tracking, into
 * a run directory (config.yaml, manifest.json, metrics.csv, summary.json, plots/, checkpoints/).
 * Settings come from flags and/or a YAML file ({@code --config}; flags win); {@code --resume DIR}
 * continues a killed run exactly. Several {@code --c} values train one run each, in
 * {@code OUT/c-VALUE/}, with a combined sharpness plot in {@code OUT/plots/}.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a network with sharpness tracking (loss, top Hessian eigenvalues by warm-started "
                + "LOBPCG, norms), regime analysis (sharpening, catapult, edge of stability at 2/η) and exact resume.")
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR from its newest checkpoint (bit-for-bit as if never stopped).")
    Path resume;
    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/train-<time>).")
    Path out;

    @Mixin
    NetworkOptions network;

    @Option(names = "--optimizer", defaultValue = "gd", description = "gd (full batch), sgd or momentum (default: ${DEFAULT-VALUE}).")
    String optimizer;
    @Option(names = "--eta", description = "Learning rate η.")
    Double eta;
    @Option(names = "--c", split = ",", description = "Learning rate as c = ηλ₀^H (λ₀^H measured at init); a list trains one run per value.")
    List<Double> c;
    @Option(names = "--batch-size", defaultValue = "0", description = "Mini-batch size for sgd/momentum, 0 = full batch (default: ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--momentum", defaultValue = "0.9", description = "Heavy-ball coefficient β of --optimizer momentum (default: ${DEFAULT-VALUE}).")
    double momentum;
    @Option(names = "--steps", defaultValue = "1000", description = "Training steps (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--probe-every", defaultValue = "10", description = "Probe every k steps (default: ${DEFAULT-VALUE}).")
    int probeEvery;
    @Option(names = "--dense-steps", defaultValue = "20", description = "Probe every step before this one (default: ${DEFAULT-VALUE}).")
    int denseSteps;
    @Option(names = "--checkpoint-every", defaultValue = "100", description = "Checkpoint every N steps, 0 = only at the end (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;
    @Option(names = "--top-k", defaultValue = "1", description = "Hessian eigenvalues tracked (default: ${DEFAULT-VALUE}).")
    int topK;
    @Option(names = "--ntk", arity = "0..1", defaultValue = "false", fallbackValue = "true",
            description = "Also track the top NTK eigenvalue (mse only) (default: ${DEFAULT-VALUE}).")
    boolean ntk;
    @Option(names = "--tol", defaultValue = "1e-6", description = "Relative residual tolerance of the sharpness solve (default: ${DEFAULT-VALUE}).")
    double tol;
    @Option(names = "--max-products", defaultValue = "500", description = "Hessian-vector products allowed per probe (default: ${DEFAULT-VALUE}).")
    int maxProducts;
    @Option(names = "--progress", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Show a progress bar when on a terminal (default: ${DEFAULT-VALUE}).")
    boolean progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Config keys that set the learning rate: one of them on the command line replaces all of them. */
    static final List<String> RATE_KEYS = List.of("eta", "c");

    @Override
    public Integer call() {
        applyConfigFiles();
        if (resume != null) return resumeRun();
        List<Double> cs = c == null ? List.of() : c;
        if (cs.size() <= 1) {
            Path dir = out != null ? out : defaultOut();
            train(config(cs.isEmpty() ? Double.NaN : cs.get(0)), RunDirectory.create(dir), false);
            return 0;
        }
        Path root = out != null ? out : defaultOut();
        List<TrainingPlots.Run> runs = new ArrayList<>();
        for (double ci : cs) {
            RunDirectory d = RunDirectory.create(root.resolve("c-" + ci));
            runs.add(train(config(ci), d, false));
        }
        TrainingPlots.sharpnessOverlay(runs, root.resolve("plots"));
        return 0;
    }

    private TrainConfig config(double cValue) {
        if (eta != null && !Double.isNaN(cValue)) throw new UserInputException("give --eta or --c, not both");
        NetworkSetup setup = network.resolve();
        return new TrainConfig(setup.model(), setup.data(), setup.loss(), setup.dtype(), setup.chunk(),
                Optimizer.parse(optimizer), eta == null ? Double.NaN : eta, cValue, batchSize, momentum, steps,
                setup.seed(), probeEvery, denseSteps, checkpointEvery, topK, ntk, tol, maxProducts, network.threads());
    }

    private int resumeRun() {
        if (c != null && c.size() > 1) throw new UserInputException("--resume continues one run; resume each c-VALUE directory on its own");
        if (Checkpoint.latest(resume.resolve("checkpoints")) == null) {
            throw new UserInputException("cannot resume " + resume + ": it has no checkpoints/step-*.safetensors");
        }
        train(config(c == null || c.isEmpty() ? Double.NaN : c.get(0)), RunDirectory.reopen(resume), true);
        return 0;
    }

    private TrainingPlots.Run train(TrainConfig cfg, RunDirectory dir, boolean fromCheckpoint) {
        boolean bar = progress && System.console() != null;
        Map<String, Object> summary;
        try (ProgressBar pb = bar ? new ProgressBarBuilder().setTaskName("train").setInitialMax(cfg.steps())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build() : null) {
            Trainer.Listener listener = pb == null ? null : (t, total, p) -> {
                pb.stepTo(t);
                pb.setExtraMessage(String.format(Locale.ROOT, "loss %.4g  λ %.4g", p.loss(), p.top()));
            };
            Trainer trainer = new Trainer(cfg, dir, listener);
            summary = fromCheckpoint ? trainer.resume() : trainer.run();
            TrainingPlots.Run run = new TrainingPlots.Run(dir.root().getFileName().toString(), trainer.metrics(),
                    (Double) summary.get("stability_threshold"));
            TrainingPlots.write(run, dir.plots());
            if (pb != null) pb.stepTo(cfg.steps());
            spec.commandLine().getOut().printf(Locale.ROOT, "%s: %s; λ0 = %.6g, η = %.6g, c = %.4g, EoS entered at %s; %s%n",
                    dir.root(), summary.get("regime"), summary.get("lambda0"), summary.get("eta"), summary.get("c"),
                    summary.get("eos_entered_at"), "metrics in " + dir.file(RunDirectory.METRICS));
            return run;
        }
    }

    /**
     * Fills the options not given on the command line from --config, then from config.yaml of
     * --resume (command line over --config over the resumed run's settings).
     */
    private void applyConfigFiles() {
        List<String> set = network.applyConfig(RATE_KEYS, List.of(), List.of());
        if (resume != null) {
            Path cfg = resume.resolve(RunDirectory.CONFIG);
            if (!Files.isRegularFile(cfg)) throw new UserInputException("cannot resume " + resume + ": no " + RunDirectory.CONFIG + " there");
            ConfigFile.apply(cfg, spec, RATE_KEYS, set, List.of());
        }
    }

    private static Path defaultOut() {
        return Path.of("runs", "train-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /** The probes of a finished run directory (for tests and reports). */
    public static MetricsLog readMetrics(Path runDir, int topK, boolean ntk) {
        return MetricsLog.read(runDir.resolve(RunDirectory.METRICS), topK, ntk, Integer.MAX_VALUE);
    }
}
