package org.sharpscope.study.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sharpscope.UserInputException;
import org.sharpscope.run.Json;

/**
 * A sweep specification as written in YAML: the command to run ({@code uv run}, {@code train}),
 * its base flags, the axes (crossed, except those tied together in a {@code zip} group) and the
 * seeds. Values are kept as YAML scalars (Integer, Long, Double, String, Boolean).
 *
 * @param command the command words, e.g. {@code "uv run"}
 * @param base flags (without dashes) given to every cell
 * @param axes axis name → its values, in the order written
 * @param zip groups of axis names that move together (each group one dimension of the cross)
 * @param seeds the seeds, or empty when the spec gives none (no {@code --seed} flag is passed)
 * @param etaC  a network's critical learning rate η_c ({@code eta-c}: a number, or the directory of a
 *              {@code critical-eta} run, whose η_c is read), by which {@code eta-over-etac} values
 *              become each cell's {@code eta}; null when the spec has none
 */
public record SweepSpec(String command, Map<String, Object> base, Map<String, List<Object>> axes,
                        List<List<String>> zip, List<Long> seeds, Double etaC) {
    /** The spec key of a network's η_c. */
    public static final String ETA_C = "eta-c";

    private static final Set<String> KEYS = Set.of("command", "base", "axes", "zip", "seeds", ETA_C);

    /** The axis of learning rates relative to η_c (the UV model's own flag, a ratio for network cells). */
    public static final String ETA_OVER_ETAC = "eta-over-etac";

    /**
     * The most cells a sweep may have. Every cell is planned, bound and listed in index.json
     * (rewritten after each cell) before anything runs, so a larger sweep would stall for
     * minutes before its first cell; split it into several sweeps instead.
     */
    public static final int MAX_CELLS = 100_000;

    /** Reads the YAML of specs with a duplicate key refused, not silently resolved to its last value. */
    private static final com.fasterxml.jackson.databind.ObjectReader YAML =
            Json.YAML.reader().with(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public SweepSpec {
        base = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(base));
        axes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(axes));
        zip = List.copyOf(zip);
        seeds = List.copyOf(seeds);
    }

    /** Reads and validates a spec file; every problem is a one-line {@link UserInputException}. */
    public static SweepSpec read(Path file) {
        return parse(readText(file), file.toString());
    }

    /** The text of a spec file; a missing file, a directory or an unreadable file is a one-line error. */
    public static String readText(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserInputException("sweep spec " + file + " is a directory; give the path of a YAML spec file");
        }
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException("sweep spec " + file + " does not exist; give the path of a YAML spec");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UserInputException("sweep spec " + file + " is not a text file; give the path of a YAML spec");
        } catch (IOException e) {
            throw new UserInputException("cannot read sweep spec " + file + " (" + org.sharpscope.run.AtomicFiles.reason(e) + ")");
        }
    }

    /** Parses spec YAML text; {@code where} names the source in error messages. */
    public static SweepSpec parse(String yaml, String where) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UserInputException(where + ": not valid YAML (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new UserInputException(where + ": a sweep spec is a YAML mapping with keys command, base, axes, zip, seeds, eta-c");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new UserInputException(where + ": unknown key '" + k + "'; a sweep spec has command, base, axes, zip, seeds, eta-c");
            }
        }
        JsonNode cmd = root.get("command");
        if (cmd == null || !cmd.isTextual() || cmd.textValue().isBlank()) {
            throw new UserInputException(where + ": 'command' is missing; write e.g. 'command: uv run' or 'command: train'");
        }
        String command = String.join(" ", cmd.textValue().trim().split("\\s+"));

        Map<String, Object> base = base(where, root.get("base"));
        Map<String, List<Object>> axes = axes(where, root.get("axes"), base);
        List<List<String>> zip = zip(where, root.get("zip"), axes);
        List<Long> seeds = seeds(where, root.get("seeds"));
        if (!seeds.isEmpty() && (base.containsKey("seed") || axes.containsKey("seed"))) {
            throw new UserInputException(where + ": give seeds either under 'seeds' or as a flag 'seed', not both");
        }
        SweepSpec spec = new SweepSpec(command, base, axes, zip, seeds, etaC(where, root.get(ETA_C)));
        long cells = spec.cellCount();
        if (cells > MAX_CELLS) {
            throw new UserInputException(String.format(java.util.Locale.ROOT, "%s: the sweep has %,d cells, more than the "
                    + "limit of %,d; split it into several sweeps (fewer axis values or seeds each)", where, cells, MAX_CELLS));
        }
        return spec;
    }

    /**
     * The number of cells: the product of the axes' lengths (a zip group counts once) times the
     * seeds, saturating at {@link Long#MAX_VALUE}.
     */
    public long cellCount() {
        long n = Math.max(1, seeds.size());
        Set<String> counted = new LinkedHashSet<>();
        for (Map.Entry<String, List<Object>> a : axes.entrySet()) {
            if (counted.contains(a.getKey())) continue;
            List<String> group = zip.stream().filter(g -> g.contains(a.getKey())).findFirst().orElse(List.of(a.getKey()));
            counted.addAll(group);
            int len = a.getValue().size();
            n = n > Long.MAX_VALUE / Math.max(1, len) ? Long.MAX_VALUE : n * len;
        }
        return n;
    }

    /** η_c as given: a positive number, or the directory of a critical-eta run whose summary has one. */
    private static Double etaC(String where, JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isNumber()) {
            double v = n.doubleValue();
            if (!(v > 0 && Double.isFinite(v))) {
                throw new UserInputException(where + ": 'eta-c' must be a positive number (a network's η_c), got " + n);
            }
            return v;
        }
        if (n.isTextual() && !n.textValue().isBlank()) {
            Path run = Path.of(n.textValue().trim());
            org.sharpscope.study.nn.CriticalEtaSummary s;
            try {
                s = org.sharpscope.study.nn.CriticalEtaSummary.read(run);
            } catch (UserInputException e) {
                throw new UserInputException(where + ": 'eta-c': " + e.getMessage(), e);
            }
            if (s.etaC() == null) {
                throw new UserInputException(where + ": 'eta-c': the critical-eta run " + run + " found no η_c ("
                        + s.note() + ")");
            }
            return s.etaC();
        }
        throw new UserInputException(where + ": 'eta-c' must be a number or the directory of a critical-eta run, got " + n);
    }

    private static Map<String, Object> base(String where, JsonNode b) {
        Map<String, Object> base = new LinkedHashMap<>();
        if (b != null && !b.isNull()) {
            if (!b.isObject()) throw new UserInputException(where + ": 'base' must be a mapping of flag: value");
            b.fields().forEachRemaining(e -> base.put(checkName(where, "base", e.getKey()),
                    scalar(where, "base." + e.getKey(), e.getValue())));
        }
        return base;
    }

    private static Map<String, List<Object>> axes(String where, JsonNode a, Map<String, Object> base) {
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        if (a != null && !a.isNull()) {
            if (!a.isObject()) throw new UserInputException(where + ": 'axes' must be a mapping of flag: values");
            a.fields().forEachRemaining(e -> {
                String name = checkName(where, "axes", e.getKey());
                if (base.containsKey(name)) {
                    throw new UserInputException(where + ": '" + name + "' is both in base and in axes; keep it in one place");
                }
                axes.put(name, AxisValues.parse(where, name, e.getValue()));
            });
        }
        return axes;
    }

    private static List<List<String>> zip(String where, JsonNode z, Map<String, List<Object>> axes) {
        List<List<String>> zip = new ArrayList<>();
        if (z == null || z.isNull()) return zip;
        if (!z.isArray()) throw new UserInputException(where + ": 'zip' must be a list of groups, e.g. zip: [[lambda0, target]]");
        Set<String> used = new LinkedHashSet<>();
        for (JsonNode g : z) {
            if (!g.isArray() || g.size() < 2) {
                throw new UserInputException(where + ": each zip group is a list of two or more axis names, e.g. [lambda0, target]");
            }
            List<String> group = new ArrayList<>();
            for (JsonNode n : g) {
                String name = n.asText();
                if (!axes.containsKey(name)) {
                    throw new UserInputException(where + ": zip names '" + name + "', which is not an axis; add it under axes");
                }
                if (!used.add(name)) {
                    throw new UserInputException(where + ": axis '" + name + "' is in more than one zip group");
                }
                group.add(name);
            }
            int len = axes.get(group.get(0)).size();
            for (String name : group) {
                if (axes.get(name).size() != len) {
                    throw new UserInputException(where + ": zipped axes must have equal lengths, but '" + group.get(0)
                            + "' has " + len + " values and '" + name + "' has " + axes.get(name).size());
                }
            }
            zip.add(group);
        }
        return zip;
    }

    private static List<Long> seeds(String where, JsonNode s) {
        List<Long> seeds = new ArrayList<>();
        if (s == null || s.isNull()) return seeds;
        if (s.isIntegralNumber()) {
            seeds.add(s.longValue());
        } else if (s.isArray() && !s.isEmpty()) {
            for (JsonNode n : s) {
                if (!n.isIntegralNumber()) throw new UserInputException(where + ": seeds must be integers, got '" + n.asText() + "'");
                if (seeds.contains(n.longValue())) throw new UserInputException(where + ": seed " + n.longValue() + " is listed twice");
                seeds.add(n.longValue());
            }
        } else {
            throw new UserInputException(where + ": 'seeds' must be a non-empty list of integers, e.g. seeds: [0, 1, 2]");
        }
        return seeds;
    }

    private static String checkName(String where, String section, String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new UserInputException(where + ": '" + name + "' under " + section
                    + " is not a flag name; write flags without dashes, e.g. 'lambda0' or 'eta-over-etac'");
        }
        if (name.equals("out") || name.equals("resume")) {
            throw new UserInputException(where + ": '" + name + "' is set by the sweep for each cell; remove it from " + section);
        }
        return name;
    }

    /** A YAML scalar as Integer, Long, Double, Boolean or String. */
    static Object scalar(String where, String key, JsonNode n) {
        if (n.isInt()) return n.intValue();
        if (n.isIntegralNumber()) return n.longValue();
        if (n.isNumber()) return n.doubleValue();
        if (n.isBoolean()) return n.booleanValue();
        if (n.isTextual()) return n.textValue();
        throw new UserInputException(where + ": " + key + " must be a number, string or true/false, got " + n);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
