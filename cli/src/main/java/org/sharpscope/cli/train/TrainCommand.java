package org.sharpscope.cli.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.sharpscope.UserInputException;
import org.sharpscope.cli.nn.NetworkOptions;
import org.sharpscope.cli.options.CommandSettings;
import org.sharpscope.cli.options.RunDirectories;
import org.sharpscope.cli.options.TerminalProgress;
import org.sharpscope.nn.train.LyapunovExponents;
import org.sharpscope.nn.train.TrainSummary;
import org.sharpscope.report.RunFigures;
import org.sharpscope.report.plot.TrainingPlots;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.Progress;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Specs;
import org.sharpscope.study.nn.TrainSpec;
import org.sharpscope.study.nn.TrainTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Mixin
    TrainingOptions training;

    @Option(names = "--progress", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = "Show a progress bar when on a terminal (default true).")
    Boolean progress;

    @Spec
    CommandSpec command;

    private final TrainTask task = new TrainTask();

    @Override
    public Integer call() {
        List<Path> files = new ArrayList<>(network.configs());
        if (resume != null) {
            Path saved = resume.resolve(RunDirectory.CONFIG);
            if (!Files.isRegularFile(saved)) throw new UserInputException("cannot resume " + resume + ": no " + RunDirectory.CONFIG + " there");
            files.add(saved); // command line over --config over the resumed run's settings
        }
        List<TrainSpec> specs = specs(CommandSettings.read(command, files, TrainingOptions.RATE_KEYS, NetworkOptions.NETWORK_COMMAND_KEYS, Map.of()));
        Progress bar = TerminalProgress.of(progress == null || progress);
        if (resume != null) {
            if (specs.size() > 1) throw new UserInputException("--resume continues one run; resume each c-VALUE directory on its own");
            refuseChanges(specs.get(0));
            TrainSummary s = task.resume(specs.get(0), new RunContext(resume, bar));
            finish(resume, s);
        } else if (specs.size() == 1) {
            Path dir = RunDirectories.orDefault(out, "train");
            finish(dir, task.run(specs.get(0), new RunContext(dir, bar)));
        } else {
            Path root = RunDirectories.orDefault(out, "train");
            List<TrainingPlots.Run> runs = new ArrayList<>();
            for (TrainSpec spec : specs) {
                Path dir = root.resolve("c-" + spec.c());
                finish(dir, task.run(spec, new RunContext(dir, bar)));
                runs.add(TrainingPlots.Run.read(dir));
            }
            TrainingPlots.sharpnessOverlay(runs, root.resolve("plots"));
        }
        return 0;
    }

    /**
     * A resumed run continues with the settings it was started with: --out, or any setting that
     * differs from its config.yaml, would otherwise be silently ignored or break bit-for-bit resumption.
     */
    private void refuseChanges(TrainSpec spec) {
        if (out != null) {
            throw new UserInputException("--out " + out + " conflicts with --resume: the run continues in " + resume + "; drop --out");
        }
        Map<String, Object> stored = Specs.toMap(TrainTask.savedSpec(resume));
        Map<String, Object> given = Specs.toMap(spec);
        for (String key : Specs.keys(TrainSpec.class)) {
            if (!Objects.equals(stored.get(key), given.get(key))) {
                throw new UserInputException("--" + key + " " + given.get(key) + " differs from the resumed run's "
                        + resume.resolve(RunDirectory.CONFIG) + " (" + key + ": " + stored.get(key) + "); a resumed run keeps its settings");
            }
        }
    }

    /** One spec per value of {@code c} (a spec has one learning rate), or the one spec of {@code settings}. */
    private List<TrainSpec> specs(Map<String, Object> settings) {
        boolean given = settings.containsKey("c");
        List<?> cs = settings.remove("c") instanceof List<?> list ? list : List.of();
        if (given && cs.isEmpty()) throw new UserInputException("--c has no value; give one or more, e.g. --c 0.5,1,2");
        List<TrainSpec> specs = new ArrayList<>();
        for (Object ci : cs.isEmpty() ? Collections.singletonList(null) : cs) {
            Map<String, Object> one = new LinkedHashMap<>(settings);
            if (ci != null) one.put("c", ci);
            specs.add(CommandSettings.bind(TrainSpec.class, one, network.where(command)));
        }
        return specs;
    }

    /** Draws the run's plots and prints its paragraph. */
    private void finish(Path dir, TrainSummary s) {
        new RunFigures().draw(task.name(), dir);
        command.commandLine().getOut().printf(Locale.ROOT, "%s: %s; λ0 = %.6g, η = %.6g, c = %.4g, EoS entered at %s; %s%s%n",
                dir, s.regime(), s.lambda0(), s.eta(), s.c(), s.eosEnteredAt(), lyapunov(s.lyapunov()),
                "metrics in " + dir.resolve(RunDirectory.METRICS));
    }

    /** The exponents with their standard errors, for the run's paragraph (empty when not measured). */
    static String lyapunov(LyapunovExponents l) {
        if (l == null) return "";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Lyapunov exponents per step over steps %d–%d: weight space",
                l.transientSteps(), l.transientSteps() + l.averagedSteps()));
        for (int i = 0; i < l.weightSpace().length; i++) {
            b.append(String.format(Locale.ROOT, "%s %.4g ± %.2g", i == 0 ? "" : ",", l.weightSpace()[i], l.weightSpaceError()[i]));
        }
        b.append(String.format(Locale.ROOT, "; seen by the loss (top-%d Gauss-Newton directions) %.4g ± %.2g; ", l.lossSubspace(),
                l.loss(), l.lossError()));
        return b.toString();
    }
}
