package org.sharpscope.uv;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.sharpscope.UserInputException;

/**
 * An initial state for the function-space map given directly: output f₀, NTK λ₀ and coupling κ.
 * It must be reachable by some weights, i.e. λ₀ ≥ 2√κ|f₀| (docs/theory.md §2); otherwise the
 * constructor throws {@link UserInputException}.
 */
public record FunctionStart(@JsonProperty("f0") double f0,
                            @JsonProperty("lambda0") double lambda0,
                            @JsonProperty("kappa") double kappa) {

    /** Relative slack on λ₀ ≥ 2√κ|f₀| so that a balanced start typed in decimal is accepted. */
    public static final double BALANCE_SLACK = 1e-12;

    public FunctionStart {
        UserInputException.requireFinite("--f0", f0);
        UserInputException.requirePositive("--lambda0", lambda0);
        UserInputException.requirePositive("--kappa", kappa);
        double bound = 2 * Math.sqrt(kappa) * Math.abs(f0);
        if (lambda0 < bound * (1 - BALANCE_SLACK)) {
            throw new UserInputException("--lambda0 " + lambda0 + " is below 2√κ|f0| = " + bound
                    + ": no weights have this NTK and output (Cauchy–Schwarz); raise --lambda0 or lower |--f0|");
        }
    }
}
