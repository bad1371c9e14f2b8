package org.sharpscope.report.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.nn.train.LyapunovExponents;
import org.sharpscope.study.sweep.BifurcationTails;
import org.sharpscope.study.sweep.BifurcationTails.CellTail;
import org.sharpscope.study.sweep.PeriodRule;
import org.sharpscope.study.sweep.SweepCollection;
import org.sharpscope.uv.UvTheory;

/**
 * The sweep's bifurcation diagram in the UV layout: cells of the logistic map at r = 2 + 2η
 * (η = 0.5·Y for Y = η/η_c from 0.8 to 1.9, ηλ = 1 + x with noise 2·10⁻⁴ on λ), periods by the
 * clusters rule, the map's exponent beneath. Checked on the pixels: the lower panel exists only
 * with exponents, the UV doublings are dashed lines at their columns only on an η/η_c axis, and
 * each detected period's colour is drawn.
 */
class BifurcationPlotTest {
    static SweepCollection.Bifurcation bifurcation(String axis, boolean exponents) {
        BifurcationTails.Detection detection = new BifurcationTails.Detection(PeriodRule.CLUSTERS, 16, 1e-3, 2);
        List<CellTail> tails = new ArrayList<>();
        java.util.Random rng = new java.util.Random(3);
        for (int i = 0; i <= 22; i++) {
            double y = 0.8 + 0.05 * i;
            double eta = 0.5 * y;
            double r = 2 + 2 * eta;
            double x = 0.3;
            double sum = 0;
            for (int t = 0; t < 4000; t++) {
                if (t >= 2000) sum += Math.log(Math.abs(r * (1 - 2 * x)));
                x = r * x * (1 - x);
            }
            double[] s = new double[64];
            for (int t = 0; t < 64; t++) {
                x = r * x * (1 - x);
                s[t] = (1 + x) / eta + 2e-4 * rng.nextGaussian(); // ηλ = 1 + x, between 1 and 2
            }
            double exponent = sum / 2000;
            LyapunovExponents l = exponents ? new LyapunovExponents(2000, 2000, new double[] {Math.max(0, exponent)},
                    new double[] {0.02}, exponent, 0.05, new double[] {exponent}, new double[] {0.05}, 1, 0, 0, 0) : null;
            tails.add(new CellTail("cell-" + i, axis.equals("eta") ? eta : y, null, s, detection.rule().period(s, 16, 1e-3, 2),
                    false, eta, true, "eos", l));
        }
        tails.add(new CellTail("cell-23", axis.equals("eta") ? 1.0 : 2.0, null, new double[0], 0, true, 1.0, true, "diverged", null));
        return new SweepCollection.Bifurcation(axis, tails, detection, null);
    }

    @Test
    void drawsTheUvLayoutWithExponentsAndTheUvDoublingsOnAnEtaOverEtacAxis(@TempDir Path tmp) throws Exception {
        SweepCollection.Bifurcation b = bifurcation("eta-over-etac", true);
        assertThat(b.tails()).extracting(CellTail::period).contains(1, 2, 4, 0);
        Path png = BifurcationPlot.save(b, tmp);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getHeight()).isEqualTo(815);
        // x range: 0.8 … 2.0 padded by 3%: the doublings' columns in the upper panel (95 + 975·(x − lo)/(hi − lo))
        double lo = 0.8 - 0.036;
        double hi = 2.0 + 0.036;
        for (double marker : new double[] {UvTheory.PERIOD_FOUR_ONSET, UvTheory.PERIOD_EIGHT_ONSET}) {
            int col = (int) Math.floor(95 + 975 * (marker - lo) / (hi - lo));
            assertThat(greyRows(img, col, 40, 520) + greyRows(img, col + 1, 40, 520)).as("marker at %s", marker).isGreaterThan(150);
        }
        assertThat(count(img, 0xE67814, 40, 520)).as("period 2 points").isPositive();
        assertThat(count(img, 0xC82828, 575, 755)).as("largest exponent, lower panel").isPositive();

        BufferedImage plain = BifurcationPlot.render(bifurcation("eta", false));
        assertThat(plain.getHeight()).isEqualTo(580);
        int col = (int) Math.floor(95 + 975 * (0.5 * UvTheory.PERIOD_FOUR_ONSET - (0.4 - 0.018)) / (1.0 - 0.4 + 0.036));
        assertThat(greyRows(plain, col, 40, 520) + greyRows(plain, col + 1, 40, 520)).as("no doubling marks on an η axis").isLessThan(100);
    }

    /** Pixels of the dashed marker grey (110, 110, 110, antialiased within ±40) in column {@code x}, rows [y0, y1). */
    static int greyRows(BufferedImage img, int x, int y0, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            int rgb = img.getRGB(x, y) & 0xFFFFFF;
            int r = rgb >> 16 & 0xFF;
            int g = rgb >> 8 & 0xFF;
            int b = rgb & 0xFF;
            if (Math.abs(r - g) < 6 && Math.abs(g - b) < 6 && r > 70 && r < 200) n++;
        }
        return n;
    }

    static int count(BufferedImage img, int rgb, int y0, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) n++;
        return n;
    }
}
