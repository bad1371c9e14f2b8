package org.sharpscope.study.reproduce;

import java.util.List;
import java.util.Locale;

/**
 * One row of the report's predictions table: a theoretical value set against its measurement,
 * with the tolerance used to call them in agreement ({@code relative}: |m − p| ≤ tol·|p|,
 * otherwise |m − p| ≤ tol).
 */
public record Prediction(String quantity, double predicted, double measured, double tolerance,
                         boolean relative, String source) {

    public boolean agrees() {
        if (!Double.isFinite(predicted) || !Double.isFinite(measured)) return false;
        double bound = relative ? tolerance * Math.abs(predicted) : tolerance;
        return Math.abs(measured - predicted) <= bound;
    }

    public String verdict() {
        return agrees() ? "agree" : "disagree";
    }

    public static List<String> header() {
        return List.of("quantity", "predicted", "measured", "tolerance", "verdict", "source");
    }

    public List<String> row() {
        String tol = relative ? String.format(Locale.ROOT, "%.1e relative", tolerance)
                : String.format(Locale.ROOT, "%.1e absolute", tolerance);
        return List.of(quantity, fmt(predicted), fmt(measured), tol, verdict(), source);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.8g", v);
    }
}
