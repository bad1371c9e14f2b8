package org.sharpscope.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

/** The matrix-free QR frame and the batch means it is averaged with, against closed forms and direct sums. */
class TangentFrameTest {
    /**
     * A constant map A = S·diag(2, −1.5, 0.5, 0.1)·S⁻¹ (S random, A not normal): the averaged logs of
     * a 3-vector frame are ln 2, ln 1.5, ln 0.5 up to the O(1/T) start-up term.
     */
    @Test
    void constantMapGivesTheLogsOfItsEigenvalueModuli() {
        Random r = new Random(3);
        SimpleMatrix s = new SimpleMatrix(4, 4);
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) s.set(i, j, r.nextGaussian());
        SimpleMatrix a = s.mult(SimpleMatrix.diag(2, -1.5, 0.5, 0.1)).mult(s.invert());
        TangentFrame f = TangentFrame.random(3, 4, 11);
        int steps = 20_000;
        double[] sums = new double[3];
        for (int t = 0; t < steps; t++) {
            double[][] images = new double[3][4];
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) images[k][i] += a.get(i, j) * f.vectors()[k][j];
            }
            double[] logs = f.advance(images);
            for (int k = 0; k < 3; k++) sums[k] += logs[k];
        }
        double[] expected = {Math.log(2), Math.log(1.5), Math.log(0.5)};
        for (int k = 0; k < 3; k++) assertThat(sums[k] / steps).isCloseTo(expected[k], within(2e-3));
        for (int k = 0; k < 3; k++) {
            for (int l = 0; l < 3; l++) {
                double dot = 0;
                for (int i = 0; i < 4; i++) dot += f.vectors()[k][i] * f.vectors()[l][i];
                assertThat(dot).isCloseTo(k == l ? 1 : 0, within(1e-14));
            }
        }
    }

    /** Carried along a Hénon orbit with its dense Jacobians, the frame gives the spectrum of {@link Lyapunov#spectrum}. */
    @Test
    void matchesTheDenseMethodOnHenon() {
        HenonMap map = new HenonMap(1.4);
        double[] x = {0.1, 0.1};
        for (int t = 0; t < 1000; t++) map.step(x, x);
        TangentFrame f = TangentFrame.identity(2, 2);
        double[] jac = new double[4];
        double[] sums = new double[2];
        int steps = 200_000;
        for (int t = 0; t < steps; t++) {
            map.jacobian(x, jac);
            double[][] images = new double[2][2];
            for (int k = 0; k < 2; k++) {
                for (int i = 0; i < 2; i++) images[k][i] = jac[2 * i] * f.vectors()[k][0] + jac[2 * i + 1] * f.vectors()[k][1];
            }
            double[] logs = f.advance(images);
            sums[0] += logs[0];
            sums[1] += logs[1];
            map.step(x, x);
        }
        double[] dense = Lyapunov.spectrum(map, new double[] {0.1, 0.1}, 1000, steps);
        assertThat(sums[0] / steps).isCloseTo(dense[0], within(1e-9));
        assertThat(sums[1] / steps).isCloseTo(dense[1], within(1e-9));
    }

    /** Mean and batch-means standard error equal the direct computation; a restored copy continues identically. */
    @Test
    void batchMeansAreTheDirectOnesAndRestoreExactly() {
        Random r = new Random(5);
        int length = BatchMeans.batchLength(1000, 16);
        assertThat(length).isEqualTo(62);
        BatchMeans m = new BatchMeans(2, length);
        double[] xs = new double[1000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = r.nextGaussian() + (i % 2 == 0 ? 1 : -1);
            m.add(new double[] {xs[i], 2 * xs[i]});
            if (i == 499) {
                BatchMeans copy = BatchMeans.restore(length, m.count(), m.rows());
                for (int j = 500; j < 1000; j++) {
                    double v = new Random(j).nextGaussian();
                    copy.add(new double[] {v, v});
                }
                BatchMeans again = BatchMeans.restore(length, 500, m.rows());
                for (int j = 500; j < 1000; j++) {
                    double v = new Random(j).nextGaussian();
                    again.add(new double[] {v, v});
                }
                assertThat(again.mean()).containsExactly(copy.mean());
                assertThat(again.standardError()).containsExactly(copy.standardError());
            }
        }
        double total = 0;
        for (double x : xs) total += x;
        assertThat(m.mean()[0]).isCloseTo(total / 1000, within(1e-14));
        int b = 1000 / length;
        double[] means = new double[b];
        for (int k = 0; k < b; k++) {
            for (int i = 0; i < length; i++) means[k] += xs[k * length + i] / length;
        }
        double grand = 0;
        for (double x : means) grand += x / b;
        double ss = 0;
        for (double x : means) ss += (x - grand) * (x - grand);
        double se = Math.sqrt(ss / (b * (b - 1.0)));
        assertThat(m.batches()).isEqualTo(b);
        assertThat(m.standardError()[0]).isCloseTo(se, within(1e-12));
        assertThat(m.standardError()[1]).isCloseTo(2 * se, within(1e-12));
        // An even batch length: the alternating ±1 adds nothing to the spread, so the error is that of the noise.
        assertThat(se).isBetween(0.5 / Math.sqrt(1000), 2 / Math.sqrt(1000));
    }
}
