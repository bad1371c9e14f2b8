package org.sharpscope.study.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharpscope.UserInputException;
import org.sharpscope.study.Specs;

/**
 * One cell of a sweep: its position in the plan, its id (also its directory name under
 * {@code cells/}), its axis values and seed, and the settings its task's spec is bound from.
 * The settings are kept as written (YAML scalars) rather than as the bound spec so that a cell
 * travels to a Spark executor as plain data.
 *
 * @param seed     the seed, or null when the spec has no seeds
 * @param settings base, axis values and seed under kebab-case keys, e.g. {@code {kappa=1, eta=0.5}}
 */
public record Cell(int index, String id, Map<String, Object> axes, Long seed, Map<String, Object> settings)
        implements Serializable {
    /** The spec key with which a task (such as {@code train}) sets its native thread count. */
    public static final String THREADS = "threads";

    public Cell {
        axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * The cell's spec of {@code type}, with {@code threads} (when &gt; 0) as its thread count if
     * the spec has a {@code threads} key that the cell leaves unset. A value the spec's own
     * validation refuses is thrown as that validation's one-line message.
     */
    public <S extends Record> S spec(Class<S> type, int threads) {
        try {
            return bind(type, threads);
        } catch (UserInputException e) {
            UserInputException refusal = refusal(e);
            throw refusal != null ? refusal : e;
        }
    }

    /** {@link #spec}, with a refused value thrown inside the binding error (see {@link #refusal}). */
    <S extends Record> S bind(Class<S> type, int threads) {
        Map<String, Object> values = new LinkedHashMap<>(settings);
        if (threads > 0 && !values.containsKey(THREADS) && Specs.keys(type).contains(THREADS)) values.put(THREADS, threads);
        return Specs.bind(type, values, "sweep spec, " + id);
    }

    /**
     * The settings as command-line flags, in the order written: {@code --key value}, a true
     * switch as {@code --key} alone and a false one left out (how {@code sweep plan} lists a
     * cell, and what sweeps before typed specs fingerprinted).
     */
    public List<String> flags() {
        List<String> flags = new ArrayList<>();
        settings.forEach((key, value) -> {
            if (value instanceof Boolean b) {
                if (b) flags.add("--" + key);
                return;
            }
            flags.add("--" + key);
            flags.add(String.valueOf(value));
        });
        return flags;
    }

    /**
     * The spec's own refusal of a value (thrown by its compact constructor) inside a binding
     * error, or null when the binding failed on a key or a type.
     */
    static UserInputException refusal(UserInputException bindingError) {
        for (Throwable c = bindingError.getCause(); c != null; c = c.getCause()) {
            if (c instanceof UserInputException u) return u;
        }
        return null;
    }
}
