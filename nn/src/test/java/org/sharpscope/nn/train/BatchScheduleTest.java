package org.sharpscope.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchScheduleTest {
    /** Every epoch visits each example exactly once; a fresh schedule reproduces any step's batch. */
    @Test
    void epochsArePartitionsAndStepsAreReproducible() {
        BatchSchedule s = new BatchSchedule(23, 5, 7);
        assertThat(s.batchesPerEpoch()).isEqualTo(5);
        for (int epoch = 0; epoch < 3; epoch++) {
            List<Integer> seen = new ArrayList<>();
            for (int b = 0; b < 5; b++) for (int i : s.batch(epoch * 5 + b)) seen.add(i);
            assertThat(seen).hasSize(23).doesNotHaveDuplicates().allMatch(i -> i >= 0 && i < 23);
        }
        assertThat(s.batch(0)).isNotEqualTo(s.batch(5)); // epochs are reshuffled
        BatchSchedule again = new BatchSchedule(23, 5, 7);
        assertThat(again.batch(12)).isEqualTo(s.batch(12));
        assertThat(new BatchSchedule(23, 5, 8).epochOrder(0)).isNotEqualTo(s.epochOrder(0));
    }
}
