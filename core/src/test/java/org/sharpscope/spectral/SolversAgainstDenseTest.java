package org.sharpscope.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every solver against EJML's dense symmetric eigendecomposition on random matrices with chosen
 * spectra, at the default tolerance: top-k (or bottom-k) to ≤ 1e-8 relative, true residuals as
 * reported, product count as counted by a wrapper.
 */
class SolversAgainstDenseTest {
    record Case(String name, double[] spectrum, int k, SolverOptions.Which which) {
        @Override
        public String toString() {
            return name + " k=" + k + " " + which;
        }
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        SolverOptions.Which top = SolverOptions.Which.TOP;
        c.add(new Case("well separated", TestMatrices.spectrum(150, new double[] {10, 7, 5, 4}, -2, 3, 71), 3, top));
        c.add(new Case("clustered top", TestMatrices.spectrum(150, new double[] {10, 9.999, 9.998, 9.5}, -2, 9, 72), 3, top));
        c.add(new Case("repeated top (k=1)", TestMatrices.spectrum(150, new double[] {8, 8, 8, 6}, -2, 5, 73), 1, top));
        c.add(new Case("large negative", TestMatrices.spectrum(150, new double[] {1.5, 1.2, -60, -45, -30}, -1, 1, 74), 2, top));
        c.add(new Case("all negative", TestMatrices.spectrum(100, new double[] {-0.5, -0.7}, -9, -1, 75), 2, top));
        c.add(new Case("bottom with large positive", TestMatrices.spectrum(150, new double[] {-3, -2.5, 80, 60}, -1, 1, 76), 2, SolverOptions.Which.BOTTOM));
        c.add(new Case("n=1", new double[] {-2.5}, 1, top));
        c.add(new Case("n=2", new double[] {3, -7}, 1, top));
        c.add(new Case("n=2 k=2", new double[] {3, -7}, 2, top));
        c.add(new Case("n=2 bottom", new double[] {3, -7}, 1, SolverOptions.Which.BOTTOM));
        c.add(new Case("k=n", TestMatrices.spectrum(6, new double[0], -3, 3, 77), 6, top));
        return c;
    }

    static Stream<Arguments> lanczosAndLobpcg() {
        return cases().stream().flatMap(c -> Stream.of(Arguments.of("lanczos", c), Arguments.of("lobpcg", c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("lanczosAndLobpcg")
    void matchesDenseEigenvalues(String method, Case c) {
        DMatrixRMaj a = TestMatrices.withSpectrum(c.spectrum(), c.name().hashCode());
        double[] desc = TestMatrices.eigenvaluesDescending(a);
        double[] want = new double[c.k()];
        for (int i = 0; i < c.k(); i++) want[i] = c.which() == SolverOptions.Which.TOP ? desc[i] : desc[desc.length - 1 - i];
        CountingOperator op = new CountingOperator(new DenseMatrixOperator(a));
        EigenResult r = EigenSolver.named(method).solve(op, c.k(), SolverOptions.defaults().withWhich(c.which()));
        assertThat(TestMatrices.maxRelativeError(r.values(), want)).as(Arrays.toString(r.values()) + " vs " + Arrays.toString(want))
                .isLessThanOrEqualTo(1e-8);
        assertThat(r.products()).isEqualTo(op.products());
        LobpcgTest.assertTrueResiduals(a, r);
    }

    @ParameterizedTest(name = "power: {0}")
    @MethodSource("cases")
    void powerIterationMatchesWhereItConverges(Case c) {
        if (c.name().startsWith("clustered")) return; // linear rate |λ2/λ1| ≈ 0.9999: not within budget, by design
        DMatrixRMaj a = TestMatrices.withSpectrum(c.spectrum(), c.name().hashCode());
        double[] desc = TestMatrices.eigenvaluesDescending(a);
        double[] want = new double[c.k()];
        for (int i = 0; i < c.k(); i++) want[i] = c.which() == SolverOptions.Which.TOP ? desc[i] : desc[desc.length - 1 - i];
        EigenResult r = new PowerIteration().solve(new DenseMatrixOperator(a), c.k(), SolverOptions.defaults().withWhich(c.which()));
        assertThat(TestMatrices.maxRelativeError(r.values(), want)).as(Arrays.toString(r.values()) + " vs " + Arrays.toString(want))
                .isLessThanOrEqualTo(1e-8);
    }
}
