package org.sharpscope.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.SmallProblems;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.uv.LearningRate;

/**
 * A run measuring Lyapunov exponents, stopped after a checkpoint in the middle of the averaging
 * (tangent frames, pending loss map, Gauss–Newton warm start and batch sums all in flight) and
 * resumed, ends with metrics.csv (running-estimate columns included), summary.json and the final
 * checkpoint byte for byte equal to the uninterrupted run — for gd, sgd and momentum with
 * mini-batches. The stop is simulated as in TorchScriptNetworkTest: the later checkpoints and the
 * summary are deleted (what a kill leaves), then {@link Trainer#resume()}.
 */
class LyapunovResumeTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gd, 0", "sgd, 10", "momentum, 10"})
    void resumedRunIsBitForBitTheUninterruptedOne(String optimizer, int batch) throws Exception {
        TrainConfig cfg = new TrainConfig(TangentExponentsTest.SMALL, TangentExponentsTest.FORTY, Loss.MSE, Dtype.FLOAT64, 0,
                Optimizer.parse(optimizer), LearningRate.c(1.5), batch, 0.5, 60, 0, 5, 0, 20, 2, false, 1e-8, 500, 1, 2,
                20, 0);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        RunDirectory first = RunDirectory.create(a);
        first.writeConfig(Map.of("optimizer", optimizer)); // the caller's to write; reopen needs one
        TrainSummary whole = new Trainer(cfg, first, null).run();
        SmallProblems.copyTree(a, b);
        for (String f : List.of("checkpoints/step-00000060.safetensors", "checkpoints/step-00000040.safetensors", "summary.json")) {
            Files.delete(b.resolve(f));
        }
        new Trainer(cfg, RunDirectory.reopen(b), null).resume();
        for (String f : List.of("metrics.csv", "summary.json", "checkpoints/step-00000060.safetensors",
                "checkpoints/step-00000040.safetensors")) {
            if (f.endsWith(".safetensors")) assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
            else assertThat(Files.readString(b.resolve(f))).as(f).isEqualTo(Files.readString(a.resolve(f)));
        }
        LyapunovExponents l = whole.lyapunov();
        assertThat(l.averagedSteps()).isEqualTo(40);
        assertThat(l.weightSpace()).hasSize(2).doesNotContain(Double.NaN);
        assertThat(l.lossSpectrum()).hasSize(optimizer.equals("momentum") ? 4 : 2);
        // summary.json reads back, and the last metrics row's running estimates are the final ones
        // (weight space after the last step; the loss map of the last step completes after that row)
        assertThat(TrainSummary.read(a).lyapunov().weightSpace()).containsExactly(l.weightSpace());
        Probe last = MetricsLog.read(a).last();
        assertThat(last.lyapunov()).hasSize(3);
        assertThat(last.lyapunov()[0]).isCloseTo(l.weightSpace()[0], within(1e-12));
        assertThat(MetricsLog.read(a).probes().get(0).lyapunov()[0]).isNaN();
    }
}
