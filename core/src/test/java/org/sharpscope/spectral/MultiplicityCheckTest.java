package org.sharpscope.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Repeated eigenvalues (issue 12): every solver (Davidson included), at its defaults (block size 1 for Lanczos), returns
 * the right top-k for a top eigenvalue of multiplicity 3, exactly and 1e-10 apart, and for a random
 * spectrum, against EJML's dense symmetric eigendecomposition (≤ 1e-8 relative), with a correct
 * multiplicity report; plus what the check costs.
 */
class MultiplicityCheckTest {
    private static final int N = 200;

    /** Top eigenvalue 3 three times, then 2.5, 2.4 and a bulk in [−1, 2]. */
    static double[] exactTriple() {
        return TestMatrices.spectrum(N, new double[] {3, 3, 3, 2.5, 2.4}, -1, 2, 101);
    }

    /** Three top eigenvalues 1e-10 apart (3, 3 + 1e-10, 3 + 2e-10), then 2.5, 2.4 and the bulk. */
    static double[] nearTriple() {
        return TestMatrices.spectrum(N, new double[] {3 + 2e-10, 3 + 1e-10, 3, 2.5, 2.4}, -1, 2, 102);
    }

    /** A random spectrum, heavy at the top like a Hessian's: 10·u⁴ with u uniform in [0, 1]. */
    static double[] randomSpectrum() {
        Random rnd = new Random(103);
        double[] s = new double[N];
        for (int i = 0; i < N; i++) s[i] = 10 * Math.pow(rnd.nextDouble(), 4);
        return s;
    }

