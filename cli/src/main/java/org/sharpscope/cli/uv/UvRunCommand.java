package org.sharpscope.cli.uv;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sharpscope.cli.options.RunDirectories;
import org.sharpscope.cli.options.SpecBinding;
import org.sharpscope.report.RunFigures;
import org.sharpscope.run.Json;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.uv.UvRunSpec;
import org.sharpscope.study.uv.UvRunSummary;
import org.sharpscope.study.uv.UvRunTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sharpscope uv run}: the options of {@link UvRunSpec}, run by {@link UvRunTask}. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Run GD on the UV model (f = c_s vᵀUx, one example) and classify the trajectory.",
                "Writes DIR/config.yaml, manifest.json, metrics.csv (step,f,residual,loss,ntk,sharpness,q,"
                        + "norm_u,norm_v,eta_ntk,eta_sharpness), summary.json and plots/{loss,sharpness}.{png,svg}.",
                "Give the learning rate as exactly one of --eta, --c (η = c/λ₀^H) or --eta-over-etac "
                        + "(η_c = 1/(√κ|y|))."})
public final class UvRunCommand implements Callable<Integer> {
    private static final UvRunTask TASK = new UvRunTask();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML file whose keys are flag names without dashes (e.g. eta-over-etac: 1.2); flags override it.")
    Path config;

    @Option(names = "--width", paramLabel = "N", description = "Width n (default 1000).")
    Integer width;

    @Option(names = "--input-dim", paramLabel = "D",
            description = "Input dimension d; the input is (1,…,1)/√d unless --input is given (default 1).")
    Integer inputDim;

    @Option(names = "--input", paramLabel = "X1,X2,...", split = ",", description = "The input x (sets d).")
    double[] input;

    @Option(names = "--param-s", paramLabel = "S", description = "Parameterization s in [0,1]: 0 = NTP, 1 = μP (default 1).")
    Double paramS;

    @Option(names = "--sigma-w", paramLabel = "SIGMA", description = "Init scale: weights ~ N(0, σ_w²/n^s) (default 1).")
    Double sigmaW;

    @Option(names = "--target", paramLabel = "Y", description = "Target y (default 1).")
    Double target;

    @Option(names = "--seed", description = "Seed of the weight draw (default 0).")
    Long seed;

    @Option(names = "--eta", paramLabel = "ETA", description = "Learning rate η.")
    Double eta;

    @Option(names = "--c", paramLabel = "C", description = "Learning rate as η = c/λ₀^H (λ₀^H: initial sharpness).")
    Double c;

    @Option(names = "--eta-over-etac", paramLabel = "R", description = "Learning rate as η = R·η_c, η_c = 1/(√κ|y|).")
    Double etaOverEtac;

    @Option(names = "--steps", paramLabel = "T", description = "GD steps (default 1000).")
    Integer steps;

    @Option(names = "--engine", paramLabel = "weights|function",
            description = "weights: GD on U, v; function: the exact map on (Δf, λ) (default weights).")
    UvRunSpec.Engine engine;

    @Option(names = "--f0", description = "Function engine: initial output f₀ (with --lambda0 and --kappa, instead of weights).")
    Double f0;

    @Option(names = "--lambda0", description = "Function engine: initial NTK λ₀ (must be ≥ 2√κ|f₀|).")
    Double lambda0;

    @Option(names = "--kappa", description = "Function engine: coupling κ = c_s²‖x‖².")
    Double kappa;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default runs/uv-run-<time>).")
    Path out;

    @Option(names = "--json", description = "Print summary.json to stdout (the paragraph goes to stderr).")
    boolean json;

    @Override
    public Integer call() {
        UvRunSpec s = SpecBinding.bind(UvRunSpec.class, spec, config, UvRunSpec.RATE_KEYS);
        Path dir = RunDirectories.orDefault(out, "uv-run");
        UvRunSummary summary = TASK.run(s, RunContext.quiet(dir));
        new RunFigures().draw(TASK.name(), dir);
        String paragraph = summary.describe(s, dir);
        if (json) {
            spec.commandLine().getOut().println(Json.toJson(summary));
            spec.commandLine().getErr().println(paragraph);
        } else {
            spec.commandLine().getOut().println(paragraph);
        }
        return 0;
    }
}
