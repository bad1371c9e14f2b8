package org.sharpscope.study.nn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.sharpscope.UserInputException;

/**
 * The shape of one synthetic example, such as [3, 8, 8] or [10]. Read from a list, a number
 * ({@code 10}) or the flag's text ({@code 3x8x8}, {@code 3,8,8}); written as a list.
 */
public record ExampleShape(List<Long> sizes) {
    public ExampleShape {
        sizes = List.copyOf(sizes);
        if (sizes.isEmpty()) throw new UserInputException("--synthetic-shape needs at least one size, e.g. 10 or 3x8x8");
        for (long s : sizes) {
            if (s < 1) throw new UserInputException("--synthetic-shape sizes must be >= 1, got " + sizes);
        }
    }

    public static ExampleShape of(long... sizes) {
        List<Long> l = new ArrayList<>();
        for (long s : sizes) l.add(s);
        return new ExampleShape(l);
    }

    /** From a YAML or command-line value: a list of sizes, one size, or text like "3x8x8". */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ExampleShape parse(Object value) {
        List<Long> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) out.add(size(o, value));
        } else if (value instanceof Number) {
            out.add(size(value, value));
        } else if (value != null) {
            for (String part : value.toString().trim().split("[x,]")) out.add(size(part.trim(), value));
        }
        return new ExampleShape(out);
    }

    private static long size(Object o, Object whole) {
        if (o instanceof Integer || o instanceof Long) return ((Number) o).longValue();
        try {
            return Long.parseLong(o.toString());
        } catch (NumberFormatException e) {
            throw new UserInputException("--synthetic-shape must be sizes like 10 or 3x8x8, got '" + whole + "'");
        }
    }

    @JsonValue
    public List<Long> sizes() {
        return sizes;
    }

    /** The sizes as an array. */
    public long[] toArray() {
        return sizes.stream().mapToLong(Long::longValue).toArray();
    }
}
