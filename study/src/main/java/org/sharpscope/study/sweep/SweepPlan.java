package org.sharpscope.study.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sharpscope.UserInputException;
import org.sharpscope.study.Specs;
import org.sharpscope.study.Task;
import org.sharpscope.study.Tasks;

/**
 * The cells of a sweep, in a fixed order: axes (and zip groups) crossed in the order written,
 * the first axis outermost, seeds innermost. Every cell's settings are bound to the task's spec
 * before anything runs, so an unknown key or a value of the wrong type refuses the whole sweep;
 * a value that the spec's own validation refuses (such as a width of 0) is left to fail its
 * cell alone, with the spec's message.
 */
public final class SweepPlan {
    private final SweepSpec spec;
    private final Task<?, ?> task;
    private final List<Cell> cells;
    private final List<Map<String, Object>> resolved;

    private SweepPlan(SweepSpec spec, Task<?, ?> task, List<Cell> cells, List<Map<String, Object>> resolved) {
        this.spec = spec;
        this.task = task;
        this.cells = List.copyOf(cells);
        this.resolved = List.copyOf(resolved);
    }

    /** Expands {@code spec} over the tasks of this build ({@link Tasks#named}). */
    public static SweepPlan of(SweepSpec spec) {
        return of(spec, Tasks::named);
    }

    /**
     * Expands {@code spec} into cells of the task that {@code tasks} finds for its command;
     * throws a one-line error for an unknown command or key, or a value of the wrong type.
     */
    public static SweepPlan of(SweepSpec spec, Function<String, Task<?, ?>> tasks) {
        Task<?, ?> task;
        try {
            task = tasks.apply(spec.command());
        } catch (UserInputException e) {
            throw new UserInputException("sweep spec: " + e.getMessage(), e);
        }
        List<String> keys = Specs.keys(task.specType());
        if (spec.etaC() != null) checkEtaC(spec, task, keys);
        for (String key : spec.base().keySet()) if (!ratioOfEtaC(spec, key)) requireKey(task, keys, key);
        for (String key : spec.axes().keySet()) if (!ratioOfEtaC(spec, key)) requireKey(task, keys, key);
        if (!spec.seeds().isEmpty()) requireKey(task, keys, "seed");

        if (spec.cellCount() > SweepSpec.MAX_CELLS) {
            throw new UserInputException("sweep spec: the sweep has " + spec.cellCount() + " cells, more than the limit of "
                    + SweepSpec.MAX_CELLS + "; split it into several sweeps");
        }
        List<Cell> cells = cross(spec);
        List<Map<String, Object>> resolved = new ArrayList<>(cells.size());
        for (Cell c : cells) resolved.add(resolve(task.specType(), c));
        return new SweepPlan(spec, task, cells, resolved);
    }

    private static void requireKey(Task<?, ?> task, List<String> keys, String key) {
        if (key.equals(SweepSpec.ETA_OVER_ETAC) && !keys.contains(key) && keys.contains("eta")) {
            throw new UserInputException("sweep spec: '" + key + "' is not a flag of '" + task.name() + "'; to sweep η/η_c "
                    + "of a network give its η_c as 'eta-c: VALUE' (or the directory of a critical-eta run) next to 'command'");
        }
        if (!keys.contains(key)) {
            throw new UserInputException("sweep spec: '" + key + "' is not a flag of '" + task.name()
                    + "' (see 'sharpscope " + task.name() + " --help')");
        }
    }

    /** Whether {@code key} is the η/η_c ratio that {@code eta-c} turns into each cell's η. */
    private static boolean ratioOfEtaC(SweepSpec spec, String key) {
        return spec.etaC() != null && key.equals(SweepSpec.ETA_OVER_ETAC);
    }

    /**
     * {@code eta-c} is for a task that takes η but not η/η_c (train), with η/η_c given (positive
     * numbers) and no other learning rate.
     */
    private static void checkEtaC(SweepSpec spec, Task<?, ?> task, List<String> keys) {
        if (keys.contains(SweepSpec.ETA_OVER_ETAC)) {
            throw new UserInputException("sweep spec: 'eta-c' is for network sweeps; '" + task.name()
                    + "' knows its η_c and takes eta-over-etac itself, so remove eta-c");
        }
        if (!keys.contains("eta")) {
            throw new UserInputException("sweep spec: 'eta-c' needs a command with an 'eta' flag (such as train), not '"
                    + task.name() + "'");
        }
        List<Object> ratios = spec.axes().containsKey(SweepSpec.ETA_OVER_ETAC) ? spec.axes().get(SweepSpec.ETA_OVER_ETAC)
                : spec.base().containsKey(SweepSpec.ETA_OVER_ETAC) ? List.of(spec.base().get(SweepSpec.ETA_OVER_ETAC)) : null;
        if (ratios == null) {
            throw new UserInputException("sweep spec: 'eta-c' is given but no 'eta-over-etac'; add the axis "
                    + "eta-over-etac (η/η_c of each cell), e.g. eta-over-etac: {from: 0.8, to: 2, points: 25}");
        }
        for (String rate : List.of("eta", "c")) {
            if (spec.base().containsKey(rate) || spec.axes().containsKey(rate)) {
                throw new UserInputException("sweep spec: '" + rate + "' and eta-over-etac both set the learning rate; "
                        + "keep eta-over-etac (with eta-c) alone");
            }
        }
        for (Object r : ratios) {
            if (!(r instanceof Number n) || !(n.doubleValue() > 0) || !Double.isFinite(n.doubleValue())) {
                throw new UserInputException("sweep spec: eta-over-etac values must be positive numbers, got '" + r + "'");
            }
        }
    }

