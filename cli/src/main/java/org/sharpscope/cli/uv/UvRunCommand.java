package org.sharpscope.cli.uv;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sharpscope.UserInputException;
import org.sharpscope.cli.ConfigFile;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.Envelope;
import org.sharpscope.report.plot.LinePlot;
import org.sharpscope.regime.LateState;
import org.sharpscope.regime.Regime;
import org.sharpscope.run.Json;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.uv.FunctionEngine;
import org.sharpscope.uv.FunctionStart;
import org.sharpscope.uv.LearningRate;
import org.sharpscope.uv.UvConfig;
import org.sharpscope.uv.UvConstants;
import org.sharpscope.uv.UvEngine;
import org.sharpscope.uv.UvSimulation;
import org.sharpscope.uv.UvTrajectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sharpscope uv run}: one GD trajectory of the UV model, on the weights or through the
 * exact function-space map, recorded as a run directory with its regime.
 */
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

    /** Which engine advances the trajectory. */
    public enum Engine { weights, function }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML file whose keys are flag names without dashes (e.g. eta-over-etac: 1.2); flags override it.")
    Path config;

    @Option(names = "--width", paramLabel = "N", defaultValue = "1000", description = "Width n (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--input-dim", paramLabel = "D", defaultValue = "1",
            description = "Input dimension d; the input is (1,…,1)/√d unless --input is given (default ${DEFAULT-VALUE}).")
    int inputDim;

    @Option(names = "--input", paramLabel = "X1,X2,...", split = ",", description = "The input x (sets d).")
    double[] input;

    @Option(names = "--param-s", paramLabel = "S", defaultValue = "1",
            description = "Parameterization s in [0,1]: 0 = NTP, 1 = μP (default ${DEFAULT-VALUE}).")
    double paramS;

    @Option(names = "--sigma-w", paramLabel = "SIGMA", defaultValue = "1",
            description = "Init scale: weights ~ N(0, σ_w²/n^s) (default ${DEFAULT-VALUE}).")
    double sigmaW;

    @Option(names = "--target", paramLabel = "Y", defaultValue = "1", description = "Target y (default ${DEFAULT-VALUE}).")
    double target;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the weight draw (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--eta", paramLabel = "ETA", description = "Learning rate η.")
    Double eta;

    @Option(names = "--c", paramLabel = "C", description = "Learning rate as η = c/λ₀^H (λ₀^H: initial sharpness).")
    Double c;

    @Option(names = "--eta-over-etac", paramLabel = "R", description = "Learning rate as η = R·η_c, η_c = 1/(√κ|y|).")
    Double etaOverEtaC;

    @Option(names = "--steps", paramLabel = "T", defaultValue = "1000", description = "GD steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--engine", paramLabel = "weights|function", defaultValue = "weights",
            description = "weights: GD on U, v; function: the exact map on (Δf, λ) (default ${DEFAULT-VALUE}).")
    Engine engine;

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

    /** Config keys that set the learning rate: a learning-rate flag on the command line replaces all of them. */
    static final List<String> RATE_KEYS = List.of("eta", "c", "eta-over-etac");

    /** Every step is recorded in memory (11 doubles), so runs are capped at 2·10⁷ steps (~1.8 GB). */
    static final int MAX_STEPS = 20_000_000;

    private List<String> configKeys = List.of();

    @Override
    public Integer call() {
        if (config != null) {
            configKeys = ConfigFile.apply(config, spec, RATE_KEYS);
        }
        Result r = execute();
        if (json) {
            spec.commandLine().getOut().println(Json.toJson(r.summary));
            spec.commandLine().getErr().println(r.paragraph);
        } else {
            spec.commandLine().getOut().println(r.paragraph);
        }
        return 0;
    }

    /** What a run produced. */
    record Result(Path dir, Map<String, Object> summary, String paragraph) {}

    Result execute() {
        LearningRate rate = learningRate();
        if (steps < 1) throw new UserInputException("--steps must be a positive integer, got " + steps);
        if (steps > MAX_STEPS) {
            throw new UserInputException("--steps " + steps + " is more than " + MAX_STEPS
                    + " (every step is kept in memory for the analysis); split the run or use fewer steps");
        }
        boolean given = f0 != null || lambda0 != null || kappa != null;
        if (given && engine != Engine.function) {
            throw new UserInputException("--f0/--lambda0/--kappa start the function engine; add --engine function");
        }
        if (given && (f0 == null || lambda0 == null || kappa == null)) {
            throw new UserInputException("give all of --f0, --lambda0 and --kappa (or none, to start from drawn weights)");
        }
        double[] x = inputVector();
        UvConfig cfg = new UvConfig(width, x, target, sigmaW, paramS, seed);
        UvEngine eng;
        if (given) {
            eng = new FunctionEngine(new FunctionStart(f0, lambda0, kappa), target);
        } else {
            eng = cfg.initialWeights();
            if (engine == Engine.function) eng = FunctionEngine.from(eng);
        }
        UvConstants probe = UvConstants.of(eng, 1);
        double step = rate.resolve(probe.sharpness0(), probe.etaC());
        UvConstants k = UvConstants.of(eng, step);

        Path dir = out != null ? out : Path.of("runs", "uv-run-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        RunDirectory run = RunDirectory.create(dir);
        run.writeConfig(resolvedConfig(cfg, rate, given));
        run.startManifest("uv run", seed);
        run.putManifest("model", "UV (two-layer linear, one example), engine " + engine);

        UvTrajectory t = UvSimulation.run(eng, step, steps);
        Regime regime = t.regime();
        run.writeMetrics(t.toTable());
        Map<String, Object> summary = summary(cfg, k, t, regime, given);
        run.writeSummary(summary);
        plot(run, t, regime);
        run.finishManifest("finished");
        return new Result(dir, summary, paragraph(cfg, k, t, regime, dir, given));
    }

    private LearningRate learningRate() {
        List<String> set = new ArrayList<>();
        if (eta != null) set.add("--eta");
        if (c != null) set.add("--c");
        if (etaOverEtaC != null) set.add("--eta-over-etac");
        if (set.size() != 1) {
            throw new UserInputException("give exactly one learning rate: --eta, --c or --eta-over-etac (got "
                    + (set.isEmpty() ? "none" : String.join(" and ", set)) + ")");
        }
        if (eta != null) return LearningRate.eta(eta);
        if (c != null) return LearningRate.c(c);
        return LearningRate.etaOverEtaC(etaOverEtaC);
    }

    private double[] inputVector() {
        if (input == null) return UvConfig.unitInput(inputDim);
        boolean dimGiven = spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--input-dim");
        if ((dimGiven || configKeys.contains("input-dim")) && inputDim != input.length) {
            throw new UserInputException("--input has " + input.length + " components but --input-dim is "
                    + inputDim + "; drop --input-dim or make them agree");
        }
        return input;
    }

    /** The fully resolved configuration, with the same keys as a --config file. */
    private Map<String, Object> resolvedConfig(UvConfig cfg, LearningRate rate, boolean given) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width", cfg.width());
        m.put("input-dim", cfg.inputDim());
        m.put("input", cfg.input());
        m.put("param-s", cfg.paramS());
        m.put("sigma-w", cfg.sigmaW());
        m.put("target", cfg.target());
        m.put("seed", cfg.seed());
        m.put(rate.kind().flag(), rate.value());
        m.put("steps", steps);
        m.put("engine", engine.name());
        if (given) {
            m.put("f0", f0);
            m.put("lambda0", lambda0);
            m.put("kappa", kappa);
        }
        return m;
    }

    private Map<String, Object> summary(UvConfig cfg, UvConstants k, UvTrajectory t, Regime regime, boolean given) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", engine.name());
        m.put("width", given ? null : cfg.width());
        m.put("param_s", given ? null : cfg.paramS());
        m.put("target", k.target());
        m.put("eta", k.eta());
        m.put("eta_c", finite(k.etaC()));
        m.put("eta_over_etac", k.etaOverEtaC());
        m.put("c", k.c());
        m.put("kappa", k.kappa());
        m.put("f0", k.f0());
        m.put("lambda0", k.lambda0());
        m.put("sharpness0", k.sharpness0());
        m.put("q0", k.q0());
        m.put("lambda_min", k.lambdaMin());
        m.put("lambda_inf_gf", k.lambdaInfinity());
        m.put("two_over_eta", 2 / k.eta());
        int last = t.lastFinite();
        if (t.divergedAt() != null) last = Math.max(0, Math.min(last, t.size() - 2));
        m.put("steps_run", t.step()[t.size() - 1]);
        m.put("final_step", t.step()[last]);
        m.put("sharpness_final", finite(t.sharpness()[last]));
        m.put("ntk_final", finite(t.ntk()[last]));
        m.put("loss_final", finite(t.loss()[last]));
        m.put("q_final", finite(t.q()[last]));
        m.put("early_trend", regime.earlyTrend());
        m.put("catapult", regime.catapult());
        m.put("catapult_at", regime.catapultAt());
        m.put("late_state", regime.lateState());
        m.put("period", regime.period());
        m.put("diverged_at", regime.divergedAt());
        List<Double> orbit = new ArrayList<>();
        if (regime.period() >= 1) {
            double[] s = t.sharpness();
            for (int i = t.size() - regime.period(); i < t.size(); i++) orbit.add(s[i]);
        }
        m.put("late_sharpness_orbit", orbit);
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Bins per plotted series: longer runs are drawn as per-bin min/max envelopes. */
    static final int PLOT_BINS = 400;

    private void plot(RunDirectory run, UvTrajectory t, Regime regime) {
        long[] st = t.step();
        double[] x = new double[st.length];
        for (int i = 0; i < x.length; i++) x[i] = st[i];
        String title = "UV run: " + regime.describe();
        LinePlot lp = new LinePlot(title, "step", "loss").logY();
        Envelope.of(x, t.loss(), PLOT_BINS).addTo(lp, "loss ½Δf²");
        lp.chart().getStyler().setXAxisDecimalPattern("0");
        ChartFiles.save(lp.chart(), run.plots(), "loss");
        LinePlot sp = new LinePlot(title, "step", "sharpness");
        if (regime.lateState() == LateState.DIVERGED) sp.logY();
        Envelope.of(x, t.sharpness(), PLOT_BINS).addTo(sp, "sharpness λ^H");
        Envelope.of(x, t.ntk(), PLOT_BINS).addTo(sp, "NTK λ");
        sp.horizontal("2/η", 2 / t.eta(), 0, Math.max(1, x[x.length - 1]));
        sp.chart().getStyler().setXAxisDecimalPattern("0");
        ChartFiles.save(sp.chart(), run.plots(), "sharpness");
    }

    private String paragraph(UvConfig cfg, UvConstants k, UvTrajectory t, Regime regime, Path dir, boolean given) {
        String model = given
                ? String.format(Locale.ROOT, "UV model from f0=%s, λ0=%s, κ=%s, y=%s (function engine)",
                        g(k.f0()), g(k.lambda0()), g(k.kappa()), g(k.target()))
                : String.format(Locale.ROOT, "UV model n=%d, d=%d, s=%s, σ_w=%s, y=%s, seed=%d (%s engine)",
                        cfg.width(), cfg.inputDim(), g(cfg.paramS()), g(cfg.sigmaW()), g(cfg.target()), cfg.seed(), engine);
        int last = t.lastFinite();
        if (t.divergedAt() != null) last = Math.max(0, Math.min(last, t.size() - 2));
        return String.format(Locale.ROOT,
                "%s: η = %s (η/η_c = %s, c = ηλ₀^H = %s; κ = %s, 2/η = %s). Over %d steps the sharpness λ^H went "
                        + "%s → %s (NTK λ %s → %s; gradient-flow end point λ_∞ = %s): %s. Wrote %s "
                        + "(metrics.csv, summary.json, plots/loss.png, plots/sharpness.png).",
                model, g(k.eta()), g(k.etaOverEtaC()), g(k.c()), g(k.kappa()), g(2 / k.eta()),
                t.step()[t.size() - 1], g(k.sharpness0()), g(t.sharpness()[last]), g(k.lambda0()),
                g(t.ntk()[last]), g(k.lambdaInfinity()), regime.describe(), dir);
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
