package org.sharpscope.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class TraceAndDensityTest {

    /** Ten eigenvalues of 100 on top of 190 in [0, 1]: low rank plus noise. */
    private static DMatrixRMaj lowRankPlusNoise() {
        double[] s = TestMatrices.spectrum(200, new double[] {100, 100, 100, 100, 100, 100, 100, 100, 100, 100}, 0, 1, 51);
        return TestMatrices.withSpectrum(s, 52);
    }

    @Test
    void hutchinsonIsUnbiasedWithinItsStandardError() {
        DMatrixRMaj a = lowRankPlusNoise();
        double exact = CommonOps_DDRM.trace(a);
        TraceEstimate t = Hutchinson.trace(new DenseMatrixOperator(a), 400, 1);
        assertThat(t.products()).isEqualTo(400);
        assertThat(Math.abs(t.value() - exact)).isLessThanOrEqualTo(4 * t.standardError());
    }

    @Test
    void hutchPlusPlusHasLowerVarianceThanHutchinsonAtEqualBudget() {
        DMatrixRMaj a = lowRankPlusNoise();
        double exact = CommonOps_DDRM.trace(a);
        CountingOperator op = new CountingOperator(new DenseMatrixOperator(a));
        int budget = 36;
        int runs = 150;
        double mseH = 0;
        double msePP = 0;
        for (int s = 0; s < runs; s++) {
            op.reset();
            TraceEstimate h = Hutchinson.trace(op, budget, 1000 + s);
            assertThat(op.products()).isEqualTo(budget);
            op.reset();
            TraceEstimate pp = HutchPlusPlus.trace(op, budget, 1000 + s);
            assertThat(op.products()).isEqualTo(pp.products()).isLessThanOrEqualTo(budget);
            mseH += (h.value() - exact) * (h.value() - exact) / runs;
            msePP += (pp.value() - exact) * (pp.value() - exact) / runs;
        }
        // The top-10 block is captured exactly by the sketch; only the [0,1] noise remains.
        assertThat(msePP * 20).as("Hutch++ MSE %.3g vs Hutchinson %.3g", msePP, mseH).isLessThan(mseH);
    }

    @Test
    void hutchPlusPlusIsExactForLowRank() {
        double[] s = new double[60];
        s[0] = 5;
        s[1] = -2;
        s[2] = 1;
        DMatrixRMaj a = TestMatrices.withSpectrum(s, 53);
        TraceEstimate t = HutchPlusPlus.trace(new DenseMatrixOperator(a), 30, 3);
        assertThat(t.value()).isCloseTo(4.0, Offset.offset(1e-10));
    }

    @Test
    void slqDensityIntegratesToOneAndItsMomentsMatchTheTrace() {
        DMatrixRMaj a = lowRankPlusNoise();
        int n = a.numRows;
        DenseMatrixOperator op = new DenseMatrixOperator(a);
        SpectralDensity d = SpectralDensity.estimate(op, 8, 30, 7);
        assertThat(d.products()).isEqualTo(8 * 30);
        double wsum = 0;
        for (double w : d.weights()) wsum += w;
        assertThat(wsum).isCloseTo(1.0, Offset.offset(1e-12));

        double sigma = d.defaultSigma();
        double[] grid = d.grid(4000, sigma);
        double[] phi = d.density(grid, sigma);
        double integral = 0;
        double mean = 0;
        for (int i = 1; i < grid.length; i++) {
            double dx = grid[i] - grid[i - 1];
            integral += 0.5 * dx * (phi[i] + phi[i - 1]);
            mean += 0.5 * dx * (grid[i] * phi[i] + grid[i - 1] * phi[i - 1]);
        }
        assertThat(integral).isCloseTo(1.0, Offset.offset(1e-6));
        // The first moment of the broadened density is the quadrature's: n·mean = trace estimate.
        assertThat(n * mean).isCloseTo(d.trace(), Offset.offset(1e-6 * Math.abs(d.trace())));
        // Same probes as Hutchinson (same seed): the trace estimates agree to rounding.
        TraceEstimate h = Hutchinson.trace(op, 8, 7);
        assertThat(d.trace()).isCloseTo(h.value(), Offset.offset(1e-9 * Math.abs(h.value())));
        // Second moment: n·Σ w θ² = mean ‖A z‖² = Hutchinson on A² with the same probes.
        LinearOperator a2 = new LinearOperator() {
            public int dimension() { return n; }
            public void apply(double[] x, double[] y) {
                double[] t = new double[n];
                op.apply(x, t);
                op.apply(t, y);
            }
        };
        TraceEstimate h2 = Hutchinson.trace(a2, 8, 7);
        assertThat(n * d.moment(2)).isCloseTo(h2.value(), Offset.offset(1e-9 * h2.value()));
        // And the estimate is close to the true trace (within 4 standard errors of Hutchinson).
        assertThat(Math.abs(d.trace() - CommonOps_DDRM.trace(a))).isLessThanOrEqualTo(4 * h.standardError());
    }

    @Test
    void slqWithFullStepsRecoversTheSpectrumEdges() {
        double[] s = TestMatrices.spectrum(40, new double[] {9, -4}, 0, 2, 61);
        DMatrixRMaj a = TestMatrices.withSpectrum(s, 62);
        SpectralDensity d = SpectralDensity.estimate(new DenseMatrixOperator(a), 2, 40, 5);
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double x : d.nodes()) {
            max = Math.max(max, x);
            min = Math.min(min, x);
        }
        assertThat(max).isCloseTo(9.0, Offset.offset(1e-8));
        assertThat(min).isCloseTo(-4.0, Offset.offset(1e-8));
        // Gauss quadrature with m steps is exact up to degree 2m − 1: with m = 3 the fifth moment
        // equals Hutchinson's estimate of tr(A⁵) with the same probes.
        DenseMatrixOperator op = new DenseMatrixOperator(a);
        SpectralDensity d3 = SpectralDensity.estimate(op, 2, 3, 5);
        LinearOperator a5 = new LinearOperator() {
            public int dimension() { return 40; }
            public void apply(double[] x, double[] y) {
                double[] t = x.clone();
                for (int i = 0; i < 5; i++) {
                    op.apply(t, y);
                    t = y.clone();
                }
            }
        };
        double h5 = Hutchinson.trace(a5, 2, 5).value();
        assertThat(40 * d3.moment(5)).isCloseTo(h5, Offset.offset(1e-9 * Math.abs(h5)));
    }
}
