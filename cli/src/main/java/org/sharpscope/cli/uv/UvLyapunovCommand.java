package org.sharpscope.cli.uv;

import java.util.List;
import org.sharpscope.study.Task;
import org.sharpscope.study.uv.LyapunovSpec;
import org.sharpscope.study.uv.LyapunovSummary;
import org.sharpscope.study.uv.LyapunovTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sharpscope uv lyapunov}: the options of {@link LyapunovSpec}, run by {@link LyapunovTask}. */
@Command(name = "lyapunov", mixinStandardHelpOptions = true,
        description = {"Lyapunov exponents and period of the EoS attractor at one η/η_c or over a range.",
                "The largest exponent (on the EoS manifold map), the "
                + "transverse exponent of the manifold Q = 0, and the full spectrum of the 2-D map (QR method) "
                + "from a start slightly off the manifold; with the attractor's period (0 when chaotic).",
                "Give --eta-over-etac Y for one value, or --from/--to/--points for a range."})
public final class UvLyapunovCommand extends DynamicsCommand<LyapunovSpec, LyapunovSummary> {
    @Option(names = "--eta-over-etac", paramLabel = "Y", description = "One value of η/η_c.")
    Double etaOverEtac;

    @Option(names = "--from", paramLabel = "Y", description = "Range start (with --to, --points).")
    Double from;

    @Option(names = "--to", paramLabel = "Y", description = "Range end.")
    Double to;

    @Option(names = "--points", paramLabel = "N", description = "Values in the range (default 200).")
    Integer points;

    @Option(names = "--transient", paramLabel = "T", description = "Steps discarded first (default 10000).")
    Integer transientSteps;

    @Option(names = "--steps", paramLabel = "N", description = "Steps averaged (default 100000).")
    Integer steps;

    @Option(names = "--x0", paramLabel = "X", description = "Initial x = η√κΔf on the manifold (default 0.1).")
    Double x0;

    @Override
    Task<LyapunovSpec, LyapunovSummary> task() {
        return new LyapunovTask();
    }

    @Override
    List<String> describe(LyapunovSpec settings, LyapunovSummary summary) {
        return summary.describe(settings);
    }
}
