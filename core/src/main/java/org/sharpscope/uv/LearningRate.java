package org.sharpscope.uv;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import org.sharpscope.UserInputException;

/**
 * How the learning rate is given: exactly one of η itself, c (η = c / λ₀^H, the initial
 * sharpness) or η/η_c (η_c = 1/(√κ|y|), docs/theory.md §4). {@link #resolve} turns it into η.
 */
public record LearningRate(@JsonProperty("kind") Kind kind, @JsonProperty("value") double value) {

    /** The three ways to give a learning rate; {@link #flag()} is the command-line/config name. */
    public enum Kind {
        ETA("eta"), C("c"), ETA_OVER_ETAC("eta-over-etac");

        private final String flag;

        Kind(String flag) {
            this.flag = flag;
        }

        /** The flag name without dashes, also the config key. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String flag() {
            return flag;
        }
    }

    public LearningRate {
        if (kind == null) throw new IllegalArgumentException("kind is null");
        UserInputException.requirePositive("--" + kind.flag(), value);
    }

    public static LearningRate eta(double eta) {
        return new LearningRate(Kind.ETA, eta);
    }

    public static LearningRate c(double c) {
        return new LearningRate(Kind.C, c);
    }

    public static LearningRate etaOverEtaC(double ratio) {
        return new LearningRate(Kind.ETA_OVER_ETAC, ratio);
    }

    /**
     * The step size η, given the initial sharpness λ₀^H and the critical learning rate η_c
     * (infinite when y = 0). Throws {@link UserInputException} when the result is not a positive
     * finite number (for example η/η_c with y = 0).
     */
    public double resolve(double sharpness0, double etaC) {
        double eta = switch (kind) {
            case ETA -> value;
            case C -> value / sharpness0;
            case ETA_OVER_ETAC -> value * etaC;
        };
        if (!(eta > 0) || !Double.isFinite(eta)) {
            String why = switch (kind) {
                case ETA -> "";
                case C -> " (initial sharpness is " + sharpness0 + "; use --eta instead)";
                case ETA_OVER_ETAC -> " (η_c = " + etaC + " is infinite when the target is 0;"
                        + " give a nonzero --target or use --eta/--c)";
            };
            throw new UserInputException("learning rate --" + kind.flag() + " " + value
                    + " gives η = " + eta + ", not a positive finite step" + why);
        }
        return eta;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s=%s", kind.flag(), value);
    }
}
