package org.sharpscope.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sharpscope.nn.data.DatasetKind;

/** Probes: dense at the start, then consecutive pairs (t, t+1) every k steps, and the last step. */
class ProbeScheduleTest {
    @Test
    void probesComeInPairsAfterTheDenseStart() {
        TrainConfig cfg = TrainerTest.config(TrainerTest.fcn("tanh", 8, 1), TrainerTest.data(DatasetKind.SYNTHETIC_MIXTURE, 10),
                Optimizer.GD, 0.5, 0, 47, 10, 0);
        int[] probed = IntStream.rangeClosed(0, 47).filter(cfg::probeAt).toArray();
        assertThat(probed).containsExactly(0, 1, 2, 3, 4, 10, 11, 20, 21, 30, 31, 40, 41, 47);
    }
}
