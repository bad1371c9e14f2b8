package org.sharpscope.study.nn;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sharpscope.UserInputException;
import org.sharpscope.regime.LateState;
import org.sharpscope.run.Json;
import org.sharpscope.run.RunDirectory;

/**
 * What {@code critical-eta} found, written as its summary.json: the critical learning rate η_c
 * (the geometric middle of the final bracket) and c_c = η_c λ₀, λ₀ (the initial sharpness, the same
 * in every run of the search), the search variable ({@code eta} or {@code c}), the final bracket
 * [{@code etaLow}, {@code etaHigh}] (also in c) with the late states at its ends, whether the
 * bracket was found and narrowed to {@code relTol}, the search settings and every run tried,
 * in the order run. η_c and the brackets are null when no bracket was found; {@code note} then
 * says which way to look.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CriticalEtaSummary(Double etaC, Double cC, double lambda0, String variable, Double etaLow, Double etaHigh,
                                 Double cLow, Double cHigh, LateState lowState, LateState highState, boolean bracketed,
                                 boolean reachedTolerance, double relTol, double factor, int steps, int runs,
                                 List<Run> tries, String note) {
    /**
     * One training run of the search: its learning rate (η and c), whether it {@code converges}
     * (late state converged and a late loss that does not rise, see {@link CriticalEtaTask}), its
     * regime fields, the median late sharpness λ^H (last quarter of the steps) and η·λ^H/2 of it
     * (1 at the stability threshold), the loss at its last probe and its directory (relative to
     * the search's).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Run(double eta, double c, boolean converges, LateState lateState, int period, Long eosEnteredAt,
                      Long divergedAt, double lateSharpness, double lateEtaSharpnessHalf, double finalLoss, String dir) {}

    /** Reads the summary.json of the {@code critical-eta} run in {@code runDir}. */
    public static CriticalEtaSummary read(Path runDir) {
        Path file = runDir.resolve(RunDirectory.SUMMARY);
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(runDir + " holds no critical-eta run (no " + RunDirectory.SUMMARY
                    + "); give the --out of 'sharpscope critical-eta'");
        }
        try {
            return Json.JSON.readerFor(CriticalEtaSummary.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile());
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + " as a critical-eta summary: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }
}
