package org.sharpscope.uv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** docs/theory.md §7: for 1 &lt; Y &lt; 2 every bounded trajectory collapses onto the balanced curve Q = 0. */
class EosCollapseTest {
    @Test
    void randomStartsCollapseOntoQZero() {
        Random rnd = new Random(7);
        int bounded = 0;
        int trials = 400;
        for (int t = 0; t < trials; t++) {
            double bigY = 1 + 1e-3 + 0.998 * rnd.nextDouble();
            UvDimensionlessMap m = new UvDimensionlessMap(bigY);
            double x = -0.5 + rnd.nextDouble();
            double l = 2 * Math.abs(x + bigY) + rnd.nextDouble() * 0.5; // admissible: Q ≥ 0
            double[] s = {x, l};
            boolean ok = true;
            for (int i = 0; i < 20_000 && ok; i++) {
                m.step(s, s);
                ok = Math.abs(s[0]) < 1e6 && Math.abs(s[1]) < 1e6;
            }
            if (!ok) continue;
            bounded++;
            assertThat(Math.abs(m.q(s)) / (s[1] * s[1])).as("Y=%s start (%s, %s)", bigY, x, l).isLessThan(1e-8);
            assertThat(s[0] + bigY).isPositive(); // on the f/y > 0 branch
        }
        assertThat(bounded).isGreaterThan(trials / 2);
    }
}
