package org.sharpscope.regime;

/** How sharpness moves early in training (docs/theory.md §5–§6). JSON values are the lower-case names. */
public enum EarlyTrend {
    SHARPNESS_REDUCTION, PROGRESSIVE_SHARPENING, FLAT;

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
