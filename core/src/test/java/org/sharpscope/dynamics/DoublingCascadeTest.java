package org.sharpscope.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.uv.UvDimensionlessMap;

class DoublingCascadeTest {
    static final double FEIGENBAUM_DELTA = 4.669201609;

    @Test
    void logisticCascadeHasTheKnownDoublingsAccumulationAndFeigenbaumRatio() {
        DoublingCascade.Result r = DoublingCascade.locate(new LogisticMap(2.5), new double[] {0.3}, 2.5, 3.6, 128);
        List<DoublingCascade.Doubling> d = r.doublings();
        assertThat(d).hasSize(7);
        for (int k = 0; k < d.size(); k++) {
            assertThat(d.get(k).periodBefore()).isEqualTo(1 << k);
            assertThat(d.get(k).periodAfter()).isEqualTo(2 << k);
        }
        assertThat(d.get(0).parameter()).isCloseTo(3, within(1e-9));
        assertThat(d.get(1).parameter()).isCloseTo(1 + Math.sqrt(6), within(1e-9));
        // Known r_3 = 3.544090359..., r_4 = 3.564407266... (Feigenbaum's tables).
        assertThat(d.get(2).parameter()).isCloseTo(3.5440903596, within(1e-9));
        assertThat(d.get(3).parameter()).isCloseTo(3.5644072661, within(1e-9));
        assertThat(r.accumulation()).isCloseTo(3.5699456, within(1e-5));
        double lastRatio = r.feigenbaumRatios().get(r.feigenbaumRatios().size() - 1);
        assertThat(Math.abs(lastRatio - FEIGENBAUM_DELTA) / FEIGENBAUM_DELTA).isLessThan(0.005);
    }

    @Test
    void eosManifoldCascadeStartsAtOneThenSqrtFiveMinusOne() {
        DoublingCascade.Result r = DoublingCascade.locate(new EosManifoldMap(0.5), new double[] {0.1}, 0.5, 1.99, 64);
        List<DoublingCascade.Doubling> d = r.doublings();
        assertThat(d.get(0).parameter()).isCloseTo(1, within(1e-12));
        assertThat(d.get(1).parameter()).isCloseTo(Math.sqrt(5) - 1, within(1e-9));
        assertThat(d.get(1).parameter()).isCloseTo(org.sharpscope.uv.UvTheory.PERIOD_FOUR_ONSET, within(1e-9));
        assertThat(d.get(2).parameter()).isCloseTo(org.sharpscope.uv.UvTheory.PERIOD_EIGHT_ONSET, within(1e-9));
        assertThat(d).hasSize(6);
        double lastRatio = r.feigenbaumRatios().get(r.feigenbaumRatios().size() - 1);
        assertThat(Math.abs(lastRatio - FEIGENBAUM_DELTA) / FEIGENBAUM_DELTA).isLessThan(0.01);
        assertThat(r.accumulation()).isBetween(d.get(d.size() - 1).parameter(), 2.0);
        assertThat(r.accumulation()).isCloseTo(org.sharpscope.uv.UvTheory.ACCUMULATION_POINT, within(1e-9));
    }

    @Test
    void fullUvMapDoublesToPeriodFourAtSqrtFiveMinusOne() {
        // The 2-D map's minima form a line (not isolated), so start on the isolated period-2 orbit.
        DoublingCascade.Result r = DoublingCascade.locate(new UvDimensionlessMap(1.1), new double[] {0.2, 2.6}, 1.1, 1.3, 4);
        assertThat(r.doublings()).hasSize(1);
        assertThat(r.doublings().get(0).periodBefore()).isEqualTo(2);
        assertThat(r.doublings().get(0).parameter()).isCloseTo(Math.sqrt(5) - 1, within(1e-9));
    }
}
