package org.sharpscope.study.spectral;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Path;
import org.sharpscope.UserInputException;
import org.sharpscope.run.Json;

/**
 * What {@code spectrum} found, written as spectrum.json (and summary.json) and printed by
 * {@code --json}: the matrix and its dimension, the eigenproblem asked ({@code which} is "top" or
 * "bottom"), the eigenvalues with their residuals, the products used and whether the solver
 * converged within its budget; each eigenvalue's multiplicity (copies found within
 * {@code multiplicityTolerance}) and whether the check that searched for more copies completed,
 * with its products (part of {@code products}); the Hutch++ trace and the SLQ density when asked (absent otherwise).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpectrumSummary(String matrix, int dimension, EigenMethod method, String which, int k, double tol,
                              long seed, double[] eigenvalues, double[] residuals, long products, boolean converged,
                              int[] multiplicity, boolean[] multiplicityChecked, double multiplicityTolerance,
                              long checkProducts, Trace trace, Density density) {

    /** A Hutch++ trace estimate. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Trace(String estimator, double value, double standardError, long products) {}

    /** The SLQ spectral density {@code density} on {@code grid}, broadened by {@code sigma}; {@code steps} is per probe. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Density(String method, int probes, int steps, double sigma, long products, double trace,
                          double[] grid, double[] density) {}

    /** Reads spectrum.json from the run directory {@code runDir}. */
    public static SpectrumSummary read(Path runDir) {
        Path file = runDir.resolve(SpectrumTask.SPECTRUM);
        try {
            return Json.JSON.readValue(file.toFile(), SpectrumSummary.class);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
