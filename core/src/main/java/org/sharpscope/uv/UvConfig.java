package org.sharpscope.uv;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.sharpscope.UserInputException;

/**
 * The UV model of docs/theory.md §1 on one example: width n, input x ∈ R^d, target y, init scale σ_w,
 * parameterization s ∈ [0, 1] (0 = NTP, 1 = μP) and the seed of the weight draw. The learning
 * rate is kept apart ({@link LearningRate}) because η = c/λ₀^H needs the initial state.
 * The constructor validates every field and throws {@link UserInputException} with the flag name.
 */
public record UvConfig(
        @JsonProperty("width") int width,
        @JsonProperty("input") double[] input,
        @JsonProperty("target") double target,
        @JsonProperty("sigma-w") double sigmaW,
        @JsonProperty("param-s") double paramS,
        @JsonProperty("seed") long seed) {

    /** Largest n·d the weights engine accepts (one Java array holds U). */
    public static final long MAX_WEIGHTS = Integer.MAX_VALUE - 8;

    public UvConfig {
        if (width <= 0) throw new UserInputException("--width must be a positive integer, got " + width);
        if (input == null || input.length == 0) {
            throw new UserInputException("--input must have at least one component");
        }
        input = input.clone();
        for (int j = 0; j < input.length; j++) UserInputException.requireFinite("--input[" + j + "]", input[j]);
        if (norm2(input) == 0) throw new UserInputException("--input must not be the zero vector");
        if ((long) width * input.length > MAX_WEIGHTS) {
            throw new UserInputException("--width × --input-dim = " + (long) width * input.length
                    + " weights is more than one array holds (" + MAX_WEIGHTS + "); lower one of them");
        }
        UserInputException.requireFinite("--target", target);
        UserInputException.requirePositive("--sigma-w", sigmaW);
        UserInputException.requireFinite("--param-s", paramS);
        if (paramS < 0 || paramS > 1) {
            throw new UserInputException("--param-s must lie in [0, 1] (0 = NTP, 1 = μP), got " + paramS);
        }
    }

    /** The default input of dimension d: the unit vector (1, …, 1)/√d. */
    public static double[] unitInput(int d) {
        if (d <= 0) throw new UserInputException("--input-dim must be a positive integer, got " + d);
        double[] x = new double[d];
        Arrays.fill(x, 1 / Math.sqrt(d));
        return x;
    }

    @Override
    public double[] input() {
        return input.clone();
    }

    /** d, the input dimension. */
    public int inputDim() {
        return input.length;
    }

    /** c_s = n^{-(1−s)/2}, the output multiplier. */
    public double outputScale() {
        return Math.pow(width, -(1 - paramS) / 2);
    }

    /** κ = c_s² ‖x‖² (docs/theory.md §1). */
    public double kappa() {
        double cs = outputScale();
        return cs * cs * norm2(input);
    }

    /** Standard deviation of each weight at init: σ_w / n^{s/2}. */
    public double initStd() {
        return sigmaW / Math.pow(width, paramS / 2);
    }

    /**
     * Draws the initial weights from the seed: U (row-major n×d) first, then v, each entry
     * N(0, σ_w²/n^s), from one {@link SplittableRandom}.
     */
    public WeightsEngine initialWeights() {
        int n = width;
        int d = input.length;
        // U and v, plus the engine's copies for a step: about 2·(n·d + n) doubles.
        org.sharpscope.Memory.require(16.0 * ((double) n * d + n), "--width " + n + " × --input-dim " + d
                + " (the weights U, v of the UV model)", "lower --width or --input-dim, or raise -Xmx (SHARPSCOPE_JAVA_OPTS)");
        double std = initStd();
        SplittableRandom rng = new SplittableRandom(seed);
        double[] u = new double[n * d];
        double[] v = new double[n];
        for (int i = 0; i < u.length; i++) u[i] = std * rng.nextGaussian();
        for (int i = 0; i < n; i++) v[i] = std * rng.nextGaussian();
        return new WeightsEngine(u, v, input, outputScale(), target);
    }

    static double norm2(double[] x) {
        double s = 0;
        for (double xi : x) s += xi * xi;
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UvConfig c && width == c.width && Arrays.equals(input, c.input)
                && Double.compare(target, c.target) == 0 && Double.compare(sigmaW, c.sigmaW) == 0
                && Double.compare(paramS, c.paramS) == 0 && seed == c.seed;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(input) * 31 + Double.hashCode(target) + 7 * width;
    }

    @Override
    public String toString() {
        return "UvConfig[width=" + width + ", input=" + Arrays.toString(input) + ", target=" + target
                + ", sigmaW=" + sigmaW + ", paramS=" + paramS + ", seed=" + seed + "]";
    }
}
