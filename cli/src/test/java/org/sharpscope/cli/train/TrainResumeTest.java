package org.sharpscope.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.cli.Sharpscope;
import org.sharpscope.nn.train.Checkpoint;

/**
 * A training run killed mid-way (SIGKILL of a child JVM right after a checkpoint appeared) and
 * resumed with --resume ends with the same metrics.csv, summary.json and final checkpoint, byte for
 * byte, as a run never interrupted. Uses momentum with mini-batches and Lyapunov exponents (their
 * frames start at step 20, before the kill), so the momentum buffer, the batch order, the LOBPCG
 * warm-start vectors and the Lyapunov state must all survive the restart.
 */
class TrainResumeTest {
    @TempDir
    Path tmp;

    static final int STEPS = 300;

    static List<String> args(Path out) {
        return new ArrayList<>(List.of("train", "--out", out.toString(), "--model", "fcn", "--depth", "3", "--width", "32",
                "--activation", "tanh", "--output-scale", "0.1", "--dataset", "synthetic-mixture", "--subset", "100",
                "--dtype", "float64", "--synthetic-shape", "10", "--chunk", "0",
                "--optimizer", "momentum", "--momentum", "0.5", "--batch-size", "32", "--c", "0.3",
                "--steps", Integer.toString(STEPS), "--probe-every", "5", "--checkpoint-every", "30", "--top-k", "2",
                "--lyapunov", "2", "--lyapunov-transient", "40", "--threads", "1", "--progress=false"));
    }

    @Test
    void resumeAfterKillIsBitForBitIdentical() throws Exception {
        Path killed = tmp.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Sharpscope.class.getName()));
        cmd.addAll(args(killed));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        Path first = killed.resolve("checkpoints").resolve(Checkpoint.fileName(30));
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(first) && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(child.isAlive()).as("child must still be running when killed; log: %s",
                Files.exists(tmp.resolve("child.log")) ? Files.readString(tmp.resolve("child.log")) : "").isTrue();
        child.destroyForcibly().waitFor();
        Path last = Checkpoint.latest(killed.resolve("checkpoints"));
        assertThat(last.getFileName().toString()).isNotEqualTo(Checkpoint.fileName(STEPS));

        assertThat(Sharpscope.execute("train", "--resume", killed.toString(), "--progress=false")).isZero();

        Path whole = tmp.resolve("whole");
        assertThat(Sharpscope.execute(args(whole).toArray(new String[0]))).isZero();
        for (String f : List.of("metrics.csv", "summary.json", "config.yaml", "checkpoints/" + Checkpoint.fileName(STEPS))) {
            assertThat(Files.readAllBytes(killed.resolve(f))).as(f).isEqualTo(Files.readAllBytes(whole.resolve(f)));
        }
        assertThat(Files.readString(killed.resolve("manifest.json"))).contains("resumed_from_step");
        assertThat(Files.readString(killed.resolve("summary.json"))).contains("\"lyapunov\"");
    }
}
