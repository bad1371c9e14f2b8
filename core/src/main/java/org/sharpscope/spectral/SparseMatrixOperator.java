package org.sharpscope.spectral;

/** A sparse symmetric matrix in compressed-row form (both triangles stored), as an operator. */
public final class SparseMatrixOperator implements LinearOperator {
    private final int n;
    private final int[] rowStart;
    private final int[] col;
    private final double[] val;

    /**
     * Builds the matrix from entries (row[e], column[e], value[e]), 0-based, with both triangles
     * present; duplicate positions are summed.
     */
    public SparseMatrixOperator(int n, int[] rows, int[] cols, double[] values) {
        this.n = n;
        int nnz = values.length;
        rowStart = new int[n + 1];
        for (int e = 0; e < nnz; e++) rowStart[rows[e] + 1]++;
        for (int i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
        col = new int[nnz];
        val = new double[nnz];
        int[] fill = java.util.Arrays.copyOf(rowStart, n);
        for (int e = 0; e < nnz; e++) {
            int at = fill[rows[e]]++;
            col[at] = cols[e];
            val[at] = values[e];
        }
    }

    /** Number of stored entries (both triangles, duplicates counted separately). */
    public int storedEntries() {
        return val.length;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public void apply(double[] x, double[] y) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) s += val[e] * x[col[e]];
            y[i] = s;
        }
    }
}
