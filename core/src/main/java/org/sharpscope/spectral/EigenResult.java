package org.sharpscope.spectral;

/**
 * Eigenpairs found by a solver: {@code values[i]} with unit eigenvector {@code vectors[i]} (null
 * when not requested), residual norms ‖A v − λ v‖, and the number of operator products used.
 * Values are sorted in the order the solver was asked for (descending for top-k, ascending for
 * bottom-k).
 */
public record EigenResult(double[] values, double[][] vectors, double[] residuals, long products) {}
