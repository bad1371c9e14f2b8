package org.sharpscope.cli.uv;

import java.util.List;
import org.sharpscope.study.Task;
import org.sharpscope.study.uv.DoublingsSpec;
import org.sharpscope.study.uv.DoublingsSummary;
import org.sharpscope.study.uv.DoublingsTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sharpscope uv doublings}: the options of {@link DoublingsSpec}, run by {@link DoublingsTask}. */
@Command(name = "doublings", mixinStandardHelpOptions = true,
        description = {"Period doublings of the EoS attractor, their accumulation point and Feigenbaum ratios.",
                "Locates the period doublings along η/η_c (Newton on the orbit, "
                + "bisection on η/η_c for multiplier −1, to machine precision), the accumulation point and "
                + "the Feigenbaum ratios δ_k = (Y_k − Y_{k−1}) / (Y_{k+1} − Y_k).",
                "Runs on the 1-D manifold map g(X) = X³ + (Y−2)X² + (1−2Y)X, which is exact on Q = 0."})
public final class UvDoublingsCommand extends DynamicsCommand<DoublingsSpec, DoublingsSummary> {
    @Option(names = "--max-period", paramLabel = "P", description = "Follow the cascade up to this period, 2..4096 (default 64).")
    Integer maxPeriod;

    @Option(names = "--from", paramLabel = "Y", description = "Start (a stable minimum: 0.01 ≤ Y < 1). Default 0.5.")
    Double from;

    @Option(names = "--to", paramLabel = "Y", description = "End of the search, at most 2 (training diverges beyond). Default 1.999.")
    Double to;

    @Override
    Task<DoublingsSpec, DoublingsSummary> task() {
        return new DoublingsTask();
    }

    @Override
    List<String> describe(DoublingsSpec settings, DoublingsSummary summary) {
        return summary.describe();
    }
}
