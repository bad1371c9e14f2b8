package org.sharpscope.spectral;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;

/** Random symmetric matrices with a chosen spectrum, and dense reference eigenvalues (EJML). */
final class TestMatrices {
    private TestMatrices() {}

    /** Q·diag(spectrum)·Qᵀ with Q a random orthogonal matrix from the QR of a Gaussian matrix. */
    static DMatrixRMaj withSpectrum(double[] spectrum, long seed) {
        int n = spectrum.length;
        Random rnd = new Random(seed);
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) g.data[i] = rnd.nextGaussian();
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        qr.decompose(g);
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj qd = q.copy();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) qd.set(i, j, q.get(i, j) * spectrum[j]);
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(qd, q, a);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (a.get(i, j) + a.get(j, i));
                a.set(i, j, s);
                a.set(j, i, s);
            }
        }
        return a;
    }

    /** All eigenvalues of the symmetric matrix, descending, by EJML's dense decomposition. */
    static double[] eigenvaluesDescending(DMatrixRMaj a) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(a.numRows, false, true);
        if (!eig.decompose(a.copy())) throw new AssertionError("EJML eig failed");
        double[] v = new double[a.numRows];
        for (int i = 0; i < v.length; i++) v[i] = eig.getEigenvalue(i).getReal();
        Arrays.sort(v);
        for (int i = 0; i < v.length / 2; i++) {
            double t = v[i];
            v[i] = v[v.length - 1 - i];
            v[v.length - 1 - i] = t;
        }
        return v;
    }

    /** A geometric-ish spectrum: top values given, the rest uniform in [lo, hi]. */
    static double[] spectrum(int n, double[] top, double lo, double hi, long seed) {
        Random rnd = new Random(seed);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = i < top.length ? top[i] : lo + (hi - lo) * rnd.nextDouble();
        return s;
    }

    static double maxRelativeError(double[] got, double[] want) {
        double worst = 0;
        for (int i = 0; i < got.length; i++) {
            worst = Math.max(worst, Math.abs(got[i] - want[i]) / Math.max(Math.abs(want[i]), 1e-300));
        }
        return worst;
    }
}
