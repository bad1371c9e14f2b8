package org.sharpscope.nn.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.sharpscope.UserInputException;

/**
 * How initial variances and forward multipliers scale with fan-in. For a weight layer with
 * fan-in m and variance scale σ² (2 for hidden layers, 1 for the last, docs/theory.md §8):
 * <ul>
 *   <li>SP: W ~ N(0, σ²/m), multiplier 1 (He init; a checkpoint loads into plain PyTorch layers);</li>
 *   <li>NTP: W ~ N(0, 1), multiplier σ/√m;</li>
 *   <li>μP (NTK form, Yang &amp; Hu with b = 0): as NTP except the last layer, multiplier σ/m;</li>
 *   <li>interpolation s ∈ [0, 1] ("s=0.5"): as NTP except the last layer, multiplier
 *       σ·m^{-(1+s)/2}; s = 0 is NTP and s = 1 is μP.</li>
 * </ul>
 * The UV model applies s exactly as docs/theory.md §1 ({@link UvNetwork}).
 */
public record Parameterization(Kind kind, double s) {
    public enum Kind { SP, NTP, MUP, INTERPOLATED }

    public static final Parameterization SP = new Parameterization(Kind.SP, Double.NaN);
    public static final Parameterization NTP = new Parameterization(Kind.NTP, 0);
    public static final Parameterization MUP = new Parameterization(Kind.MUP, 1);

    public Parameterization {
        if (kind == Kind.INTERPOLATED && !(s >= 0 && s <= 1)) {
            throw new UserInputException("parameterization s must lie in [0, 1], got " + s);
        }
    }

    public static Parameterization interpolated(double s) {
        return new Parameterization(Kind.INTERPOLATED, s);
    }

    /** Parses "sp", "ntp", "mup" or "s=VALUE". */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Parameterization parse(String text) {
        String t = text.trim().toLowerCase();
        switch (t) {
            case "sp": return SP;
            case "ntp": return NTP;
            case "mup": case "μp": return MUP;
            default:
        }
        if (t.startsWith("s=")) {
            try {
                return interpolated(Double.parseDouble(t.substring(2)));
            } catch (NumberFormatException e) {
                throw new UserInputException("bad parameterization '" + text + "': write s=VALUE with VALUE in [0, 1]");
            }
        }
        throw new UserInputException("unknown parameterization '" + text + "': use sp, ntp, mup or s=VALUE (0=ntp, 1=mup)");
    }

    /** The flag spelling: "sp", "ntp", "mup" or "s=0.5". */
    @JsonValue
    public String key() {
        return kind == Kind.INTERPOLATED ? "s=" + s : kind.name().toLowerCase();
    }

    /** The interpolation exponent s of this parameterization (NaN for SP). */
    public double exponent() {
        return s;
    }

    /** Init std and multiplier of a weight layer with the given role, fan-in and variance scale σ². */
    public LayerScale scale(LayerRole role, long fanIn, double sigma2) {
        double sigma = Math.sqrt(sigma2);
        if (kind == Kind.SP) return new LayerScale(sigma / Math.sqrt(fanIn), 1);
        if (role != LayerRole.OUTPUT) return new LayerScale(1, sigma / Math.sqrt(fanIn));
        return new LayerScale(1, sigma * Math.pow(fanIn, -(1 + s) / 2));
    }

    @Override
    public String toString() {
        return key();
    }
}
