package org.sharpscope.study.reproduce;

import java.util.List;
import java.util.Locale;

/**
 * One row of the report's predictions table: a value set against its measurement, with the
 * tolerance used to call them in agreement ({@code relative}: |m − p| ≤ tol·|p|, otherwise
 * |m − p| ≤ tol). A {@link Kind#PREDICTION} sets a theoretical value (a closed form, the
 * paper's claim) against a measurement; a {@link Kind#CONSISTENCY} check sets two measurements
 * against each other (two estimators of the same quantity). A row whose run never reached the
 * regime it is about is {@link Verdict#UNTESTED}, with the reason, never agree or disagree.
 */
public record Prediction(String quantity, Kind kind, double predicted, double measured, double tolerance,
                         boolean relative, String source, String untestedReason) {

    /** What the "predicted" column holds: theory, or a second measurement. */
    public enum Kind {
        PREDICTION, CONSISTENCY;

        @Override
        public String toString() {
            return this == PREDICTION ? "prediction" : "consistency check";
        }
    }

    /** The outcome of a row. */
    public enum Verdict {
        AGREE, DISAGREE, UNTESTED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A theoretical value against a measurement. */
    public Prediction(String quantity, double predicted, double measured, double tolerance, boolean relative, String source) {
        this(quantity, Kind.PREDICTION, predicted, measured, tolerance, relative, source, null);
    }

    /** Two measurements of one quantity that must agree ({@code first} goes in the "predicted" column). */
    public static Prediction consistency(String quantity, double first, double second, double tolerance, boolean relative,
                                         String source) {
        return new Prediction(quantity, Kind.CONSISTENCY, first, second, tolerance, relative, source, null);
    }

    /** A prediction that the run could not test, and why (for example, it never reached the regime). */
    public static Prediction untested(String quantity, double predicted, double tolerance, boolean relative,
                                      String source, String reason) {
        return new Prediction(quantity, Kind.PREDICTION, predicted, Double.NaN, tolerance, relative, source, reason);
    }

    public boolean agrees() {
        return verdict() == Verdict.AGREE;
    }

    public Verdict verdict() {
        if (untestedReason != null) return Verdict.UNTESTED;
        if (!Double.isFinite(predicted) || !Double.isFinite(measured)) return Verdict.DISAGREE;
        double bound = relative ? tolerance * Math.abs(predicted) : tolerance;
        return Math.abs(measured - predicted) <= bound ? Verdict.AGREE : Verdict.DISAGREE;
    }

    public static List<String> header() {
        return List.of("quantity", "kind", "predicted", "measured", "tolerance", "verdict", "source");
    }

    public List<String> row() {
        String tol = relative ? String.format(Locale.ROOT, "%.1e relative", tolerance)
                : String.format(Locale.ROOT, "%.1e absolute", tolerance);
        String src = untestedReason == null ? source : source + " — untested: " + untestedReason;
        return List.of(quantity, kind.toString(), fmt(predicted), untestedReason == null ? fmt(measured) : "—", tol,
                verdict().toString(), src);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.8g", v);
    }
}
