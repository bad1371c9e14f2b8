package org.sharpscope.study.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.run.Json;
import org.sharpscope.study.reproduce.Prediction;

class NetworkSectionsTest {
    @TempDir
    Path tmp;

    @Test
    void lateSharpnessIsTheMedianOverTheLastQuarterOfTheSteps() throws Exception {
        // Steps 0..100; the last quarter is steps >= 75: 2.0, 2.4, 2.1 (NaN skipped) → median 2.1.
        Files.writeString(tmp.resolve("metrics.csv"),
                "step,loss,sharpness\n0,1,5\n10,1,9\n50,1,1.0\n70,1,7.0\n75,1,2.0\n80,1,2.4\n90,1,2.1\n100,1,NaN\n");
        assertThat(NetworkSections.lateSharpness(tmp)).isEqualTo(2.1);
    }

    @Test
    void aRunThatNeverEnteredTheEdgeOfStabilityLeavesTheRowUntested() throws Exception {
        Path run = tmp.resolve("6-networks/fcn-eos-c-1.0");
        Files.createDirectories(run);
        Files.writeString(run.resolve("metrics.csv"), "step,loss,sharpness\n0,1,1.0\n100,1,1.5\n");
        Json.writeJson(run.resolve("summary.json"), new java.util.LinkedHashMap<>(Map.of("c", 1.0,
                "stability_threshold", 2.0, "late_state", "converged")));
        ReproduceIndex index = new ReproduceIndex("quick", "v", "g", "t", "t", 1, List.of(),
                List.of(new ReproduceIndex.Run(Layout.NETWORKS, "fcn-eos-c-1.0", "6-networks/fcn-eos-c-1.0",
                        Map.of("late_state", "eos"))), List.of());
        List<Prediction> rows = NetworkSections.predictions(tmp, index);
        assertThat(rows).singleElement().satisfies(p -> {
            assertThat(p.verdict()).isEqualTo(Prediction.Verdict.UNTESTED);
            assertThat(p.untestedReason()).contains("never reached 2/η");
        });
    }
}
