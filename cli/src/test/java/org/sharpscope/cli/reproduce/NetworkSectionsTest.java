package org.sharpscope.cli.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkSectionsTest {
    @TempDir
    Path tmp;

    @Test
    void lateEosSharpnessIsTheMedianFromTheEntryStepOn() throws Exception {
        Files.writeString(tmp.resolve("metrics.csv"), "step,loss,sharpness\n0,1,5\n10,1,9\n20,1,2.0\n30,1,2.2\n40,1,2.1\n50,1,NaN\n");
        Map<String, Object> summary = new HashMap<>();
        summary.put("eos_entered_at", 20);
        assertThat(NetworkSections.lateEosSharpness(tmp, summary)).isEqualTo(2.1);
        summary.put("eos_entered_at", null);
        // Never entered: the last half of the run (steps ≥ 25).
        assertThat(NetworkSections.lateEosSharpness(tmp, summary)).isCloseTo(2.15, org.assertj.core.api.Assertions.within(1e-12));
    }
}
