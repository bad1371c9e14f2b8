package org.sharpscope.regime;

/**
 * When a training run counts as diverged: its loss is NaN or infinite, or exceeds
 * {@link #LOSS_BOUND_FACTOR} times a reference loss (the initial loss, or any scale the caller
 * knows). A diverged run is a result (late state {@code diverged}), never an exception.
 */
public final class Divergence {
    /**
     * Why 1e20: in the UV model a catapult spike peaks at a loss of order L₀/(η²κL₀), about the
     * width n for NTP, so trainable spikes stay far below 1e20·L₀ for any width that fits in
     * memory, while an escaping orbit grows cubically (X → X³) and passes 1e20 within a few steps
     * of leaving the basin, before double overflow. Real networks in float32 overflow near 1e38.
     */
    public static final double LOSS_BOUND_FACTOR = 1e20;

    private Divergence() {}

    /** The loss above which a run counts as diverged, for the given reference (initial) loss. */
    public static double lossBound(double referenceLoss) {
        return LOSS_BOUND_FACTOR * Math.max(Math.abs(referenceLoss), Double.MIN_NORMAL);
    }

    /** True when {@code loss} is not finite or exceeds {@link #lossBound}(referenceLoss). */
    public static boolean isDiverged(double loss, double referenceLoss) {
        return !Double.isFinite(loss) || loss > lossBound(referenceLoss);
    }
}
