package org.sharpscope.study.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.sharpscope.UserInputException;

/**
 * The values of one sweep axis: a YAML list as written, an evenly spaced range
 * {@code {from, to, points}}, or powers of two {@code {log2_from, log2_to, points}} (2^x for x
 * evenly spaced, as in c = 2^x).
 */
public final class AxisValues {
    private AxisValues() {}

    static List<Object> parse(String where, String axis, JsonNode n) {
        if (n.isArray()) {
            if (n.isEmpty()) throw new UserInputException(where + ": axis '" + axis + "' has no values");
            List<Object> out = new ArrayList<>();
            for (JsonNode v : n) out.add(SweepSpec.scalar(where, "axis " + axis, v));
            return out;
        }
        if (n.isObject()) {
            Set<String> keys = new TreeSet<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) keys.add(it.next());
            if (keys.equals(Set.of("from", "to", "points"))) {
                return range(where, axis, number(where, axis, n, "from"), number(where, axis, n, "to"), points(where, axis, n), false);
            }
            if (keys.equals(Set.of("log2_from", "log2_to", "points"))) {
                return range(where, axis, number(where, axis, n, "log2_from"), number(where, axis, n, "log2_to"), points(where, axis, n), true);
            }
            throw new UserInputException(where + ": axis '" + axis + "' range has keys " + keys
                    + "; write {from, to, points} or {log2_from, log2_to, points}");
        }
        return List.of(SweepSpec.scalar(where, "axis " + axis, n));
    }

    /** {@code points} values from {@code from} to {@code to} inclusive (2^x of them when {@code log2}). */
    public static List<Object> range(String where, String axis, double from, double to, int points, boolean log2) {
        if (points < 1) throw new UserInputException(where + ": axis '" + axis + "' needs points >= 1, got " + points);
        if (points > SweepSpec.MAX_CELLS) {
            throw new UserInputException(where + ": axis '" + axis + "' has " + points + " points, more than a sweep's limit of "
                    + SweepSpec.MAX_CELLS + " cells; use fewer points");
        }
        if (points == 1 && from != to) {
            throw new UserInputException(where + ": axis '" + axis + "' has points: 1 but from != to; use points >= 2");
        }
        List<Object> out = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            double x = i == points - 1 ? to : from + (to - from) * i / (points - 1);
            out.add(log2 ? Math.pow(2, x) : x);
        }
        return out;
    }

    private static double number(String where, String axis, JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new UserInputException(where + ": axis '" + axis + "' " + key + " must be a finite number, got " + v);
        }
        return v.doubleValue();
    }

    private static int points(String where, String axis, JsonNode n) {
        JsonNode v = n.get("points");
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new UserInputException(where + ": axis '" + axis + "' points must be an integer of at most "
                    + SweepSpec.MAX_CELLS + ", got " + v);
        }
        return v.intValue();
    }
}
