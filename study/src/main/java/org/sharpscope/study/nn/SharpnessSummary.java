package org.sharpscope.study.nn;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.sharpscope.UserInputException;
import org.sharpscope.run.Json;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.spectral.EigenMethod;

/**
 * What {@code sharpness} found, written as summary.json and printed by {@code --json}: the top
 * eigenvalues and their residuals, the products and seconds the solve took, the loss at the
 * weights and the loss and accuracy of held-out examples (absent without them), whether every eigenvalue converged, each one's multiplicity and whether the check for
 * further copies completed (its products are part of {@code products}), the Hutchinson trace estimate with its standard error and products (absent without
 * {@code --trace}), the operator and method, the examples and parameters, and the network
 * settings ({@code config}, the keys of a checkpoint's run manifest).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SharpnessSummary(double[] eigenvalues, long products, double seconds, double[] residuals, double loss,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Double testLoss,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Double testAccuracy, boolean converged,
                               int[] multiplicity, boolean[] multiplicityChecked, long checkProducts,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Double trace,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Double traceStandardError,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Long traceProducts,
                               CurvatureOperator operator, EigenMethod method, int examples, long parameters,
                               Map<String, Object> config) {

    /** Reads the summary.json of the sharpness run in {@code runDir}. */
    public static SharpnessSummary read(Path runDir) {
        Path file = runDir.resolve(RunDirectory.SUMMARY);
        try {
            return Json.JSON.readValue(file.toFile(), SharpnessSummary.class);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + " as a sharpness summary: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
