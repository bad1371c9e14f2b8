package org.sharpscope.report.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiniteRangeTest {
    @Test
    void skipsNonFiniteValuesAndHonoursTheSlice() {
        double[] v = {Double.NaN, 3, -2, Double.POSITIVE_INFINITY, 7, Double.NEGATIVE_INFINITY, -9};
        assertThat(FiniteRange.of(v)).containsExactly(-9, 7);
        assertThat(FiniteRange.of(v, 1, 5)).containsExactly(-2, 7);
        assertThat(FiniteRange.of(v, 3, 4)).isNull();
        assertThat(FiniteRange.of(new double[0])).isNull();
    }
}
