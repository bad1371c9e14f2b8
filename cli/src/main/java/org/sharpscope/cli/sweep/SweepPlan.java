package org.sharpscope.cli.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of a sweep, in a fixed order: axes (and zip groups) crossed in the order written,
 * the first axis outermost, seeds innermost. Every flag is checked against the command before
 * anything runs.
 */
public final class SweepPlan {
    private final SweepSpec spec;
    private final CellCommand command;
    private final List<Cell> cells;

    private SweepPlan(SweepSpec spec, CellCommand command, List<Cell> cells) {
        this.spec = spec;
        this.command = command;
        this.cells = List.copyOf(cells);
    }

    /** Expands {@code spec} into cells; throws a one-line error for an unknown command or flag. */
    public static SweepPlan of(SweepSpec spec) {
        CellCommand command = CellCommand.of(spec.command());
        // Dimensions of the cross product: a zip group is one dimension, every other axis one.
        List<List<String>> dims = new ArrayList<>();
        for (String axis : spec.axes().keySet()) {
            List<String> group = spec.zip().stream().filter(g -> g.contains(axis)).findFirst().orElse(null);
            List<String> dim = group == null ? List.of(axis) : group;
            if (!dims.contains(dim)) dims.add(dim);
        }
        List<Long> seeds = spec.seeds().isEmpty() ? java.util.Collections.singletonList(null) : spec.seeds();
        int total = seeds.size();
        for (List<String> d : dims) total = Math.multiplyExact(total, spec.axes().get(d.get(0)).size());
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
                List<String> flags = new ArrayList<>();
                spec.base().forEach((f, v) -> command.appendFlag(flags, f, v));
                values.forEach((f, v) -> command.appendFlag(flags, f, v));
                if (seed != null) command.appendFlag(flags, "seed", seed);
                int index = cells.size();
                cells.add(new Cell(index, String.format("cell-%0" + width + "d", index), values, seed, flags));
            }
            for (int k = dims.size() - 1; k >= 0; k--) {
                if (++pos[k] < spec.axes().get(dims.get(k).get(0)).size()) break;
                pos[k] = 0;
            }
        }
        return new SweepPlan(spec, command, cells);
    }

    public SweepSpec spec() {
        return spec;
    }

    public CellCommand command() {
        return command;
    }

    public List<Cell> cells() {
        return cells;
    }

    /** Axis names in the spec's order (the leading columns of results.csv). */
    public List<String> axisNames() {
        return new ArrayList<>(spec.axes().keySet());
    }

    /** Total optimisation steps over all cells, from the {@code steps} flag; -1 when no cell sets it. */
    public long totalSteps() {
        long sum = 0;
        boolean any = false;
        for (Cell c : cells) {
            Object s = c.axes().containsKey("steps") ? c.axes().get("steps") : spec.base().get("steps");
            if (s instanceof Number n) {
                sum += n.longValue();
                any = true;
            }
        }
        return any ? sum : -1;
    }

    /** SHA-256 of the command and every cell's flags: a resumed sweep must have the same one. */
    public String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(command.name().getBytes(StandardCharsets.UTF_8));
            for (Cell c : cells) {
                md.update((byte) '\n');
                md.update(String.join("\u0000", c.flags()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
