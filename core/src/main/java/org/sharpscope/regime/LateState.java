package org.sharpscope.regime;

/** Where a trajectory ends up (docs/theory.md §6–§7). JSON values are the lower-case names. */
public enum LateState {
    CONVERGED, EOS, CHAOTIC, DIVERGED;

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
