package org.sharpscope.spectral;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The eigendecomposition of a small dense symmetric matrix (a projected or tridiagonal problem),
 * by EJML: eigenvalues ascending, {@code vectors[i]} the unit eigenvector of {@code values[i]}.
 */
record SmallSymmetricEigen(double[] values, double[][] vectors) {
    /** Decomposes the leading m×m block of the symmetric {@code h}. */
    static SmallSymmetricEigen of(double[][] h, int m) {
        DMatrixRMaj a = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) a.set(i, j, 0.5 * (h[i][j] + h[j][i]));
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, true, true);
        if (!eig.decompose(a)) throw new ArithmeticException("symmetric eigendecomposition failed (non-finite entries?)");
        Integer[] order = new Integer[m];
        double[] val = new double[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
            val[i] = eig.getEigenvalue(i).getReal();
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(val[p], val[q]));
        double[] values = new double[m];
        double[][] vectors = new double[m][];
        for (int i = 0; i < m; i++) {
            values[i] = val[order[i]];
            DMatrixRMaj v = eig.getEigenVector(order[i]);
            double[] y = new double[m];
            double nrm = 0;
            for (int r = 0; r < m; r++) {
                y[r] = v.get(r, 0);
                nrm += y[r] * y[r];
            }
            nrm = Math.sqrt(nrm);
            for (int r = 0; r < m; r++) y[r] /= nrm;
            vectors[i] = y;
        }
        return new SmallSymmetricEigen(values, vectors);
    }

    /** Index into {@link #values()} of the i-th wanted value (i = 0 is the extreme one). */
    int wanted(int i, SolverOptions.Which which) {
        return which == SolverOptions.Which.TOP ? values.length - 1 - i : i;
    }
}
