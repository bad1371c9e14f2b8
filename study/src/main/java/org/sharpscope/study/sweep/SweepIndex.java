package org.sharpscope.study.sweep;

import java.util.List;

/**
 * The sweep's index file ({@code index.json}): the command, the plan's fingerprint, the axis
 * names and every cell with its status. Rewritten atomically after each cell.
 */
public record SweepIndex(int format, String command, String fingerprint, List<String> axes, List<IndexEntry> cells) {
    public static final int FORMAT = 1;

    public SweepIndex {
        axes = List.copyOf(axes);
        cells = List.copyOf(cells);
    }

    public long count(String status) {
        return cells.stream().filter(e -> status.equals(e.status())).count();
    }
}
