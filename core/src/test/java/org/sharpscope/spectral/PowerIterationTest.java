package org.sharpscope.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class PowerIterationTest {
    private final PowerIteration power = new PowerIteration();

    @Test
    void topThreeWithDeflation() {
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(100, new double[] {10, 6, 3}, -1, 1, 41), 42);
        double[] want = Arrays.copyOf(TestMatrices.eigenvaluesDescending(a), 3);
        CountingOperator op = new CountingOperator(new DenseMatrixOperator(a));
        EigenResult r = power.solve(op, 3);
        assertThat(TestMatrices.maxRelativeError(r.values(), want)).isLessThanOrEqualTo(1e-8);
        assertThat(r.products()).isEqualTo(op.products());
    }

    @Test
    void shiftsWhenTheDominantEigenvalueIsNegative() {
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(80, new double[] {3, -12}, -1, 1, 43), 44);
        double want = TestMatrices.eigenvaluesDescending(a)[0];
        EigenResult r = power.solve(new DenseMatrixOperator(a), 1);
        assertThat(Math.abs(r.values()[0] - want) / want).isLessThanOrEqualTo(1e-8);
        EigenResult b = power.solve(new DenseMatrixOperator(a), 1, SolverOptions.defaults().withWhich(SolverOptions.Which.BOTTOM));
        assertThat(Math.abs(b.values()[0] + 12) / 12).isLessThanOrEqualTo(1e-8);
    }

    @Test
    void tiny() {
        EigenResult r = power.solve(new DenseMatrixOperator(DMatrixRMaj.wrap(2, 2, new double[] {2, 1, 1, 2})), 2);
        assertThat(r.values()[0]).isEqualTo(3.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.values()[1]).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        EigenResult one = power.solve(new DenseMatrixOperator(DMatrixRMaj.wrap(1, 1, new double[] {-2})), 1);
        assertThat(one.values()[0]).isEqualTo(-2.0, org.assertj.core.data.Offset.offset(1e-14));
    }

    @Test
    void looseToleranceDeflationDoesNotStall() {
        // With roughly converged earlier pairs the true residual of a vector orthogonal to them has
        // a floor above a loose tol; the deflated residual does not, so each pair stops quickly.
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(200, new double[] {10, 8, 6.5, 5.2, 4.4}, -1, 3, 45), 46);
        for (long seed = 0; seed < 5; seed++) {
            EigenResult r = power.solve(new DenseMatrixOperator(a), 5, SolverOptions.defaults().withTol(0.1).withSeed(seed));
            assertThat(r.products()).as("seed %d", seed).isLessThan(200);
        }
    }
}
