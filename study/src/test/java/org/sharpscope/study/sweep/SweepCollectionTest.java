package org.sharpscope.study.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.UserInputException;
import org.sharpscope.regime.EarlyTrend;
import org.sharpscope.regime.LateState;
import org.sharpscope.run.Json;
import org.sharpscope.study.Progress;
import org.sharpscope.study.RegimeFields;

/**
 * Collecting a sweep of logistic-map cells, whose late states are known in closed form: r = 2.8
 * converges, 3.2 has period 2, 3.5 period 4, 3.9 is chaotic and 4.5 diverges; r = 0 is refused
 * by the task (a failed cell).
 */
class SweepCollectionTest {
    static final String SPEC = """
            command: logistic
            axes:
              r: [2.8, 3.2, 3.5, 3.9, 4.5, 0.0]
              x0: [0.3, 0.6]
            """;

    @TempDir
    static Path tmp;
    static SweepDirectory dir;
    static SweepCollection collected;

    @BeforeAll
    static void runSweep() {
        SweepPlan plan = SweepPlan.of(SweepSpec.parse(SPEC, "spec"), LogisticTask::lookup);
        dir = SweepDirectory.prepare(tmp.resolve("sweep"), plan, SPEC, false, false);
        new LocalRunner(2, Progress.NONE).run(dir, plan.task(), dir.pending(plan));
        collected = SweepCollection.collect(dir, new CollectSettings(null, null, null, "x0", null, null, 8, null, null));
    }

    @Test
    void resultsHoldEverySummaryFieldOfEachCell() throws Exception {
        List<String> lines = Files.readAllLines(dir.root().resolve(SweepCollection.RESULTS));
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).isEqualTo("r,x0,seed,status,error,eta,c,lambda0,early_trend,catapult,late_state,period,"
                + "diverged_at,sharpness_final,threads");
        assertThat(lines.get(3)).startsWith("3.2,0.3,,finished,,1.6,3.2,2.0,progressive_sharpening,false,eos,2,,");
        assertThat(lines.get(11)).isEqualTo("0.0,0.3,,failed,\"error: --r must be > 0, got 0.0\",,,,,,,,,,");
    }

    @Test
    void regimeFieldsAreReadTypedFromEachSummary() {
        SweepResults.Row row = collected.results().rows().get(2); // r = 3.2, x0 = 0.3
        RegimeFields f = row.regime();
        assertThat(f.lateState()).isEqualTo(LateState.EOS);
        assertThat(f.period()).isEqualTo(2);
        assertThat(f.earlyTrend()).isEqualTo(EarlyTrend.PROGRESSIVE_SHARPENING);
        assertThat(f.eta()).isEqualTo(1.6);
        assertThat(f.c()).isEqualTo(3.2);
        assertThat(f.lambda0()).isEqualTo(2.0);
        assertThat(f.catapult()).isFalse();
        assertThat(f.divergedAt()).isNull();
        assertThat(collected.results().rows().get(8).regime().diverged()).isTrue();
        assertThat(collected.results().rows().get(10).regime()).isEqualTo(RegimeFields.NONE); // failed: no summary
    }

    @Test
    void regimeFieldsIgnoreOtherKeysAndUnknownValues() throws Exception {
        RegimeFields f = RegimeFields.of(Json.JSON.readTree(
                "{\"engine\": \"function\", \"late_state\": \"wobbly\", \"early_trend\": \"flat\", \"eta\": 0.5, \"c\": null,"
                        + " \"late_sharpness_orbit\": [1.0, 2.0], \"diverged_at\": 12}"));
        assertThat(f).isEqualTo(new RegimeFields(EarlyTrend.FLAT, null, null, null, 12L, 0.5, null, null));
        assertThat(RegimeFields.of(Json.JSON.readTree("[1, 2]"))).isEqualTo(RegimeFields.NONE);
    }

    @Test
    void thePhaseDiagramLabelsEachPointWithItsLateStateAndPeriod() throws Exception {
        SweepCollection.Phase phase = collected.phase();
        assertThat(phase.xAxis()).isEqualTo("r");
        assertThat(phase.yAxis()).isEqualTo("x0");
        assertThat(phase.field()).isEqualTo("late_state");
        List<String> csv = Files.readAllLines(dir.root().resolve("phase-diagram.csv"));
        assertThat(csv).containsExactly("r,x0,label,votes,cells",
                "2.8,0.3,converged,1,1", "2.8,0.6,converged,1,1",
                "3.2,0.3,eos p=2,1,1", "3.2,0.6,eos p=2,1,1",
                "3.5,0.3,eos p=4,1,1", "3.5,0.6,eos p=4,1,1",
                "3.9,0.3,chaotic,1,1", "3.9,0.6,chaotic,1,1",
                "4.5,0.3,diverged,1,1", "4.5,0.6,diverged,1,1",
                "0.0,0.3,failed,1,1", "0.0,0.6,failed,1,1");
    }

    @Test
    void theBifurcationTailsAreTheLastSamplesAgainstTheSummarysEta() throws Exception {
        SweepCollection.Bifurcation b = collected.bifurcation();
        assertThat(b.axis()).isEqualTo("eta"); // r is swept, η = r/2 comes from each summary
        Map<Double, Integer> periods = new java.util.TreeMap<>();
        for (BifurcationTails.CellTail t : b.tails()) {
            periods.put(t.x(), t.period());
            assertThat(t.sharpness()).hasSize(t.diverged() ? 0 : 8);
        }
        assertThat(periods).containsExactly(Map.entry(1.4, 1), Map.entry(1.6, 2), Map.entry(1.75, 4), Map.entry(1.95, 0),
                Map.entry(2.25, 0));
        List<String> samples = Files.readAllLines(dir.root().resolve("bifurcation.csv"));
        assertThat(samples).hasSize(1 + 8 * 8);
        assertThat(Files.readAllLines(dir.root().resolve("bifurcation-periods.csv"))).hasSize(1 + 10)
                .contains("2.25,cell-0008,,0,true,diverged,true,,,,,");
    }

    @Test
    void criticalConstantsComeFromTheSummarysCAndLateState() throws Exception {
        // Early rows: the map's first steps from x0 = 0.3 or 0.6 raise x (and x²) for every r ≥ 2.8.
        assertThat(Files.readAllLines(dir.root().resolve("critical-constants.csv")))
                .containsExactly("x0,seed,c_loss,c_sharp,c_max", "0.3,,2.8,2.8,3.9", "0.6,,2.8,2.8,3.9");
        assertThat(collected.critical().group()).isEqualTo("x0");
    }

    @Test
    void collectSettingsAreCheckedWithTheFlagsNames() {
        assertThatThrownBy(() -> new CollectSettings(null, null, null, null, 0, null, null, null, null))
                .isInstanceOf(UserInputException.class).hasMessage("--early-rows must be >= 1, got 0");
        assertThatThrownBy(() -> new CollectSettings(null, null, null, null, null, null, 1, null, null))
                .hasMessage("--tail must be >= 2, got 1");
        assertThatThrownBy(() -> SweepCollection.collect(dir, new CollectSettings("nope", null, null, null, null, null, null, null, null)))
                .hasMessage("'nope' is not an axis of this sweep; its axes are [r, x0]");
        assertThat(CollectSettings.defaults().regime()).isEqualTo("late_state");
    }
}
