package org.sharpscope.study.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CriticalConstantsTest {
    @Test
    void constantsAreTheSmallestRisingAndLargestTrainableC() {
        List<CriticalConstants.CellFacts> cells = List.of(
                new CriticalConstants.CellFacts(4.0, true, true, true),
                new CriticalConstants.CellFacts(0.5, false, false, true),
                new CriticalConstants.CellFacts(2.0, true, false, true),
                new CriticalConstants.CellFacts(8.0, true, true, false),
                new CriticalConstants.CellFacts(1.0, false, false, true),
                new CriticalConstants.CellFacts(16.0, true, true, false));
        assertThat(CriticalConstants.of(cells)).containsExactly(2.0, 4.0, 4.0);
    }

    @Test
    void noQualifyingCellGivesNaN() {
        double[] c = CriticalConstants.of(List.of(new CriticalConstants.CellFacts(1.0, false, false, false)));
        assertThat(c[0]).isNaN();
        assertThat(c[1]).isNaN();
        assertThat(c[2]).isNaN();
    }

    @Test
    void risingLooksOnlyAtTheEarlyRows() {
        double[] v = {1.0, 0.9, 0.8, 1.5};
        assertThat(CriticalConstants.rises(v, 2)).isFalse();
        assertThat(CriticalConstants.rises(v, 3)).isTrue();
        assertThat(CriticalConstants.rises(new double[] {1.0, Double.NaN}, 5)).isTrue();
        assertThat(CriticalConstants.rises(new double[] {1.0}, 5)).isFalse();
    }
}
