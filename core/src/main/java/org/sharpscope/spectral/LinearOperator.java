package org.sharpscope.spectral;

/**
 * A symmetric linear operator known only through its products A·x (for a network: the loss
 * Hessian through Hessian-vector products). Symmetry is part of the contract; solvers do not
 * check it.
 */
public interface LinearOperator {
    /** The dimension n of the square operator. */
    int dimension();

    /** Writes A·x into {@code y}; both have length {@link #dimension()}; x is not modified. */
    void apply(double[] x, double[] y);

    /**
     * Writes A·xs[j] into ys[j] for every j. Engines that can batch products override this; the
     * default applies them one by one. Counts as {@code xs.length} products.
     */
    default void applyBlock(double[][] xs, double[][] ys) {
        for (int j = 0; j < xs.length; j++) apply(xs[j], ys[j]);
    }
}
