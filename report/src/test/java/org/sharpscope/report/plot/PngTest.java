package org.sharpscope.report.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What {@link Png} writes, ImageIO's decoder reads back pixel for pixel. */
class PngTest {
    static BufferedImage noise(int type, int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, type);
        SplittableRandom r = new SplittableRandom(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) img.setRGB(x, y, x < w / 2 ? r.nextInt() : 0xFFFFFFFF);
        }
        return img;
    }

    static void assertSamePixels(BufferedImage expected, BufferedImage actual, boolean alpha) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        assertThat(actual.getColorModel().hasAlpha()).isEqualTo(alpha);
        int mask = alpha ? 0xFFFFFFFF : 0x00FFFFFF;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertThat(actual.getRGB(x, y) & mask).as("(%d, %d)", x, y).isEqualTo(expected.getRGB(x, y) & mask);
            }
        }
    }

    static BufferedImage decoded(BufferedImage img) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(Png.encode(img)));
    }

    @Test
    void rgbImagesReadBackExactly() throws IOException {
        BufferedImage rgb = noise(BufferedImage.TYPE_INT_RGB, 37, 23, 1);
        assertSamePixels(rgb, decoded(rgb), false);
        BufferedImage bgr = noise(BufferedImage.TYPE_3BYTE_BGR, 19, 41, 2);
        assertSamePixels(bgr, decoded(bgr), false);
        BufferedImage part = rgb.getSubimage(5, 3, 20, 11);
        assertSamePixels(part, decoded(part), false);
    }

    @Test
    void alphaIsKept() throws IOException {
        BufferedImage argb = noise(BufferedImage.TYPE_INT_ARGB, 29, 17, 3);
        assertSamePixels(argb, decoded(argb), true);
    }

    @Test
    void aPlotReadsBackExactlyAndIsNoLargerThanImageIosFile() throws IOException {
        BufferedImage plot = OrbitDiagramPlot.render("t", new double[] {0, 1, 2}, new double[] {0, 1, 0.5, 2, 1, 3}, 2, "x", "y",
                new double[] {-1, 0, 1}, "z");
        assertSamePixels(plot, decoded(plot), false);
        java.io.ByteArrayOutputStream imageIo = new java.io.ByteArrayOutputStream();
        ImageIO.write(plot, "png", imageIo);
        assertThat(Png.encode(plot).length).isLessThanOrEqualTo(imageIo.size());
    }
}
