package org.sharpscope.cli.uv;

import java.util.List;
import org.sharpscope.study.Task;
import org.sharpscope.study.uv.FixedPointsSpec;
import org.sharpscope.study.uv.FixedPointsSummary;
import org.sharpscope.study.uv.FixedPointsTask;
import org.sharpscope.study.uv.MapKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sharpscope uv fixed-points}: the options of {@link FixedPointsSpec}, run by {@link FixedPointsTask}. */
@Command(name = "fixed-points", mixinStandardHelpOptions = true,
        description = {"Fixed points, lines of fixed points and short periodic orbits at one η/η_c, with stability.",
                "Found by Newton from a grid of seeds in a box, each with its multipliers and stability "
                + "(stable, saddle, unstable, flip, marginal); the line of minima Δf = 0 is reported as a line.",
                "Coordinates are dimensionless: x = η√κ·Δf, eta_lambda = ηλ (y > 0)."})
public final class UvFixedPointsCommand extends DynamicsCommand<FixedPointsSpec, FixedPointsSummary> {
    @Option(names = "--eta-over-etac", required = true, paramLabel = "Y", description = "Learning rate over the critical one, Y = η/η_c (> 0).")
    Double etaOverEtac;

    @Option(names = "--max-period", paramLabel = "P", description = "Longest period sought, 1..32 (default 2).")
    Integer maxPeriod;

    @Option(names = "--map", paramLabel = "MAP",
            description = "full (the 2-D map on (x, ηλ)) or manifold (the 1-D cubic on Q = 0). Default full.")
    MapKind map;

    @Option(names = "--box", split = ",", paramLabel = "LO,HI[,LLO,LHI]",
            description = "Search box: x range, and for the full map ηλ range. Default -3,3,-1,5+2Y (manifold: -2.5,2.5).")
    double[] box;

    @Option(names = "--seeds", paramLabel = "N", description = "Newton seeds per axis (default 40).")
    Integer seeds;

    @Override
    Task<FixedPointsSpec, FixedPointsSummary> task() {
        return new FixedPointsTask();
    }

    @Override
    List<String> describe(FixedPointsSpec settings, FixedPointsSummary summary) {
        return summary.describe();
    }
}
