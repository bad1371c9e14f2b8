package org.sharpscope.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LobpcgTest {
    private final Lobpcg lobpcg = new Lobpcg();

    @Test
    void wellSeparatedTopFive() {
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(200, new double[] {10, 8, 6.5, 5.2, 4.4}, -1, 3, 1), 2);
        double[] want = Arrays.copyOf(TestMatrices.eigenvaluesDescending(a), 5);
        CountingOperator op = new CountingOperator(new DenseMatrixOperator(a));
        EigenResult r = lobpcg.solve(op, 5);
        assertThat(TestMatrices.maxRelativeError(r.values(), want)).isLessThanOrEqualTo(1e-8);
        assertThat(r.products()).isEqualTo(op.products());
        assertTrueResiduals(a, r);
    }

    @Test
    void repeatedAndClusteredTop() {
        double[] s = TestMatrices.spectrum(150, new double[] {6, 6, 6, 5.999, 5.998, 4}, -1, 3, 11);
        DMatrixRMaj a = TestMatrices.withSpectrum(s, 12);
        double[] want = Arrays.copyOf(TestMatrices.eigenvaluesDescending(a), 5);
        EigenResult r = lobpcg.solve(new DenseMatrixOperator(a), 5);
        assertThat(TestMatrices.maxRelativeError(r.values(), want)).isLessThanOrEqualTo(1e-8);
    }

    @Test
    void topAlgebraicWithLargeNegativeEigenvalues() {
        double[] s = TestMatrices.spectrum(150, new double[] {2.0, 1.7, -50, -40}, -1, 1, 5);
        DMatrixRMaj a = TestMatrices.withSpectrum(s, 6);
        double[] want = Arrays.copyOf(TestMatrices.eigenvaluesDescending(a), 2);
        EigenResult r = lobpcg.solve(new DenseMatrixOperator(a), 2);
        assertThat(TestMatrices.maxRelativeError(r.values(), want)).isLessThanOrEqualTo(1e-8);
    }

    @Test
    void bottomK() {
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(120, new double[] {-7, -6, -5.5, 9}, -3, 4, 7), 8);
        double[] desc = TestMatrices.eigenvaluesDescending(a);
        double[] want = {desc[119], desc[118], desc[117]};
        EigenResult r = lobpcg.solve(new DenseMatrixOperator(a), 3, SolverOptions.defaults().withWhich(SolverOptions.Which.BOTTOM));
        assertThat(TestMatrices.maxRelativeError(r.values(), want)).isLessThanOrEqualTo(1e-8);
    }

    @Test
    void tinyMatricesAndKEqualsN() {
        EigenResult r1 = lobpcg.solve(new DenseMatrixOperator(DMatrixRMaj.wrap(1, 1, new double[] {4})), 1);
        assertThat(r1.values()[0]).isEqualTo(4.0, Offset.offset(1e-14));
        EigenResult r2 = lobpcg.solve(new DenseMatrixOperator(DMatrixRMaj.wrap(2, 2, new double[] {2, 1, 1, 2})), 2);
        assertThat(r2.values()).containsExactly(new double[] {3, 1}, Offset.offset(1e-13));
        EigenResult t1 = lobpcg.solve(new DenseMatrixOperator(DMatrixRMaj.wrap(2, 2, new double[] {-5, 0, 0, 1})), 1);
        assertThat(t1.values()[0]).isEqualTo(1.0, Offset.offset(1e-13));
    }

    @Test
    void warmStartFromExactVectorsCostsOneBlock() {
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(100, new double[] {5, 4}, -1, 3, 21), 22);
        EigenResult cold = new Lanczos().solve(new DenseMatrixOperator(a), 2, SolverOptions.defaults().withTol(1e-12));
        EigenResult warm = lobpcg.solve(new DenseMatrixOperator(a), 2, SolverOptions.defaults().withWarmStart(cold.warmStart()));
        assertThat(warm.products() - warm.checkProducts()).isEqualTo(2);
        assertThat(warm.checkProducts()).as("the check, from the vector it carried over").isEqualTo(1);
        assertThat(warm.multiplicityChecked()).containsOnly(true);
        assertThat(warm.values()).containsExactly(cold.values(), Offset.offset(1e-10));
    }

    /**
     * Tracking: along A_t = A_0 + t·E (slowly varying), warm-started LOBPCG reaches 1e-6 relative
     * accuracy on the top eigenvalue with at most a third of the products cold Lanczos needs. For
     * each method the products are the fewest over a sweep of tolerances that reach 1e-6; both
     * include the multiplicity check (warm: started from the vector carried in warmStart()).
     */
    @Test
    void warmLobpcgTracksWithAThirdOfColdLanczosProducts() {
        int n = 300;
        DMatrixRMaj a0 = TestMatrices.withSpectrum(TestMatrices.spectrum(n, new double[] {10, 9.2, 8.8}, -2, 8, 31), 32);
        DMatrixRMaj e = TestMatrices.withSpectrum(TestMatrices.spectrum(n, new double[0], -1, 1, 33), 34);
        double[][] prev = new Lanczos().solve(new DenseMatrixOperator(a0), 1, SolverOptions.defaults().withTol(1e-10)).warmStart();
        long warmTotal = 0;
        long coldTotal = 0;
        for (int t = 1; t <= 5; t++) {
            DMatrixRMaj at = a0.copy();
            for (int i = 0; i < n * n; i++) at.data[i] += 0.01 * t * e.data[i];
            double want = TestMatrices.eigenvaluesDescending(at)[0];
            DenseMatrixOperator op = new DenseMatrixOperator(at);
            long cold = Long.MAX_VALUE;
            long warm = Long.MAX_VALUE;
            double[][] next = null;
            for (double tol : new double[] {1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5, 1e-6, 1e-7, 1e-8}) {
                EigenResult c = new Lanczos().solve(op, 1, SolverOptions.defaults().withTol(tol));
                if (Math.abs(c.values()[0] - want) <= 1e-6 * Math.abs(want)) cold = Math.min(cold, c.products());
                EigenResult w = lobpcg.solve(op, 1, SolverOptions.defaults().withTol(tol).withWarmStart(prev));
                if (Math.abs(w.values()[0] - want) <= 1e-6 * Math.abs(want) && w.products() < warm) {
                    warm = w.products();
                    next = w.warmStart();
                }
            }
            assertThat(cold).isLessThan(Long.MAX_VALUE);
            assertThat(warm).isLessThan(Long.MAX_VALUE);
            warmTotal += warm;
            coldTotal += cold;
            prev = next;
        }
        assertThat(3 * warmTotal).as("warm %d vs cold %d", warmTotal, coldTotal).isLessThanOrEqualTo(coldTotal);
    }

    @Test
    void tenPairsFromADenseUniformSpectrum() {
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(250, new double[0], -5, 5, 35), 36);
        double[] want = Arrays.copyOf(TestMatrices.eigenvaluesDescending(a), 10);
        EigenResult r = lobpcg.solve(new DenseMatrixOperator(a), 10);
        assertThat(TestMatrices.maxRelativeError(r.values(), want)).isLessThanOrEqualTo(1e-8);
        assertTrueResiduals(a, r);
    }

    @Test
    void residualDirectionsReachTheOperatorAsBlocks() {
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(80, new double[] {5, 4, 3}, -1, 2, 37), 38);
        DenseMatrixOperator dense = new DenseMatrixOperator(a);
        int[] blocks = {0};
        LinearOperator op = new LinearOperator() {
            public int dimension() { return 80; }
            public void apply(double[] x, double[] y) { throw new AssertionError("LOBPCG should only use applyBlock"); }
            public void applyBlock(double[][] xs, double[][] ys) {
                blocks[0]++;
                for (int j = 0; j < xs.length; j++) dense.apply(xs[j], ys[j]);
            }
        };
        EigenResult r = lobpcg.solve(op, 3);
        assertThat(blocks[0]).isGreaterThan(1).isLessThan((int) r.products());
    }

    @Test
    void rankDeficientWarmStartIsPaddedWithRandomDirections() {
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(90, new double[] {6, 5, 4}, -1, 2, 39), 40);
        double[] want = Arrays.copyOf(TestMatrices.eigenvaluesDescending(a), 3);
        double[] v = new double[90];
        v[0] = 1;
        double[][] same = {v, v.clone(), v.clone()};
        EigenResult r = lobpcg.solve(new DenseMatrixOperator(a), 3, SolverOptions.defaults().withWarmStart(same));
        assertThat(TestMatrices.maxRelativeError(r.values(), want)).isLessThanOrEqualTo(1e-8);
    }

    static void assertTrueResiduals(DMatrixRMaj a, EigenResult r) {
        DenseMatrixOperator op = new DenseMatrixOperator(a);
        double[] av = new double[a.numRows];
        for (int i = 0; i < r.values().length; i++) {
            op.apply(r.vectors()[i], av);
            Vectors.axpy(-r.values()[i], r.vectors()[i], av);
            assertThat(Vectors.norm(av)).isCloseTo(r.residuals()[i], Offset.offset(1e-10));
        }
    }
}