    record Case(String name, double[] spectrum, int tripleCopies) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        List<Case> cs = List.of(new Case("exact triple", exactTriple(), 3), new Case("triple 1e-10 apart", nearTriple(), 3),
                new Case("random spectrum", randomSpectrum(), 1));
        for (String method : new String[] {"lanczos", "lobpcg", "power", "davidson"}) {
            for (Case c : cs) {
                for (int k = 1; k <= 5; k++) a.add(Arguments.of(method, c, k));
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0}: {1}, top {2}")
    @MethodSource("cases")
    void topKMatchesDenseAndReportsMultiplicity(String method, Case c, int k) {
        DMatrixRMaj a = TestMatrices.withSpectrum(c.spectrum(), 7 + k);
        double[] dense = TestMatrices.eigenvaluesDescending(a);
        double[] want = Arrays.copyOf(dense, k);
        CountingOperator op = new CountingOperator(new DenseMatrixOperator(a));
        EigenResult r = solver(method).solve(op, k);

        assertThat(TestMatrices.maxRelativeError(r.values(), want)).as(Arrays.toString(r.values()) + " vs " + Arrays.toString(want))
                .isLessThanOrEqualTo(1e-8);
        assertThat(r.converged()).containsOnly(true);
        assertThat(r.multiplicityChecked()).containsOnly(true);
        for (int i = 0; i < k; i++) {
            int copies = i < c.tripleCopies() ? c.tripleCopies() : 1;
            assertThat(r.multiplicity()[i]).as("multiplicity of value %d (%s)", i, r.values()[i]).isEqualTo(copies);
        }
        assertThat(r.multiplicityTolerance()).isEqualTo(1e-8 * Math.abs(dense[0]), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.products()).isEqualTo(op.products());
        assertThat(r.checkProducts()).isPositive().isLessThanOrEqualTo(r.products());
        LobpcgTest.assertTrueResiduals(a, r);
        assertOrthonormal(r.vectors());
    }

    /** The solvers by name, Davidson (the tracking solver, not a command-line method) included. */
    static EigenSolver solver(String method) {
        return method.equals("davidson") ? new Davidson() : EigenSolver.named(method);
    }

    /** The example: Lanczos with block size 1, top 3 of a triple. */
    @Test
    void lanczosBlockOneFindsEveryCopyAndWithoutTheCheckDoesNot() {
        DMatrixRMaj a = TestMatrices.withSpectrum(exactTriple(), 11);
        EigenResult r = new Lanczos().solve(new DenseMatrixOperator(a), 3);
        assertThat(r.values()).containsExactly(new double[] {3, 3, 3}, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.multiplicity()).containsExactly(3, 3, 3);
        assertThat(r.multiplicityChecked()).containsExactly(true, true, true);

        EigenResult off = new Lanczos().solve(new DenseMatrixOperator(a), 3, SolverOptions.defaults().withMultiplicityCheck(false));
        assertThat(off.values()[0]).isEqualTo(3.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(off.values()[1]).isEqualTo(2.5, org.assertj.core.data.Offset.offset(1e-12)); // the copies are missed
        assertThat(off.multiplicityChecked()).containsOnly(false);
        assertThat(off.checkProducts()).isZero();
        assertThat(off.checkVectors()).isNull();
        assertThat(off.converged()).containsOnly(true);
    }

    @Test
    void bottomKOfARepeatedSmallestEigenvalue() {
        double[] s = exactTriple();
        for (int i = 0; i < s.length; i++) s[i] = -s[i];
        DMatrixRMaj a = TestMatrices.withSpectrum(s, 13);
        double[] desc = TestMatrices.eigenvaluesDescending(a);
        double[] want = {desc[N - 1], desc[N - 2], desc[N - 3], desc[N - 4]};
        for (String method : new String[] {"lanczos", "lobpcg", "power"}) {
            EigenResult r = EigenSolver.named(method).solve(new DenseMatrixOperator(a), 4,
                    SolverOptions.defaults().withWhich(SolverOptions.Which.BOTTOM));
            assertThat(TestMatrices.maxRelativeError(r.values(), want)).as(method).isLessThanOrEqualTo(1e-8);
            assertThat(r.multiplicity()).as(method).containsExactly(3, 3, 3, 1);
            assertThat(r.multiplicityChecked()).as(method).containsOnly(true);
        }
    }

    /** Copies beyond the k-th are counted: top 1 of a triple reports multiplicity 3. */
    @Test
    void copiesBeyondKAreCountedAndCarriedAsCheckVectors() {
        DMatrixRMaj a = TestMatrices.withSpectrum(exactTriple(), 17);
        EigenResult r = new Lobpcg().solve(new DenseMatrixOperator(a), 1);
        assertThat(r.values()[0]).isEqualTo(3.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.multiplicity()).containsExactly(3);
        // Two more copies of 3 and the last search's vector (near 2.5).
        assertThat(r.checkVectors()).hasNumberOfRows(3);
        assertThat(r.warmStart()).hasNumberOfRows(4);
        DenseMatrixOperator op = new DenseMatrixOperator(a);
        double[] av = new double[N];
        for (int i = 0; i < 2; i++) {
            op.apply(r.checkVectors()[i], av);
            assertThat(Vectors.dot(av, r.checkVectors()[i])).isEqualTo(3.0, org.assertj.core.data.Offset.offset(1e-10));
        }
        // Warm-started from it, the check confirms the copies along the carried vectors, cheaply.
        EigenResult warm = new Lobpcg().solve(op, 1, SolverOptions.defaults().withWarmStart(r.warmStart()));
        assertThat(warm.multiplicity()).containsExactly(3);
        assertThat(warm.multiplicityChecked()).containsExactly(true);
        assertThat(warm.checkProducts()).isEqualTo(3); // one per carried vector
        // The carried vectors are treated as a subspace, so their order does not matter.
        double[][] reversed = r.warmStart().clone();
        java.util.Collections.reverse(Arrays.asList(reversed).subList(1, 4));
        EigenResult rev = new Lobpcg().solve(op, 1, SolverOptions.defaults().withWarmStart(reversed));
        assertThat(rev.multiplicity()).containsExactly(3);
        assertThat(rev.multiplicityChecked()).containsExactly(true);
        assertThat(rev.checkProducts()).isEqualTo(3);
    }

    /**
     * Davidson tracking holds the carried copies in its own basis, so the check locks them from it
     * without products and searches only beyond them (from the carried direction); with only the
     * k tracked vectors carried it searches afresh from a random vector.
     */
    @Test
    void davidsonTrackingCountsCarriedCopiesFromItsBasis() {
        DMatrixRMaj a = TestMatrices.withSpectrum(exactTriple(), 17);
        DenseMatrixOperator op = new DenseMatrixOperator(a);
        EigenResult first = new Davidson().solve(op, 1);
        assertThat(first.multiplicity()).containsExactly(3);
        assertThat(first.checkProducts()).isPositive();
        assertThat(first.warmStart()).hasNumberOfRows(4); // the value, two copies, the last search's vector

        EigenResult warm = new Davidson().solve(op, 1, SolverOptions.defaults().withWarmStart(first.warmStart()));
        assertThat(warm.values()[0]).isEqualTo(3.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(warm.multiplicity()).containsExactly(3);
        assertThat(warm.multiplicityChecked()).containsExactly(true);
        assertThat(warm.products() - warm.checkProducts()).isEqualTo(4); // the start block
        assertThat(warm.checkProducts()).isLessThan(first.checkProducts());

        EigenResult kOnly = new Davidson().solve(op, 1, SolverOptions.defaults().withWarmStart(first.vectors()));
        assertThat(kOnly.multiplicity()).containsExactly(3);
        assertThat(kOnly.checkProducts()).isPositive();
    }

    /** A cluster larger than the check will count is reported as a lower bound, not as checked. */
    @Test
    void hugeClusterIsALowerBoundAndNotChecked() {
        double[] s = TestMatrices.spectrum(120, new double[0], -1, 1, 19);
        for (int i = 0; i < 50; i++) s[i] = 5;
        DMatrixRMaj a = TestMatrices.withSpectrum(s, 20);
        EigenResult r = new Lanczos().solve(new DenseMatrixOperator(a), 2);
        assertThat(r.values()).containsExactly(new double[] {5, 5}, org.assertj.core.data.Offset.offset(1e-10));
        // The solver's copies (one or two: rounding lets a single Krylov sequence reach a second one)
        // and MAX_EXTRA more: a lower bound on the true 50.
        for (int m : r.multiplicity()) assertThat(m).isBetween(1 + MultiplicityCheck.MAX_EXTRA, 2 + MultiplicityCheck.MAX_EXTRA);
        assertThat(r.multiplicityChecked()).containsOnly(false);
        assertThat(r.converged()).containsOnly(true);
    }

    @Test
    void unconvergedResultIsRecognisableAndUnchecked() {
        DMatrixRMaj a = TestMatrices.withSpectrum(exactTriple(), 23);
        for (String method : new String[] {"lanczos", "lobpcg", "power"}) {
            EigenResult r = EigenSolver.named(method).solve(new DenseMatrixOperator(a), 2, SolverOptions.defaults().withMaxProducts(6));
            assertThat(r.allConverged()).as(method).isFalse();
            assertThat(r.multiplicityChecked()).as(method).containsOnly(false);
            assertThat(r.checkProducts()).as(method).isZero();
            assertThat(r.products()).as(method).isLessThanOrEqualTo(6);
        }
    }

    /** Budget spent inside the check: the pairs converged, the multiplicity is not established. */
    @Test
    void budgetRunningOutInTheCheckLeavesValuesUnchecked() {
        DMatrixRMaj a = TestMatrices.withSpectrum(exactTriple(), 29);
        EigenResult main = new Lanczos().solve(new DenseMatrixOperator(a), 1, SolverOptions.defaults().withMultiplicityCheck(false));
        EigenResult r = new Lanczos().solve(new DenseMatrixOperator(a), 1, SolverOptions.defaults().withMaxProducts(main.products() + 3));
        assertThat(r.converged()).containsOnly(true);
        assertThat(r.products()).isEqualTo(main.products() + 3);
        assertThat(r.multiplicityChecked()).containsOnly(false);
        assertThat(r.allMultiplicityChecked()).isFalse();
    }

    /**
     * The polynomial bound that lets a fresh search stop before its extreme pair converges is an
     * upper bound on the largest eigenvalue at every step (it may fail with probability 1e-6 per
     * start vector), and it tightens as the search goes on.
     */
    @Test
    void polynomialBoundIsAnUpperBoundAtEveryStep() {
        for (long seed = 0; seed < 20; seed++) {
            double[] s = TestMatrices.spectrum(150, new double[] {4, 3.9, 3}, -1, 2.5, 200 + seed);
            DMatrixRMaj a = TestMatrices.withSpectrum(s, 300 + seed);
            double top = TestMatrices.eigenvaluesDescending(a)[0];
            Random rnd = new Random(seed);
            double logInvCmin = Math.log(Math.sqrt(2.0 * 149 / Math.PI) / MultiplicityCheck.FAIL_PROBABILITY);
            List<Double> bounds = new ArrayList<>();
            List<double[]> start = new ArrayList<>();
            start.add(Vectors.gaussian(150, rnd));
            Lanczos.run(new DenseMatrixOperator(a), 1, SolverOptions.Which.TOP, 1e-12, 1, 0, null, 0, start, rnd, 30, 0,
                    (ritz, m, restarted, residual, logBeta) -> {
                        if (!Double.isNaN(logBeta)) bounds.add(MultiplicityCheck.polynomialBound(ritz, m, 1, logBeta + logInvCmin));
                        return false;
                    });
            assertThat(bounds).hasSizeGreaterThan(10);
            for (double u : bounds) assertThat(u).as("seed %d", seed).isGreaterThanOrEqualTo(top - 1e-12);
            assertThat(bounds.get(bounds.size() - 1)).as("seed %d", seed).isLessThan(top + 0.05);
        }
    }

    /**
     * Matrices so small that Lanczos's Krylov basis spans the whole space (distinct eigenvalues),
     * or breaks down on an exactly repeated one (a random vector then enters the basis and the
     * check's searches start as they would without it): values, multiplicities and the check's
     * verdict against EJML, n = 2 … 8. (Where the basis spans the space the check's start falls
     * back to a plain random vector, since only rounding is left orthogonal to it; the search from
     * that rounding happened to succeed too, so this test guards the results, not the fallback.)
     */
    @Test
    void krylovBasisSpanningTheSpaceLeavesThePlainRandomStart() {
        for (int n = 2; n <= 8; n++) {
            double[] distinct = new double[n];
            for (int i = 0; i < n; i++) distinct[i] = 3 - 0.5 * i;
            double[] repeated = distinct.clone();
            repeated[1] = repeated[0];
            for (double[] spectrum : new double[][] {distinct, repeated}) {
                DMatrixRMaj a = TestMatrices.withSpectrum(spectrum, 40 + n);
                double[] want = TestMatrices.eigenvaluesDescending(a);
                for (int k = 1; k <= Math.min(2, n - 1); k++) {
                    EigenResult r = new Lanczos().solve(new DenseMatrixOperator(a), k);
                    assertThat(r.values()).as("n=%d k=%d", n, k).containsExactly(Arrays.copyOf(want, k),
                            org.assertj.core.data.Offset.offset(1e-9));
                    int copies = spectrum == repeated ? 2 : 1;
                    assertThat(r.multiplicity()[0]).as("n=%d k=%d", n, k).isEqualTo(copies);
                    assertThat(r.multiplicityChecked()[0]).as("n=%d k=%d", n, k).isTrue();
                }
            }
        }
    }

    /**
     * Cost in the common non-degenerate case, cold: the check is one more top-1 Lanczos search of
     * the complement of the converged pairs, stopped when its extreme pair converges or when the
     * polynomial bound clears the k-th value. Measured on the "separated" spectrum (10, 8, 6.5, 5.2,
     * 4.4, 3.9 + U[−1, 3], n = 200), k = 1..5: Lanczos 17, 18, 21, 25, 27 products without the
     * check, plus 8, 10, 10, 12, 15 for it (13, 13, 14, 15, 17 before its searches started
     * orthogonal to Lanczos's Krylov basis); on a Hessian-like spectrum (50, 30, 20, 12, 8, 6 and
     * a bulk in [−0.5, 1], n = 300, tol 1e-6, k = 1..3) 8–11 plus 5–7 (7–8 before). So at most
     * about double for Lanczos, less for LOBPCG and power iteration, whose own runs are longer.
     */
    @Test
    void checkCostInTheNonDegenerateCaseIsAboutOneTopOneSearch() {
        DMatrixRMaj a = TestMatrices.withSpectrum(TestMatrices.spectrum(N, new double[] {10, 8, 6.5, 5.2, 4.4, 3.9}, -1, 3, 1), 7);
        for (int k = 1; k <= 5; k++) {
            EigenResult off = new Lanczos().solve(new DenseMatrixOperator(a), k, SolverOptions.defaults().withMultiplicityCheck(false));
            EigenResult on = new Lanczos().solve(new DenseMatrixOperator(a), k);
            assertThat(on.products() - on.checkProducts()).as("k=%d", k).isEqualTo(off.products());
            assertThat(on.checkProducts()).as("k=%d", k).isBetween(6L, 16L).isLessThanOrEqualTo(off.products());
            assertThat(on.values()).containsExactly(off.values(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(on.multiplicity()).containsOnly(1);
            for (String method : new String[] {"lobpcg", "power"}) {
                EigenResult m = EigenSolver.named(method).solve(new DenseMatrixOperator(a), k);
                assertThat(m.checkProducts()).as("%s k=%d", method, k).isLessThanOrEqualTo(m.products() - m.checkProducts());
            }
        }
    }

    /**
     * Cost when tracking (warm start from the previous warmStart(), as training does): about one
     * product per step for the check. Along A_t = A_0 + t·δ·E the check used 1.0–1.2 products per
     * step for k = 1, 3, 5 and δ = 0.002 … 0.2 (LOBPCG and Lanczos), against 16–81 for the solve
     * itself at tol 1e-8.
     */
    @Test
    void warmStartedCheckCostsAboutOneProductPerStep() {
        int n = 300;
        DMatrixRMaj a0 = TestMatrices.withSpectrum(TestMatrices.spectrum(n, new double[] {10, 9.2, 8.8, 8.1, 7.7, 7.0}, -2, 6, 31), 32);
        DMatrixRMaj e = TestMatrices.withSpectrum(TestMatrices.spectrum(n, new double[0], -1, 1, 33), 34);
        for (int k : new int[] {1, 3}) {
            EigenResult prev = new Lobpcg().solve(new DenseMatrixOperator(a0), k);
            long check = 0;
            for (int t = 1; t <= 10; t++) {
                DMatrixRMaj at = a0.copy();
                for (int i = 0; i < n * n; i++) at.data[i] += 0.02 * t * e.data[i];
                EigenResult r = new Lobpcg().solve(new DenseMatrixOperator(at), k, SolverOptions.defaults().withWarmStart(prev.warmStart()));
                assertThat(TestMatrices.maxRelativeError(r.values(), Arrays.copyOf(TestMatrices.eigenvaluesDescending(at), k)))
                        .isLessThanOrEqualTo(1e-8);
                assertThat(r.multiplicityChecked()).containsOnly(true);
                check += r.checkProducts();
                prev = r;
            }
            assertThat(check).as("k=%d", k).isLessThanOrEqualTo(12);
        }
    }

    /**
     * Tracking through a crossing: the (k+1)-th eigenvalue rises past the k-th from a direction
     * the warm-start block does not hold. Warm LOBPCG alone stays on the old pair; the check, which
     * follows the carried (k+1)-th direction, sees it pass and puts it in the result.
     */
    @Test
    void warmStartedCheckCatchesACrossing() {
        int n = 150;
        double[] s0 = TestMatrices.spectrum(n, new double[] {10, 6, 4}, -1, 2, 41);
        DMatrixRMaj before = TestMatrices.withSpectrum(s0, 43);
        EigenResult prev = new Lobpcg().solve(new DenseMatrixOperator(before), 2);
        // The same eigenvectors with λ₃ raised from 4 to 7 (past λ₂ = 6): A + 3·u₃u₃ᵀ.
        EigenResult three = new Lanczos().solve(new DenseMatrixOperator(before), 3, SolverOptions.defaults().withTol(1e-13));
        DMatrixRMaj after = before.copy();
        double[] u3 = three.vectors()[2];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) after.add(i, j, 3 * u3[i] * u3[j]);
        double[] want = Arrays.copyOf(TestMatrices.eigenvaluesDescending(after), 2);
        assertThat(want[1]).isEqualTo(7.0, org.assertj.core.data.Offset.offset(1e-9));

        EigenResult noCheck = new Lobpcg().solve(new DenseMatrixOperator(after), 2,
                SolverOptions.defaults().withMultiplicityCheck(false).withWarmStart(prev.vectors()));
        assertThat(noCheck.values()[1]).isEqualTo(6.0, org.assertj.core.data.Offset.offset(1e-8)); // stuck on the old pair
        EigenResult r = new Lobpcg().solve(new DenseMatrixOperator(after), 2, SolverOptions.defaults().withWarmStart(prev.warmStart()));
        assertThat(TestMatrices.maxRelativeError(r.values(), want)).isLessThanOrEqualTo(1e-8);
        assertThat(r.multiplicityChecked()).containsOnly(true);
    }

    static void assertOrthonormal(double[][] v) {
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j <= i; j++) {
                assertThat(Vectors.dot(v[i], v[j])).as("v%d·v%d", i, j)
                        .isCloseTo(i == j ? 1.0 : 0.0, org.assertj.core.data.Offset.offset(1e-8));
            }
        }
    }
}
