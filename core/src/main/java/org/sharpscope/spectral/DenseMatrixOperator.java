package org.sharpscope.spectral;

import org.ejml.data.DMatrixRMaj;

/** A symmetric matrix held densely (row-major), as an operator; for tests and small problems. */
public final class DenseMatrixOperator implements LinearOperator {
    private final int n;
    private final double[] a;

    /** Wraps a copy of the square matrix {@code m}; symmetry is not checked (see {@link #isSymmetric}). */
    public DenseMatrixOperator(DMatrixRMaj m) {
        if (m.numRows != m.numCols) {
            throw new IllegalArgumentException("matrix must be square, got " + m.numRows + "x" + m.numCols);
        }
        this.n = m.numRows;
        this.a = java.util.Arrays.copyOf(m.data, n * n);
    }

    /** A copy of the matrix as an EJML matrix. */
    public DMatrixRMaj matrix() {
        return DMatrixRMaj.wrap(n, n, a.clone());
    }

    /** True when |a_ij − a_ji| ≤ relTol · max|a| for all i, j. */
    public boolean isSymmetric(double relTol) {
        double max = 0;
        for (double v : a) max = Math.max(max, Math.abs(v));
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(a[i * n + j] - a[j * n + i]) > relTol * max) return false;
            }
        }
        return true;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public void apply(double[] x, double[] y) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) s += a[row + j] * x[j];
            y[i] = s;
        }
    }
}
