package org.sharpscope.study.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.run.CsvTable;

/** The route-to-chaos rows judged from a sweep's periods table, on tables written by hand. */
class NetworkChaosSectionTest {
    @TempDir
    Path tmp;

    /** x, period, diverged, loss exponent, its error. */
    private List<Prediction> judge(double[][] cells) throws Exception {
        String name = "net/" + NetworkChaosSection.BIFURCATION_RUN;
        Path sweep = tmp.resolve(Layout.NETWORK_CHAOS).resolve(name);
        Files.createDirectories(sweep);
        CsvTable t = new CsvTable(List.of("eta-over-etac", "cell", "seed", "period", "diverged", "late_state", "dense_tail",
                "lyapunov_largest", "lyapunov_largest_error", "lyapunov_loss", "lyapunov_loss_error"));
        for (double[] c : cells) {
            t.add(c[0], "cell", 0, (int) c[1], c[2] > 0, "eos", true, 0.0, 0.0, c[2] > 0 ? "" : c[3], c[2] > 0 ? "" : c[4]);
        }
        Files.writeString(sweep.resolve("bifurcation-periods.csv"), t.toCsv());
        ReproduceIndex index = new ReproduceIndex("standard", "v", "c", "s", "f", 1, List.of(),
                List.of(new ReproduceIndex.Run(Layout.NETWORK_CHAOS, name, Layout.NETWORK_CHAOS + "/" + name,
                        Map.of("sweep", true))), List.of());
        return NetworkChaosSection.predictions(tmp, index);
    }

    @Test
    void theUvRouteAgreesOnEveryRow() throws Exception {
        List<Prediction> p = judge(new double[][] {
                {0.9, 1, 0, -0.5, 0.01}, {1.05, 2, 0, -0.2, 0.01}, {1.15, 2, 0, -0.1, 0.01}, {1.2, 2, 0, -0.01, 0.01},
                {1.25, 4, 0, -0.01, 0.01}, {1.3, 0, 0, 0.05, 0.01}, {1.5, 0, 0, 0.3, 0.02}, {2.1, 0, 1, 0, 0}});
        assertThat(p).hasSize(3);
        assertThat(p).allSatisfy(x -> assertThat(x.verdict()).as(x.row().toString()).isEqualTo(Prediction.Verdict.AGREE));
        assertThat(p.get(1).measured()).isEqualTo(1.25);
        assertThat(p.get(2).measured()).isEqualTo(1.3);
    }

    @Test
    void aNetworkThatLeavesTheRouteDisagrees() throws Exception {
        // period 2 up to divergence, one period-2 cell with a significantly positive exponent
        List<Prediction> p = judge(new double[][] {
                {0.9, 1, 0, -0.5, 0.01}, {1.1, 2, 0, -0.2, 0.01}, {1.2, 2, 0, -0.05, 0.01}, {1.25, 2, 0, 0.1, 0.01},
                {1.3, 2, 0, -0.01, 0.01}, {1.4, 2, 0, -0.01, 0.01}, {1.6, 0, 1, 0, 0}});
        assertThat(p).extracting(Prediction::verdict).containsExactly(Prediction.Verdict.DISAGREE,
                Prediction.Verdict.DISAGREE, Prediction.Verdict.DISAGREE);
        assertThat(p.get(0).measured()).isEqualTo(1);
        assertThat(p.get(1).measured()).isNaN();
        assertThat(p.get(1).source()).contains("no cell of period 4");
        assertThat(p.get(2).measured()).isEqualTo(1.25); // the positive period-2 cell is the onset
    }

    @Test
    void aCoarseGridOrAnEarlyDivergenceLeavesRowsUntested() throws Exception {
        List<Prediction> coarse = judge(new double[][] {{0.9, 1, 0, -0.5, 0.01}, {1.15, 2, 0, -0.1, 0.01},
                {1.6, 2, 0, -0.05, 0.01}, {2.2, 0, 0, 0.2, 0.01}});
        assertThat(coarse).extracting(Prediction::verdict).containsExactly(Prediction.Verdict.AGREE,
                Prediction.Verdict.UNTESTED, Prediction.Verdict.UNTESTED);
        assertThat(coarse.get(1).untestedReason()).contains("no cell within");

        List<Prediction> diverged = judge(new double[][] {{0.9, 1, 0, -0.5, 0.01}, {1.0, 1, 0, -0.1, 0.01},
                {1.1, 1, 0, -0.1, 0.01}, {1.2, 0, 1, 0, 0}, {1.25, 0, 1, 0, 0}, {1.3, 0, 1, 0, 0}});
        assertThat(diverged).extracting(Prediction::verdict).containsOnly(Prediction.Verdict.UNTESTED);
        assertThat(diverged.get(0).untestedReason()).contains("no cell settled on period 2");
    }
}
