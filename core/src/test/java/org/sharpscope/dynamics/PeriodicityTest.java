package org.sharpscope.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeriodicityTest {
    @Test
    void findsSmallestPeriod() {
        double[] p2 = new double[40];
        for (int i = 0; i < p2.length; i++) p2[i] = i % 2 == 0 ? 1.3 : 0.7;
        assertThat(Periodicity.period(p2, 16, 1e-9)).isEqualTo(2);

        double[] p3 = new double[60];
        for (int i = 0; i < p3.length; i++) p3[i] = new double[] {0.1, 0.5, 0.9}[i % 3];
        assertThat(Periodicity.period(p3, 16, 1e-9)).isEqualTo(3);

        double[] fixed = new double[10];
        java.util.Arrays.fill(fixed, 2.0);
        assertThat(Periodicity.period(fixed, 4, 1e-12)).isEqualTo(1);
    }

    @Test
    void chaoticLogisticOrbitHasNoShortPeriod() {
        double[] x = new double[400];
        x[0] = 0.2;
        for (int i = 1; i < x.length; i++) x[i] = 4 * x[i - 1] * (1 - x[i - 1]);
        assertThat(Periodicity.period(x, 64, 1e-6)).isZero();
    }

    @Test
    void toleranceIsRelativeToScale() {
        double[] almost = {1000.0, 1000.001, 1000.0, 1000.001};
        assertThat(Periodicity.period(almost, 2, 1e-5)).isEqualTo(1);
        assertThat(Periodicity.period(almost, 2, 1e-7)).isEqualTo(2);
    }
}
