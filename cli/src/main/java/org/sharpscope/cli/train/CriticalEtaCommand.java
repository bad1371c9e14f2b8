package org.sharpscope.cli.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sharpscope.UserInputException;
import org.sharpscope.cli.nn.NetworkOptions;
import org.sharpscope.cli.options.CommandSettings;
import org.sharpscope.cli.options.RunDirectories;
import org.sharpscope.cli.options.TerminalProgress;
import org.sharpscope.report.RunFigures;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.nn.CriticalEtaSpec;
import org.sharpscope.study.nn.CriticalEtaSummary;
import org.sharpscope.study.nn.CriticalEtaTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sharpscope critical-eta}: the learning rate η_c at which late training of one network
 * setting stops converging, by bracketing and bisection over full training runs (each in
 * {@code OUT/eta-VALUE/} or {@code OUT/c-VALUE/}); running it again into the same {@code --out}
 * reuses the finished runs. Takes every flag of {@code train}.
 */
@Command(name = "critical-eta", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find the network's own critical learning rate η_c: the η at which late training stops converging "
                + "(below: late sharpness settles under 2/η and the loss converges; above: it stays at 2/η — periodic or "
                + "chaotic — or training diverges). Every flag of 'train' sets the runs; --eta or --c (one value) is where "
                + "the search starts (default c = 1) and whether it searches η or c = ηλ₀. The bracket grows by --factor "
                + "until one end converges and the other does not, then geometric bisection narrows it to --rel-tol.",
                "Writes OUT/summary.json (eta_c, c_c, lambda0, the bracket, every run tried), OUT/tries.csv, "
                + "OUT/plots/critical-eta.png and one train run directory per learning rate; the same command again "
                + "reuses finished runs and continues interrupted ones."})
public final class CriticalEtaCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "Search directory (default: runs/critical-eta-<time>); the same DIR again continues the search.")
    Path out;

    @Mixin
    NetworkOptions network;

    @Mixin
    TrainingOptions training;

    @Option(names = "--factor", paramLabel = "F", description = "Bracket growth per run, in (1, 1000] (default 2).")
    Double factor;
    @Option(names = "--rel-tol", paramLabel = "TOL", description = "Stop when upper/lower − 1 of the bracket ≤ TOL, in (0, 1) (default 0.01).")
    Double relTol;
    @Option(names = "--max-runs", paramLabel = "N", description = "Training runs at most, bracketing and bisection together (default 20).")
    Integer maxRuns;
    @Option(names = "--progress", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = "Show a progress bar over the runs when on a terminal (default true).")
    Boolean progress;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        Map<String, Object> settings = CommandSettings.read(command, network.configs(), TrainingOptions.RATE_KEYS,
                NetworkOptions.NETWORK_COMMAND_KEYS, Map.of());
        if (settings.get("c") instanceof List<?> cs) {
            if (cs.size() != 1) {
                throw new UserInputException("--c takes one value here (where the search starts), got " + cs.size()
                        + "; give e.g. --c 1");
            }
            settings.put("c", cs.get(0));
        }
        CriticalEtaSpec spec = CommandSettings.bind(CriticalEtaSpec.class, settings, network.where(command));
        Path dir = RunDirectories.orDefault(out, CriticalEtaTask.NAME);
        CriticalEtaTask task = new CriticalEtaTask();
        CriticalEtaSummary s = task.run(spec, new RunContext(dir, TerminalProgress.of(progress == null || progress)));
        new RunFigures().draw(task.name(), dir);
        var w = command.commandLine().getOut();
        if (s.etaC() != null) {
            w.printf(Locale.ROOT, "%s: η_c = %.6g (c_c = η_c·λ₀ = %.5g, λ₀ = %.6g), η in [%.6g, %.6g] after %d runs; %s%n",
                    dir, s.etaC(), s.cC(), s.lambda0(), s.etaLow(), s.etaHigh(), s.runs(), s.note());
        } else {
            w.printf(Locale.ROOT, "%s: no η_c after %d runs (λ₀ = %.6g): %s%n", dir, s.runs(), s.lambda0(), s.note());
        }
        return 0;
    }
}
