package org.sharpscope.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.cli.Sharpscope;

/**
 * c_loss and c_sharp of a real UV sweep against the first GD step written out by hand from
 * docs/theory.md §2–3. With f₀ = 0 (a zero output) the first step is Δf₁ = −y(1 − ηλ₀) and
 * λ₁ = λ₀ + η²κλ₀y², so with one early row the loss rises exactly when ηλ₀ > 2.
 */
class CriticalConstantsSweepTest {
    static final double KAPPA = 0.01;
    static final double LAMBDA0 = 1.0;
    static final double Y = 1.0;
    static final double[] ETAS = {1.0, 1.6, 1.9, 2.1, 2.5, 3.0};

    @TempDir
    Path tmp;

    static double sharpness(double lambda, double df) {
        return Math.max(0.5 * (lambda + Math.sqrt(lambda * lambda + 4 * KAPPA * df * (3 * df + 2 * Y))), Math.sqrt(KAPPA) * Math.abs(df));
    }

    @Test
    void criticalConstantsMatchTheFirstStepByHand() throws Exception {
        Path spec = tmp.resolve("crit.yaml");
        Files.writeString(spec, """
                command: uv run
                base: {engine: function, kappa: %s, lambda0: %s, f0: 0.0, target: %s, steps: 100}
                axes:
                  eta: [1.0, 1.6, 1.9, 2.1, 2.5, 3.0]
                """.formatted(KAPPA, LAMBDA0, Y));
        Path dir = tmp.resolve("sweep");
        assertThat(Sharpscope.execute("sweep", "run", spec.toString(), "--out", dir.toString(), "--workers", "2")).isZero();
        assertThat(Sharpscope.execute("sweep", "collect", dir.toString(), "--early-rows", "1")).isZero();

        double cLoss = Double.NaN;
        double cSharp = Double.NaN;
        double s0 = sharpness(LAMBDA0, -Y);
        for (double eta : ETAS) {
            double c = eta * s0; // c = ηλ₀^H
            double df1 = -Y * (1 - eta * LAMBDA0);
            double lambda1 = LAMBDA0 + eta * eta * KAPPA * LAMBDA0 * Y * Y;
            if (Double.isNaN(cLoss) && df1 * df1 > Y * Y) cLoss = c;
            if (Double.isNaN(cSharp) && sharpness(lambda1, df1) > s0) cSharp = c;
        }
        List<String> rows = Files.readAllLines(dir.resolve("critical-constants.csv"));
        assertThat(rows.get(0)).isEqualTo("group,seed,c_loss,c_sharp,c_max");
        String[] r = rows.get(1).split(",", -1);
        assertThat(Double.parseDouble(r[2])).isCloseTo(cLoss, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Double.parseDouble(r[3])).isCloseTo(cSharp, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(cLoss).isCloseTo(2.1 * s0, org.assertj.core.data.Offset.offset(1e-12));

        // c_max: the largest c whose run did not diverge, read off results.csv.
        List<String> res = Files.readAllLines(dir.resolve("results.csv"));
        List<String> header = List.of(res.get(0).split(","));
        double cMax = Double.NaN;
        for (String line : res.subList(1, res.size())) {
            String[] f = line.split(",", -1);
            if (!f[header.indexOf("late_state")].equals("diverged")) cMax = Double.parseDouble(f[header.indexOf("c")]);
        }
        assertThat(Double.parseDouble(r[4])).isEqualTo(cMax);
    }
}
