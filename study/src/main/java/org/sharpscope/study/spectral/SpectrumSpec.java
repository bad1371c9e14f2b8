package org.sharpscope.study.spectral;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.nio.file.Path;
import org.sharpscope.UserInputException;

/**
 * The settings of {@code spectrum}: a symmetric matrix in Matrix Market format; its {@code topK}
 * largest (default 1) or {@code bottom} smallest eigenvalues by Lanczos to a relative residual of
 * 1e-8 within 100,000 products, random vectors seeded by 0; {@code trace}, the product budget of
 * a Hutch++ trace estimate (0: none; at least 3); and, with {@code density}, the spectral density
 * by stochastic Lanczos quadrature — 10 probes of 60 Lanczos steps, Gaussian broadening
 * {@code sigma} (null: 1% of the spectral range), on a grid of 400 points. Null means the default.
 */
public record SpectrumSpec(@JsonSerialize(using = ToStringSerializer.class) Path matrix, Integer topK, Integer bottom,
                           EigenMethod method, Double tol, Long maxProducts, Long seed, Integer trace, Boolean density,
                           Integer probes, Integer steps, Double sigma, Integer grid) {
    /** The trace budget that {@code --trace} without a number means. */
    public static final int TRACE_PRODUCTS = 99;

    public SpectrumSpec {
        if (matrix == null) throw new UserInputException("--matrix FILE.mtx is required: the symmetric matrix to analyse");
        if (topK != null && bottom != null) throw new UserInputException("give either --top-k or --bottom, not both");
        if (topK == null && bottom == null) topK = 1;
        if (topK != null && topK < 1) throw new UserInputException("--top-k must be >= 1, got " + topK);
        if (bottom != null && bottom < 1) throw new UserInputException("--bottom must be >= 1, got " + bottom);
        if (method == null) method = EigenMethod.LANCZOS;
        if (tol == null) tol = 1e-8;
        UserInputException.requirePositive("--tol", tol);
        if (maxProducts == null) maxProducts = 100_000L;
        if (maxProducts < 1) throw new UserInputException("--max-products must be >= 1, got " + maxProducts);
        if (seed == null) seed = 0L;
        if (trace == null) trace = 0;
        if (trace != 0 && trace < 3) throw new UserInputException("--trace must be 0 (no trace) or >= 3 products, got " + trace);
        if (density == null) density = false;
        if (probes == null) probes = 10;
        if (steps == null) steps = 60;
        if (grid == null) grid = 400;
        if (density) {
            if (probes < 1) throw new UserInputException("--probes must be >= 1, got " + probes);
            if (steps < 1) throw new UserInputException("--steps must be >= 1, got " + steps);
            if (grid < 2) throw new UserInputException("--grid must be >= 2, got " + grid);
        }
        if (sigma != null) UserInputException.requirePositive("--sigma", sigma);
    }

    /** True for the smallest eigenvalues ({@code bottom}), false for the largest. */
    public boolean fromBottom() {
        return bottom != null;
    }

    /** How many eigenvalues. */
    public int k() {
        return fromBottom() ? bottom : topK;
    }
}
