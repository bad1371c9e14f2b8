package org.sharpscope.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LanczosTest {
    private final Lanczos lanczos = new Lanczos();

    private static double[] bottom(double[] desc, int k) {
        double[] b = new double[k];
        for (int i = 0; i < k; i++) b[i] = desc[desc.length - 1 - i];
        return b;
    }

    @Test
    void wellSeparatedTopFiveMatchDenseEigenvalues() {
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(200, new double[] {10, 8, 6.5, 5.2, 4.4}, -1, 3, 1), 2);
        double[] want = Arrays.copyOf(TestMatrices.eigenvaluesDescending(a), 5);
        CountingOperator op = new CountingOperator(new DenseMatrixOperator(a));
        EigenResult r = lanczos.solve(op, 5);
        assertThat(TestMatrices.maxRelativeError(r.values(), want)).isLessThanOrEqualTo(1e-8);
        assertThat(r.products()).isEqualTo(op.products());
        for (int i = 0; i < 5; i++) assertThat(r.residuals()[i]).isLessThanOrEqualTo(1e-8 * 10 * 1.0001);
    }

    @Test
    void residualsAreTrueResidualsOfReturnedVectors() {
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(80, new double[] {5, 4, 3}, -2, 2, 3), 4);
        DenseMatrixOperator op = new DenseMatrixOperator(a);
        EigenResult r = lanczos.solve(op, 3, SolverOptions.defaults().withTol(1e-4));
        double[] av = new double[80];
        for (int i = 0; i < 3; i++) {
            op.apply(r.vectors()[i], av);
            Vectors.axpy(-r.values()[i], r.vectors()[i], av);
            assertThat(Vectors.norm(av)).isCloseTo(r.residuals()[i], org.assertj.core.data.Offset.offset(1e-12));
            assertThat(Vectors.norm(r.vectors()[i])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    /**
     * Each step's residual, which the run takes from the Lanczos relation (β·|y_m|) rather than by
     * forming A·x − θ·x, against the true residual of the top Ritz pair of an independently built
     * Krylov basis (dense Gram–Schmidt, EJML eigenvectors of QᵀAQ), steps 1 … 25, tol 1e-10·‖A‖.
     */
    @Test
    void stepResidualsFromTheLanczosRelationAreTrueResiduals() {
        int n = 120;
        int steps = 25;
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(n, new double[] {6, 5.5, 5}, -2, 3, 11), 12);
        DenseMatrixOperator op = new DenseMatrixOperator(a);
        double[] b = Vectors.gaussian(n, new java.util.Random(3));
        java.util.List<Double> seen = new java.util.ArrayList<>();
        Lanczos.run(op, 1, SolverOptions.Which.TOP, 1e-15, 1, 0, null, 0, java.util.List.of(b.clone()),
                new java.util.Random(1), steps, 0, (ritz, m, restarted, residual, logBeta) -> {
                    seen.add(residual);
                    return false;
                });
        assertThat(seen).hasSize(steps);

        double[][] q = new double[steps][];
        double[] x = b.clone();
        double[] ax = new double[n];
        for (int m = 1; m <= steps; m++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < m - 1; j++) Vectors.axpy(-Vectors.dot(q[j], x), q[j], x);
            }
            Vectors.scale(1 / Vectors.norm(x), x);
            q[m - 1] = x;
            DMatrixRMaj t = new DMatrixRMaj(m, m);
            double[][] aq = new double[m][n];
            for (int j = 0; j < m; j++) op.apply(q[j], aq[j]);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) t.set(i, j, 0.5 * (Vectors.dot(q[i], aq[j]) + Vectors.dot(q[j], aq[i])));
            }
            var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(m, true, true);
            assertThat(eig.decompose(t)).isTrue();
            int top = 0;
            for (int i = 1; i < m; i++) if (eig.getEigenvalue(i).real > eig.getEigenvalue(top).real) top = i;
            double theta = eig.getEigenvalue(top).real;
            DMatrixRMaj y = eig.getEigenVector(top);
            double[] r = new double[n];
            for (int j = 0; j < m; j++) {
                double c = y.get(j) / org.ejml.dense.row.NormOps_DDRM.normF(y);
                Vectors.axpy(c, aq[j], r);
                Vectors.axpy(-c * theta, q[j], r);
            }
            assertThat(seen.get(m - 1)).as("step %d", m).isCloseTo(Vectors.norm(r), org.assertj.core.data.Offset.offset(1e-10 * 6));
            x = aq[m - 1].clone();
        }
    }

    @Test
    void topAlgebraicIsFoundDespiteLargeNegativeEigenvalues() {
        double[] s = TestMatrices.spectrum(150, new double[] {2.0, 1.7, -50, -40}, -1, 1, 5);
        DMatrixRMaj a = TestMatrices.withSpectrum(s, 6);
        double[] want = Arrays.copyOf(TestMatrices.eigenvaluesDescending(a), 2);
        EigenResult r = lanczos.solve(new DenseMatrixOperator(a), 2);
        assertThat(want[0]).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(TestMatrices.maxRelativeError(r.values(), want)).isLessThanOrEqualTo(1e-8);
    }

    @Test
    void bottomKAscending() {
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(120, new double[] {-7, -6, -5.5, 9}, -3, 4, 7), 8);
        double[] want = bottom(TestMatrices.eigenvaluesDescending(a), 3);
        EigenResult r = lanczos.solve(new DenseMatrixOperator(a), 3, SolverOptions.defaults().withWhich(SolverOptions.Which.BOTTOM));
        assertThat(TestMatrices.maxRelativeError(r.values(), want)).isLessThanOrEqualTo(1e-8);
    }

    @Test
    void clusteredTopWithSmallBasisNeedsRestarts() {
        double[] s = TestMatrices.spectrum(300, new double[] {10, 9.99, 9.98, 9.97, 9.5, 9.4}, -2, 9, 9);
        DMatrixRMaj a = TestMatrices.withSpectrum(s, 10);
        double[] want = Arrays.copyOf(TestMatrices.eigenvaluesDescending(a), 4);
        EigenResult r = lanczos.solve(new DenseMatrixOperator(a), 4, SolverOptions.defaults().withMaxBasis(12));
        assertThat(TestMatrices.maxRelativeError(r.values(), want)).isLessThanOrEqualTo(1e-8);
        assertThat(r.products()).isGreaterThan(12);
    }

    @Test
    void repeatedTopEigenvalueAtBlockSizeOneAndAtItsMultiplicity() {
        double[] s = TestMatrices.spectrum(100, new double[] {6, 6, 6, 4}, -1, 3, 11);
        DMatrixRMaj a = TestMatrices.withSpectrum(s, 12);
        double[] want = Arrays.copyOf(TestMatrices.eigenvaluesDescending(a), 4);
        EigenResult top1 = lanczos.solve(new DenseMatrixOperator(a), 1);
        assertThat(TestMatrices.maxRelativeError(top1.values(), Arrays.copyOf(want, 1))).isLessThanOrEqualTo(1e-8);
        assertThat(top1.multiplicity()).containsExactly(3);
        for (int b : new int[] {1, 3}) {
            EigenResult r = lanczos.solve(new DenseMatrixOperator(a), 4, SolverOptions.defaults().withBlockSize(b));
            assertThat(TestMatrices.maxRelativeError(r.values(), want)).as("block %d", b).isLessThanOrEqualTo(1e-8);
            assertThat(r.multiplicity()).as("block %d", b).containsExactly(3, 3, 3, 1);
        }
    }

    @Test
    void tinyMatrices() {
        DMatrixRMaj one = DMatrixRMaj.wrap(1, 1, new double[] {-3.5});
        EigenResult r1 = lanczos.solve(new DenseMatrixOperator(one), 1);
        assertThat(r1.values()[0]).isEqualTo(-3.5, org.assertj.core.data.Offset.offset(1e-15));
        DMatrixRMaj two = DMatrixRMaj.wrap(2, 2, new double[] {2, 1, 1, 2});
        EigenResult r2 = lanczos.solve(new DenseMatrixOperator(two), 2);
        assertThat(r2.values()[0]).isEqualTo(3.0, org.assertj.core.data.Offset.offset(1e-14));
        assertThat(r2.values()[1]).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-14));
        EigenResult b2 = lanczos.solve(new DenseMatrixOperator(two), 1, SolverOptions.defaults().withWhich(SolverOptions.Which.BOTTOM));
        assertThat(b2.values()[0]).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-14));
    }

    @Test
    void sameSeedSameResult() {
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(60, new double[] {3, 2}, -1, 1, 13), 14);
        EigenResult x = lanczos.solve(new DenseMatrixOperator(a), 2, SolverOptions.defaults().withSeed(7));
        EigenResult y = lanczos.solve(new DenseMatrixOperator(a), 2, SolverOptions.defaults().withSeed(7));
        assertThat(x.values()).containsExactly(y.values());
        assertThat(x.products()).isEqualTo(y.products());
    }

    @Test
    void manyEigenpairsThroughRepeatedThickRestarts() {
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(400, new double[0], -5, 5, 15), 16);
        double[] want = Arrays.copyOf(TestMatrices.eigenvaluesDescending(a), 20);
        EigenResult r = lanczos.solve(new DenseMatrixOperator(a), 20, SolverOptions.defaults().withMaxBasis(45));
        assertThat(TestMatrices.maxRelativeError(r.values(), want)).isLessThanOrEqualTo(1e-8);
        LobpcgTest.assertTrueResiduals(a, r);
    }

    @Test
    void budgetIsRespectedAndReportedWhenNotConverged() {
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(300, new double[] {10, 9.999}, -2, 9.9, 17), 18);
        CountingOperator op = new CountingOperator(new DenseMatrixOperator(a));
        EigenResult r = lanczos.solve(op, 2, SolverOptions.defaults().withMaxProducts(7));
        assertThat(r.products()).isEqualTo(7).isEqualTo(op.products());
        assertThat(r.residuals()[0]).isGreaterThan(1e-8 * 10);
    }

    /**
     * From the previous result's {@link EigenResult#warmStart()} (eigenvectors plus the check's
     * vector) the solve needs about k products and the multiplicity check one more.
     */
    @Test
    void warmStartFromExactEigenvectorsNeedsAboutKProducts() {
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(150, new double[] {9, 7, 5}, -1, 3, 19), 20);
        EigenResult exact = lanczos.solve(new DenseMatrixOperator(a), 3, SolverOptions.defaults().withTol(1e-13));
        EigenResult warm = lanczos.solve(new DenseMatrixOperator(a), 3, SolverOptions.defaults().withWarmStart(exact.warmStart()));
        assertThat(warm.products() - warm.checkProducts()).isLessThanOrEqualTo(4);
        assertThat(warm.checkProducts()).isEqualTo(1);
        assertThat(warm.multiplicityChecked()).containsOnly(true);
        assertThat(TestMatrices.maxRelativeError(warm.values(), exact.values())).isLessThanOrEqualTo(1e-10);
    }
}
