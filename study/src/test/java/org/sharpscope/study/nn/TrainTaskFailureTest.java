package org.sharpscope.study.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.run.Json;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.Progress;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Specs;

/**
 * A train run that dies says so in its manifest ("failed", not "running"), whether it was new or
 * resumed, and can still be resumed to the end. The failure is injected through the progress
 * reporter, which the trainer calls at its probes, so it strikes in the middle of the training loop.
 */
class TrainTaskFailureTest {
    /** Throws at the first progress report at or beyond {@code step}. */
    private static Progress failingAt(long step) {
        return new Progress() {
            @Override
            public void start(String name, long total) {}

            @Override
            public void update(long done, String message) {
                if (done >= step) throw new IllegalStateException("injected failure at step " + done);
            }

            @Override
            public void finish() {}
        };
    }

    private static String status(Path run) throws Exception {
        return Json.JSON.readTree(run.resolve(RunDirectory.MANIFEST).toFile()).path("status").asText();
    }

    @Test
    void aResumedRunThatDiesIsMarkedFailedAndResumesAgain(@TempDir Path tmp) throws Exception {
        Map<String, Object> m = CriticalEtaTaskTest.linear();
        m.put("steps", 60);
        m.put("checkpoint-every", 10);
        m.put("probe-every", 5);
        m.put("c", 0.5);
        TrainSpec spec = Specs.bind(TrainSpec.class, m, "test");
        Path run = tmp.resolve("run");

        assertThatThrownBy(() -> new TrainTask().run(spec, new RunContext(run, failingAt(25))))
                .hasMessageContaining("injected failure");
        assertThat(status(run)).isEqualTo("failed");

        // as a SIGKILLed run leaves it
        ObjectNode manifest = (ObjectNode) Json.JSON.readTree(run.resolve(RunDirectory.MANIFEST).toFile());
        manifest.put("status", "running");
        Files.writeString(run.resolve(RunDirectory.MANIFEST), Json.JSON.writeValueAsString(manifest));

        assertThatThrownBy(() -> new TrainTask().resume(run, new RunContext(run, failingAt(45))))
                .hasMessageContaining("injected failure at step 45");
        assertThat(status(run)).isEqualTo("failed");

        new TrainTask().resume(run, RunContext.quiet(run));
        assertThat(status(run)).isEqualTo("finished");
        assertThat(run.resolve(RunDirectory.SUMMARY)).isRegularFile();
    }
}
