package org.sharpscope.study.sweep;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;

/**
 * How one cell ended: {@code finished} (exit code 0 and a summary.json) or {@code failed} with
 * the task's error line (see {@link CellExecutor}).
 */
public record CellOutcome(String status, @JsonProperty("exit_code") int exitCode, String error, double seconds)
        implements Serializable {
    public static final String FINISHED = "finished";
    public static final String FAILED = "failed";
    public static final String PENDING = "pending";

    public boolean finished() {
        return FINISHED.equals(status);
    }
}