    private static List<Cell> cross(SweepSpec spec) {
        // Dimensions of the cross product: a zip group is one dimension, every other axis one.
        List<List<String>> dims = new ArrayList<>();
        for (String axis : spec.axes().keySet()) {
            List<String> group = spec.zip().stream().filter(g -> g.contains(axis)).findFirst().orElse(null);
            List<String> dim = group == null ? List.of(axis) : group;
            if (!dims.contains(dim)) dims.add(dim);
        }
        List<Long> seeds = spec.seeds().isEmpty() ? Collections.singletonList(null) : spec.seeds();
        // SweepSpec.parse has refused more than MAX_CELLS cells, so this fits an int.
        int total = Math.toIntExact(spec.cellCount());
        int width = Math.max(4, String.valueOf(total - 1).length());

        List<Cell> cells = new ArrayList<>(total);
        int[] pos = new int[dims.size()];
        for (int n = 0; n < total / seeds.size(); n++) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String axis : spec.axes().keySet()) {
                for (int k = 0; k < dims.size(); k++) {
                    if (dims.get(k).contains(axis)) values.put(axis, spec.axes().get(axis).get(pos[k]));
                }
            }
            for (Long seed : seeds) {
                Map<String, Object> settings = new LinkedHashMap<>(spec.base());
                settings.putAll(values);
                if (seed != null) settings.put("seed", seed);
                if (spec.etaC() != null) {
                    // η/η_c stays the cell's axis value; its task gets η itself.
                    settings.put("eta", ((Number) settings.remove(SweepSpec.ETA_OVER_ETAC)).doubleValue() * spec.etaC());
                }
                int index = cells.size();
                cells.add(new Cell(index, String.format("cell-%0" + width + "d", index), values, seed, settings));
            }
            for (int k = dims.size() - 1; k >= 0; k--) {
                if (++pos[k] < spec.axes().get(dims.get(k).get(0)).size()) break;
                pos[k] = 0;
            }
        }
        return cells;
    }

    /**
     * The cell's spec as resolved settings ({@link Specs#toMap}), or its settings as written when
     * the spec's validation refuses them. A {@code threads} value the cell does not set is left
     * out: the runner picks it, and it does not make a different sweep.
     */
    private static Map<String, Object> resolve(Class<? extends Record> type, Cell cell) {
        Map<String, Object> m;
        try {
            m = Specs.toMap(cell.bind(type, 0));
        } catch (UserInputException e) {
            if (Cell.refusal(e) == null) throw e;
            return cell.settings();
        }
        if (!cell.settings().containsKey(Cell.THREADS)) m.remove(Cell.THREADS);
        return m;
    }

    public SweepSpec spec() {
        return spec;
    }

    /** The task every cell runs. */
    public Task<?, ?> task() {
        return task;
    }

    public List<Cell> cells() {
        return cells;
    }

    /** Axis names in the spec's order (the leading columns of results.csv). */
    public List<String> axisNames() {
        return new ArrayList<>(spec.axes().keySet());
    }

    /** Total optimisation steps over all cells, from the {@code steps} setting; -1 when no cell sets it. */
    public long totalSteps() {
        long sum = 0;
        boolean any = false;
        for (Cell c : cells) {
            if (c.settings().get("steps") instanceof Number n) {
                sum += n.longValue();
                any = true;
            }
        }
        return any ? sum : -1;
    }

    /** SHA-256 of the task name and every cell's resolved spec: a resumed sweep must have the same one. */
    public String fingerprint() {
        MessageDigest md = sha256();
        md.update(task.name().getBytes(StandardCharsets.UTF_8));
        for (Map<String, Object> m : resolved) {
            md.update((byte) '\n');
            List<String> entries = new ArrayList<>();
            m.forEach((k, v) -> entries.add(k + "=" + v));
            md.update(String.join("\u0000", entries).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * True when {@code fingerprint} (from a sweep's index) is this plan's, or the one that sweeps
     * written before typed specs stored for it (a hash of each cell's flags).
     */
    public boolean matches(String fingerprint) {
        return fingerprint.equals(fingerprint()) || fingerprint.equals(flagsFingerprint());
    }

    private String flagsFingerprint() {
        MessageDigest md = sha256();
        md.update(task.name().getBytes(StandardCharsets.UTF_8));
        for (Cell c : cells) {
            md.update((byte) '\n');
            md.update(String.join("\u0000", c.flags()).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
