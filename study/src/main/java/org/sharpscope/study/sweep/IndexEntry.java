package org.sharpscope.study.sweep;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** One line of a sweep's index: a cell, where it lives, and its status ({@code pending|finished|failed}). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IndexEntry(String id, String dir, Map<String, Object> axes, Long seed, String status,
                         @JsonProperty("exit_code") Integer exitCode, String error, Double seconds) {
    static IndexEntry pending(Cell c) {
        return new IndexEntry(c.id(), SweepDirectory.CELLS + "/" + c.id(), c.axes(), c.seed(), CellOutcome.PENDING, null, null, null);
    }

    IndexEntry with(CellOutcome o) {
        return new IndexEntry(id, dir, axes, seed, o.status(), o.exitCode(), o.error(), o.seconds());
    }

    @JsonIgnore
    public boolean isPending() {
        return CellOutcome.PENDING.equals(status);
    }
}
