package org.sharpscope.cli.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cell of a sweep: its position in the plan, its id (also its directory name under
 * {@code cells/}), its axis values and seed, and the command flags it runs with (without
 * {@code --out}).
 *
 * @param seed the seed, or null when the spec has no seeds
 * @param flags the command line after the command words, e.g. {@code [--kappa, 1, --eta, 0.5]}
 */
public record Cell(int index, String id, Map<String, Object> axes, Long seed, List<String> flags)
        implements java.io.Serializable {
    public Cell {
        axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
        flags = List.copyOf(flags);
    }

    /** The full argument list: command words, flags, then {@code --out dir}. */
    public List<String> args(List<String> commandWords, String outDir) {
        List<String> a = new ArrayList<>(commandWords);
        a.addAll(flags);
        a.add("--out");
        a.add(outDir);
        return a;
    }
}
