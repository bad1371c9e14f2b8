package org.sharpscope.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.report.HtmlReport;
import org.sharpscope.study.reproduce.Prediction;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.LinePlot;

public class HtmlReportTest {
    @TempDir
    Path tmp;

    @Test
    void predictionVerdictsUseTheStatedTolerance() {
        assertThat(new Prediction("x", 1.0, 1.0 + 1e-10, 1e-9, true, "t").verdict()).isEqualTo(Prediction.Verdict.AGREE);
        assertThat(new Prediction("x", 1.0, 1.0 + 1e-8, 1e-9, true, "t").verdict()).isEqualTo(Prediction.Verdict.DISAGREE);
        assertThat(new Prediction("x", 100.0, 100.5, 1.0, false, "t").verdict()).isEqualTo(Prediction.Verdict.AGREE);
        assertThat(new Prediction("x", 1.0, Double.NaN, 1.0, false, "t").verdict()).isEqualTo(Prediction.Verdict.DISAGREE);
    }

    @Test
    void rendersSectionsTablesAndInlineFiguresEscaped() {
        Path png = ChartFiles.save(new LinePlot("t", "x", "y").line("s", new double[] {0, 1}, new double[] {0, 1}).chart(),
                tmp, "fig");
        String html = new HtmlReport("A <report>")
                .section("one", "First & only")
                .paragraph("x < y")
                .table(Prediction.header(), List.of(new Prediction("q", 1, 1, 0.1, false, "s").row()))
                .figure(png, "a figure")
                .figure(tmp.resolve("missing.png"), "gone")
                .render();
        assertThat(html).contains("<title>A &lt;report&gt;</title>", "First &amp; only", "x &lt; y",
                "<td class=\"agree\">agree</td>", "data:image/png;base64,", "missing figure");
        assertThat(html).doesNotContain("src=\"http", "src=\"file");
    }

    @Test
    void rendersInHeadlessChromiumAndIsNotBlank() throws Exception {
        assumeTrue(HeadlessChromium.available() || System.getenv("CI") != null,
                "chromium not installed (CI installs it; apt-get install -y chromium)");
        Path png = ChartFiles.save(new LinePlot("sharpness", "step", "ηλ").line("s",
                new double[] {0, 1, 2, 3}, new double[] {1, 2, 1.5, 2}).chart(), tmp, "fig");
        Path html = tmp.resolve("report.html");
        Files.writeString(html, new HtmlReport("Render check").section("s", "Section").figure(png, "fig").render());

        String dom = HeadlessChromium.dumpDom(html, tmp);
        assertThat(dom).contains("Render check").contains("<img");

        Path shot = tmp.resolve("shot.png");
        assertThat(HeadlessChromium.screenshot(html, shot, tmp)).isZero();
        assertThat(nonWhiteFraction(ImageIO.read(shot.toFile()))).isGreaterThan(0.005);
    }

    public static double nonWhiteFraction(BufferedImage img) {
        long nonWhite = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (r < 240 || g < 240 || b < 240) nonWhite++;
            }
        }
        return nonWhite / (double) (img.getWidth() * img.getHeight());
    }
}
