package org.sharpscope.cli.uv;

import java.util.List;
import org.sharpscope.study.Task;
import org.sharpscope.study.uv.VectorFieldSpec;
import org.sharpscope.study.uv.VectorFieldSummary;
import org.sharpscope.study.uv.VectorFieldTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sharpscope uv vector-field}: the options of {@link VectorFieldSpec}, run by {@link VectorFieldTask}. */
@Command(name = "vector-field", mixinStandardHelpOptions = true,
        description = {"Vector field of GD function updates in the (Δf, λ) plane, with fixed points and trajectories.",
                "The field of one GD step in the (Δf, λ) plane (dimensionless: x = η√κΔf, ηλ) at one "
                + "η/η_c: arrows, the line of minima, the 2/η line, both nullclines, gradient-flow hyperbolas, "
                + "the balanced curve Q = 0, fixed points with their stability, and trajectories overlaid.",
                "The grey region (Q < 0) is unreachable by any weights."})
public final class UvVectorFieldCommand extends DynamicsCommand<VectorFieldSpec, VectorFieldSummary> {
    @Option(names = "--eta-over-etac", required = true, paramLabel = "Y", description = "η/η_c (> 0).")
    Double etaOverEtac;

    @Option(names = "--x-range", split = ",", paramLabel = "LO,HI", description = "Range of x = η√κΔf (default -1.5,1.5).")
    double[] xRange;

    @Option(names = "--lambda-range", split = ",", paramLabel = "LO,HI", description = "Range of ηλ (default 0,4+2Y).")
    double[] lambdaRange;

    @Option(names = "--grid", paramLabel = "N", description = "Arrows per axis (default 25).")
    Integer grid;

    @Option(names = "--trajectory", paramLabel = "X,L", split = ";",
            description = "Start (x, ηλ) of a trajectory to overlay; repeat for more. Default: two starts on either side of ηλ = 2.")
    List<String> trajectory;

    @Option(names = "--steps", paramLabel = "N", description = "Steps per trajectory (default 40).")
    Integer steps;

    @Override
    Task<VectorFieldSpec, VectorFieldSummary> task() {
        return new VectorFieldTask();
    }

    @Override
    List<String> describe(VectorFieldSpec settings, VectorFieldSummary summary) {
        return summary.describe();
    }
}
