package org.sharpscope.cli.uv;

import java.util.List;
import org.sharpscope.study.Task;
import org.sharpscope.study.uv.BifurcationSpec;
import org.sharpscope.study.uv.BifurcationSummary;
import org.sharpscope.study.uv.BifurcationTask;
import org.sharpscope.study.uv.MapKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sharpscope uv bifurcation}: the options of {@link BifurcationSpec}, run by {@link BifurcationTask}. */
@Command(name = "bifurcation", mixinStandardHelpOptions = true,
        description = {"Orbit (bifurcation) diagram of late-time ηλ and ηλ^H against η/η_c, with Lyapunov exponents and windows.",
                "For each η/η_c, iterate a transient, then record ηλ and ηλ^H. "
                + "Writes eta_over_etac.npy, orbit_eta_lambda.npy (points × record, float64, numpy.load reads them), "
                + "bifurcation.csv (period, Lyapunov exponent, ranges of ηλ and ηλ^H per value), a density plot "
                + "with the Lyapunov exponent below, and the periodic windows inside chaos; with --sharpness-orbits "
                + "also orbit_eta_lambda_h.npy and its density plot.",
                "--map manifold (default) iterates the exact 1-D map on Q = 0; --map full the 2-D map from (--x0, --lambda0)."})
public final class UvBifurcationCommand extends DynamicsCommand<BifurcationSpec, BifurcationSummary> {
    @Option(names = "--from", paramLabel = "Y", description = "First η/η_c (default 0.9).")
    Double from;

    @Option(names = "--to", paramLabel = "Y", description = "Last η/η_c (default 2.0).")
    Double to;

    @Option(names = "--points", paramLabel = "N", description = "Values of η/η_c (default 2000).")
    Integer points;

    @Option(names = "--transient", paramLabel = "T", description = "Steps discarded per value (default 10000).")
    Integer transientSteps;

    @Option(names = "--record", paramLabel = "R", description = "Steps recorded per value (default 1000).")
    Integer record;

    @Option(names = "--map", paramLabel = "MAP", description = "manifold or full (default manifold).")
    MapKind map;

    @Option(names = "--x0", paramLabel = "X", description = "Initial x = η√κΔf (default 0.1).")
    Double x0;

    @Option(names = "--lambda0", paramLabel = "L",
            description = "Initial ηλ for --map full, the same for every η/η_c (must satisfy ηλ ≥ 2|x0 + Y| over the range). "
                    + "Default: 2|x0 + Y| + --lambda0-offset, a start just off the balanced curve.")
    Double lambda0;

    @Option(names = "--lambda0-offset", paramLabel = "D",
            description = "For --map full without --lambda0: ηλ₀ = 2|x0 + Y| + D (default 0.1, ≥ 0).")
    Double lambda0Offset;

    @Option(names = "--max-period", paramLabel = "P", description = "Longest period detected (default 64).")
    Integer maxPeriod;

    @Option(names = "--sharpness-orbits", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = "Also write the ηλ^H orbits, orbit_eta_lambda_h.npy (as large as orbit_eta_lambda.npy), "
                    + "and their density plot (default false).")
    Boolean sharpnessOrbits;

    @Override
    Task<BifurcationSpec, BifurcationSummary> task() {
        return new BifurcationTask();
    }

    @Override
    List<String> describe(BifurcationSpec settings, BifurcationSummary summary) {
        return summary.describe();
    }
}
