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
import org.sharpscope.cli.plot.TrainingPlots;
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
    @Option(names = "--config", paramLabel = "FILE", description = "YAML file of settings: keys are these flags without dashes.")
    Path config;
    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR from its newest checkpoint (bit-for-bit as if never stopped).")
    Path resume;
    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/train-<time>).")
    Path out;

    @Mixin
    ModelDataOptions modelData;

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
    @Option(names = "--seed", defaultValue = "0", description = "Seed of the weights, the data subset and the batches (default: ${DEFAULT-VALUE}).")
    long seed;
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
    @Option(names = "--threads", defaultValue = "0", description = "libtorch threads, 0 = its default; small nets are fastest on 1 (default: ${DEFAULT-VALUE}).")
    int threads;
    @Option(names = "--progress", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Show a progress bar when on a terminal (default: ${DEFAULT-VALUE}).")
    boolean progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Set on the instance that already holds config-file and command-line settings merged. */
    private boolean merged;

    @Override
    public Integer call() {
        if (!merged && (config != null || resume != null)) return mergedCommand().call();
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
        return new TrainConfig(modelData.modelConfig(), modelData.dataConfig(seed), modelData.lossKind(),
                modelData.dtypeKind(), modelData.chunkSize, Optimizer.parse(optimizer), eta == null ? Double.NaN : eta,
                cValue, batchSize, momentum, steps, seed, probeEvery, denseSteps, checkpointEvery, topK, ntk, tol,
                maxProducts, threads);
    }

    private int resumeRun() {
        if (c != null && c.size() > 1) throw new UserInputException("--resume continues one run; resume each c-VALUE directory on its own");
        if (Checkpoint.latest(resume.resolve("checkpoints")) == null) {
            throw new UserInputException("cannot resume " + resume + ": it has no checkpoints/step-*.safetensors");
        }
        train(config(c == null || c.isEmpty() ? Double.NaN : c.get(0)), RunDirectory.create(resume), true);
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
     * A fresh instance holding config.yaml of --resume, then --config, then the command-line
     * flags; a flag given by a later source replaces all values of the earlier ones (lists too).
     */
    private TrainCommand mergedCommand() {
        java.util.LinkedHashMap<String, List<String>> merged = new java.util.LinkedHashMap<>();
        if (resume != null) {
            Path cfg = resume.resolve(RunDirectory.CONFIG);
            if (!Files.isRegularFile(cfg)) throw new UserInputException("cannot resume " + resume + ": no " + RunDirectory.CONFIG + " there");
            overlay(merged, YamlConfig.arguments(cfg, spec, List.of("--config", "--resume", "--out")));
        }
        if (config != null) {
            if (!Files.isRegularFile(config)) throw new UserInputException("config file " + config + " not found");
            overlay(merged, YamlConfig.arguments(config, spec, List.of("--config", "--resume")));
        }
        List<String> given = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            List<String> values = o.originalStringValues();
            if (values.isEmpty()) given.add(o.longestName());
            for (String v : values) given.add(o.longestName() + "=" + v);
        }
        overlay(merged, given);
        List<String> args = new ArrayList<>();
        merged.values().forEach(args::addAll);
        TrainCommand fresh = new TrainCommand();
        CommandLine cl = new CommandLine(fresh);
        cl.setOverwrittenOptionsAllowed(true);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(spec.commandLine().getOut());
        cl.setErr(spec.commandLine().getErr());
        try {
            cl.parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw new UserInputException((config != null ? "config " + config : "resume config") + ": " + e.getMessage());
        }
        fresh.merged = true;
        return fresh;
    }

    /** Replaces, flag by flag, the arguments in {@code merged} with those of {@code source}. */
    private static void overlay(java.util.Map<String, List<String>> merged, List<String> source) {
        java.util.Map<String, List<String>> byFlag = new java.util.LinkedHashMap<>();
        for (String a : source) {
            String flag = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            byFlag.computeIfAbsent(flag, k -> new ArrayList<>()).add(a);
        }
        merged.putAll(byFlag);
    }

    private static Path defaultOut() {
        return Path.of("runs", "train-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /** The probes of a finished run directory (for tests and reports). */
    public static MetricsLog readMetrics(Path runDir, int topK, boolean ntk) {
        return MetricsLog.read(runDir.resolve(RunDirectory.METRICS), topK, ntk, Integer.MAX_VALUE);
    }
}
