package org.sharpscope.study.uv;

import java.util.ArrayList;
import java.util.List;
import org.sharpscope.UserInputException;
import org.sharpscope.uv.FunctionStart;
import org.sharpscope.uv.LearningRate;
import org.sharpscope.uv.UvConfig;

/**
 * One GD trajectory of the UV model ({@code uv run}): the model, exactly one learning rate (η, c
 * or η/η_c), the steps and the engine, optionally started from (f₀, λ₀, κ) instead of drawn
 * weights. Null components take their defaults; a bad combination is a one-line
 * {@link UserInputException} naming the flags.
 *
 * @param width       width n (default 1000)
 * @param inputDim    input dimension d (default 1, or the length of {@code input})
 * @param input       the input x (default (1, …, 1)/√d)
 * @param paramS      parameterization s in [0, 1]: 0 = NTP, 1 = μP (default 1)
 * @param sigmaW      init scale σ_w (default 1)
 * @param target      target y (default 1)
 * @param seed        seed of the weight draw (default 0)
 * @param eta         learning rate η
 * @param c           learning rate as η = c/λ₀^H
 * @param etaOverEtac learning rate as η = R·η_c
 * @param steps       GD steps (default 1000, at most {@link #MAX_STEPS})
 * @param engine      what advances the trajectory (default weights)
 * @param f0          function engine: initial output f₀ (with lambda0 and kappa)
 * @param lambda0     function engine: initial NTK λ₀
 * @param kappa       function engine: coupling κ
 */
public record UvRunSpec(Integer width, Integer inputDim, List<Double> input, Double paramS, Double sigmaW,
                        Double target, Long seed, Double eta, Double c, Double etaOverEtac, Integer steps,
                        Engine engine, Double f0, Double lambda0, Double kappa) {

    /** Which engine advances the trajectory; lower case because these are the values users type. */
    public enum Engine {
        /** GD on the weights U, v. */
        weights,
        /** The exact function-space map on (Δf, λ). */
        function
    }

    /** The keys that set the learning rate: a spec takes exactly one of them. */
    public static final List<String> RATE_KEYS = List.of("eta", "c", "eta-over-etac");

    /** Every step is recorded in memory (11 doubles), so runs are capped at 2·10⁷ steps (~1.8 GB). */
    public static final int MAX_STEPS = 20_000_000;

    public UvRunSpec {
        width = width != null ? width : 1000;
        paramS = paramS != null ? paramS : 1.0;
        sigmaW = sigmaW != null ? sigmaW : 1.0;
        target = target != null ? target : 1.0;
        seed = seed != null ? seed : 0L;
        steps = steps != null ? steps : 1000;
        engine = engine != null ? engine : Engine.weights;
        rate(eta, c, etaOverEtac);
        if (steps < 1) throw new UserInputException("--steps must be a positive integer, got " + steps);
        if (steps > MAX_STEPS) {
            throw new UserInputException("--steps " + steps + " is more than " + MAX_STEPS
                    + " (every step is kept in memory for the analysis); split the run or use fewer steps");
        }
        boolean start = f0 != null || lambda0 != null || kappa != null;
        if (start && engine != Engine.function) {
            throw new UserInputException("--f0/--lambda0/--kappa start the function engine; add --engine function");
        }
        if (start && (f0 == null || lambda0 == null || kappa == null)) {
            throw new UserInputException("give all of --f0, --lambda0 and --kappa (or none, to start from drawn weights)");
        }
        if (input == null) {
            input = boxed(UvConfig.unitInput(inputDim != null ? inputDim : 1));
        } else if (inputDim != null && inputDim != input.size()) {
            throw new UserInputException("--input has " + input.size() + " components but --input-dim is "
                    + inputDim + "; drop --input-dim or make them agree");
        }
        double[] x = unboxed(input);
        input = List.copyOf(input);
        inputDim = input.size();
        new UvConfig(width, x, target, sigmaW, paramS, seed);
        if (start) new FunctionStart(f0, lambda0, kappa);
    }

    /** The learning rate, as given. */
    public LearningRate learningRate() {
        return rate(eta, c, etaOverEtac);
    }

    /** The UV model: width, input, target, σ_w, s and seed. */
    public UvConfig model() {
        return new UvConfig(width, unboxed(input), target, sigmaW, paramS, seed);
    }

    /** The start (f₀, λ₀, κ) of the function engine, or null to start from drawn weights. */
    public FunctionStart functionStart() {
        return f0 == null ? null : new FunctionStart(f0, lambda0, kappa);
    }

    private static LearningRate rate(Double eta, Double c, Double etaOverEtac) {
        List<String> set = new ArrayList<>();
        if (eta != null) set.add("--eta");
        if (c != null) set.add("--c");
        if (etaOverEtac != null) set.add("--eta-over-etac");
        if (set.size() != 1) {
            throw new UserInputException("give exactly one learning rate: --eta, --c or --eta-over-etac (got "
                    + (set.isEmpty() ? "none" : String.join(" and ", set)) + ")");
        }
        if (eta != null) return LearningRate.eta(eta);
        if (c != null) return LearningRate.c(c);
        return LearningRate.etaOverEtaC(etaOverEtac);
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) out.add(x);
        return out;
    }

    private static double[] unboxed(List<Double> v) {
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (v.get(i) == null) throw new UserInputException("--input[" + i + "] is empty; give a number");
            out[i] = v.get(i);
        }
        return out;
    }
}
