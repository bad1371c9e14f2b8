package org.sharpscope.nn.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Path;
import org.sharpscope.UserInputException;
import org.sharpscope.regime.EarlyTrend;
import org.sharpscope.regime.LateState;
import org.sharpscope.regime.Regime;
import org.sharpscope.run.Json;
import org.sharpscope.run.RunDirectory;

/**
 * What a training run found, written as its {@code summary.json} (at every checkpoint and at the
 * end): the regime fields in the shared vocabulary ({@link Regime}) and {@code regime} in words,
 * λ₀, η, c = ηλ₀, the stability threshold 2/η (2(1+β)/η with momentum), the EoS band and the
 * step the run entered it (null when it never did), the last probe's step, loss, accuracy (NaN
 * for regression), loss and accuracy on the held-out examples (absent without them) and
 * sharpness, totals: probes, Hessian-vector products, parameters and examples, and the Lyapunov
 * exponents when the run measured them (absent otherwise).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainSummary(EarlyTrend earlyTrend, boolean catapult, Long catapultAt, LateState lateState, int period,
                           Long divergedAt, String regime, double lambda0, double eta, double c,
                           double stabilityThreshold, double eosBand, Long eosEnteredAt, int lastStep,
                           double finalLoss, double finalAccuracy,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Double finalTestLoss,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Double finalTestAccuracy,
                           double finalSharpness, int probes, long hvpsTotal, double hvpsPerProbe, long parameters,
                           int examples, @JsonInclude(JsonInclude.Include.NON_NULL) LyapunovExponents lyapunov) {

    /** The summary of regime {@code r} with the other figures; the held-out figures of {@code last} when {@code test}. */
    static TrainSummary of(Regime r, double lambda0, double eta, double c, double stabilityThreshold, double eosBand,
                           Long eosEnteredAt, Probe last, boolean test, int probes, long hvpsTotal, long parameters,
                           int examples, LyapunovExponents lyapunov) {
        return new TrainSummary(r.earlyTrend(), r.catapult(), r.catapultAt(), r.lateState(), r.period(), r.divergedAt(),
                r.describe(), lambda0, eta, c, stabilityThreshold, eosBand, eosEnteredAt, last.step(), last.loss(),
                last.accuracy(), test ? last.testLoss() : null, test ? last.testAccuracy() : null, last.top(), probes,
                hvpsTotal, hvpsTotal / (double) probes, parameters, examples, lyapunov);
    }

    /** Reads the summary.json of the training run in {@code runDir}. */
    public static TrainSummary read(Path runDir) {
        Path file = runDir.resolve(RunDirectory.SUMMARY);
        try {
            return Json.JSON.readValue(file.toFile(), TrainSummary.class);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + " as a train summary: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
