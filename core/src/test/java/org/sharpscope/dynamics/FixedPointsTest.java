package org.sharpscope.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.uv.UvDimensionlessMap;

/** Fixed points of the UV map found on a box against docs/theory.md §4, and periodic orbits against §7. */
class FixedPointsTest {
    static final Box UV_BOX = new Box(new double[] {-3, -1}, new double[] {3, 9});

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.5})
    void uvFixedPointsMatchTheAnalyticList(double bigY) {
        FixedPointSet set = FixedPoints.find(new UvDimensionlessMap(bigY), UV_BOX, 1, 24);
        List<PeriodicOrbit> iso = set.orbits().stream().sorted(Comparator.comparingDouble(o -> o.points()[0][0])).toList();
        assertThat(iso).hasSize(3);
        // (−2, 4 − 2Y): boundary point, multipliers 9 and 5 − 2Y, unstable.
        assertPoint(iso.get(0), -2, 4 - 2 * bigY, 9, 5 - 2 * bigY, Stability.UNSTABLE);
        // Origin u = v = 0: f = 0 so X = −Y, Λ = 0; multipliers (1 + Y)², (1 − Y)²; saddle.
        assertPoint(iso.get(1), -bigY, 0, (1 + bigY) * (1 + bigY), (1 - bigY) * (1 - bigY), Stability.SADDLE);
        // (2, 4 + 2Y): boundary point, multipliers 9 and 5 + 2Y, unstable.
        assertPoint(iso.get(2), 2, 4 + 2 * bigY, 9, 5 + 2 * bigY, Stability.UNSTABLE);
        assertThat(iso.get(0).admissible()).isTrue();
        assertThat(iso.get(1).admissible()).isTrue();
        assertThat(iso.get(2).admissible()).isTrue();

        // The line of minima X = 0 across the box: transverse multiplier 1 − Λ.
        assertThat(set.lines()).hasSize(1);
        FixedLine line = set.lines().get(0);
        assertThat(Math.abs(line.direction()[0])).isLessThan(1e-12);
        assertThat(line.from()[1]).isCloseTo(-1, within(1e-9));
        assertThat(line.to()[1]).isCloseTo(9, within(1e-9));
        for (FixedLine.Segment s : line.segments()) {
            assertThat(Math.abs(s.from()[0])).isLessThan(1e-12);
            double mid = 0.5 * (s.from()[1] + s.to()[1]);
            Stability expected = mid < -1e-6 ? Stability.UNSTABLE
                    : Math.abs(mid) <= 1e-6 ? Stability.MARGINAL
                    : mid < 2 - 1e-6 ? Stability.STABLE
                    : Math.abs(mid - 2) <= 1e-6 ? Stability.FLIP : Stability.UNSTABLE;
            assertThat(s.transverse()).as("segment Λ %s..%s", s.from()[1], s.to()[1]).isEqualTo(expected);
            assertThat(s.admissible()).isEqualTo(mid >= 2 * bigY);
        }
        // The flip of the minima sits exactly at ηλ = 2, admissibility starts at Λ = 2Y.
        assertThat(line.segments().stream().filter(s -> s.transverse() == Stability.FLIP).findFirst().orElseThrow().from()[1])
                .isCloseTo(2, within(1e-12));
        assertThat(line.segments().stream().filter(FixedLine.Segment::admissible).mapToDouble(s -> s.from()[1]).min().orElseThrow())
                .isCloseTo(2 * bigY, within(1e-9));
    }

    private static void assertPoint(PeriodicOrbit o, double x, double l, double m1, double m2, Stability st) {
        assertThat(o.period()).isEqualTo(1);
        assertThat(o.points()[0][0]).isCloseTo(x, within(1e-12));
        assertThat(o.points()[0][1]).isCloseTo(l, within(1e-12));
        double[] got = {o.multipliers().get(0).re(), o.multipliers().get(1).re()};
        double[] want = {Math.max(Math.abs(m1), Math.abs(m2)) == Math.abs(m1) ? m1 : m2,
                Math.max(Math.abs(m1), Math.abs(m2)) == Math.abs(m1) ? m2 : m1};
        assertThat(got[0]).isCloseTo(want[0], within(1e-10));
        assertThat(got[1]).isCloseTo(want[1], within(1e-10));
        assertThat(o.stability()).isEqualTo(st);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.05, 1.1, 1.2, 1.236})
    void manifoldPeriodTwoOrbitIsTheClosedForm(double bigY) {
        FixedPointSet set = FixedPoints.find(new EosManifoldMap(bigY), new Box(new double[] {-1.5}, new double[] {1.5}), 2, 200);
        List<PeriodicOrbit> p2 = set.orbits().stream().filter(o -> o.period() == 2).toList();
        assertThat(p2).hasSize(1);
        // X² + (Y − 1)X + (1 − Y) = 0.
        double disc = Math.sqrt((bigY - 1) * (bigY - 1) - 4 * (1 - bigY));
        double lo = (-(bigY - 1) - disc) / 2;
        double hi = (-(bigY - 1) + disc) / 2;
        double[] xs = {p2.get(0).points()[0][0], p2.get(0).points()[1][0]};
        java.util.Arrays.sort(xs);
        assertThat(xs[0]).isCloseTo(lo, within(1e-10));
        assertThat(xs[1]).isCloseTo(hi, within(1e-10));
        // ηλ = 1 + Y ± sqrt((Y − 1)(Y + 3)), multiplier 7 − 4Y − 2Y², stable below √5 − 1.
        double root = Math.sqrt((bigY - 1) * (bigY + 3));
        assertThat(EosManifoldMap.etaLambda(xs[0], bigY)).isCloseTo(1 + bigY - root, within(1e-10));
        assertThat(EosManifoldMap.etaLambda(xs[1], bigY)).isCloseTo(1 + bigY + root, within(1e-10));
        assertThat(p2.get(0).multipliers().get(0).re()).isCloseTo(7 - 4 * bigY - 2 * bigY * bigY, within(1e-10));
        assertThat(p2.get(0).stability()).isEqualTo(Stability.STABLE);
    }

    @Test
    void fullMapPeriodTwoOrbitLiesOnTheManifold() {
        double bigY = 1.15;
        Box box = new Box(new double[] {-1, 0}, new double[] {1.5, 5});
        FixedPointSet set = FixedPoints.find(new UvDimensionlessMap(bigY), box, 2, 40);
        double root = Math.sqrt((bigY - 1) * (bigY + 3));
        List<PeriodicOrbit> onManifold = set.orbits().stream()
                .filter(o -> o.period() == 2 && Math.abs(new UvDimensionlessMap(bigY).q(o.points()[0])) < 1e-9).toList();
        assertThat(onManifold).isNotEmpty();
        double[] ls = {onManifold.get(0).points()[0][1], onManifold.get(0).points()[1][1]};
        java.util.Arrays.sort(ls);
        assertThat(ls[0]).isCloseTo(1 + bigY - root, within(1e-10));
        assertThat(ls[1]).isCloseTo(1 + bigY + root, within(1e-10));
    }

    @Test
    void minimumFlipsAtYEqualsOne() {
        FixedPointSet set = FixedPoints.find(new EosManifoldMap(1.0), new Box(new double[] {-1.5}, new double[] {1.5}), 1, 50);
        PeriodicOrbit zero = set.orbits().stream().filter(o -> Math.abs(o.points()[0][0]) < 1e-12).findFirst().orElseThrow();
        assertThat(zero.multipliers().get(0).re()).isCloseTo(-1, within(1e-15));
        assertThat(zero.stability()).isEqualTo(Stability.FLIP);
        assertThat(FixedPoints.find(new EosManifoldMap(0.99), new Box(new double[] {-1.5}, new double[] {1.5}), 1, 50)
                .orbits().stream().filter(o -> Math.abs(o.points()[0][0]) < 1e-12).findFirst().orElseThrow().stability())
                .isEqualTo(Stability.STABLE);
        assertThat(FixedPoints.find(new EosManifoldMap(1.01), new Box(new double[] {-1.5}, new double[] {1.5}), 1, 50)
                .orbits().stream().filter(o -> Math.abs(o.points()[0][0]) < 1e-12).findFirst().orElseThrow().stability())
                .isEqualTo(Stability.UNSTABLE);
    }

    @Test
    void stabilityLabels() {
        assertThat(Stability.of(List.of(new Multiplier(0.5, 0), new Multiplier(-0.2, 0)), 1e-9)).isEqualTo(Stability.STABLE);
        assertThat(Stability.of(List.of(new Multiplier(3, 0), new Multiplier(0.2, 0)), 1e-9)).isEqualTo(Stability.SADDLE);
        assertThat(Stability.of(List.of(new Multiplier(1.2, 1), new Multiplier(1.2, -1)), 1e-9)).isEqualTo(Stability.UNSTABLE);
        assertThat(Stability.of(List.of(new Multiplier(-1, 0), new Multiplier(0.2, 0)), 1e-9)).isEqualTo(Stability.FLIP);
        assertThat(Stability.of(List.of(new Multiplier(0.6, 0.8), new Multiplier(0.6, -0.8)), 1e-9)).isEqualTo(Stability.MARGINAL);
    }

    @Test
    void multipliersOfTwoByTwoMatchEjml() {
        java.util.Random rnd = new java.util.Random(5);
        for (int t = 0; t < 100; t++) {
            double[] j = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(2, false);
            eig.decompose(new org.ejml.data.DMatrixRMaj(2, 2, true, j.clone()));
            double[] ours = Multiplier.of(j, 2).stream().mapToDouble(Multiplier::modulus).toArray();
            double[] ref = {eig.getEigenvalue(0).getMagnitude(), eig.getEigenvalue(1).getMagnitude()};
            java.util.Arrays.sort(ref);
            assertThat(ours[0]).isCloseTo(ref[1], within(1e-12));
            assertThat(ours[1]).isCloseTo(ref[0], within(1e-12));
        }
    }
}
