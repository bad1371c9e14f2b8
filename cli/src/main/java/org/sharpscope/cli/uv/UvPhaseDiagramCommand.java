package org.sharpscope.cli.uv;

import java.util.List;
import org.sharpscope.UserInputException;
import org.sharpscope.study.Task;
import org.sharpscope.study.uv.PhaseDiagramSpec;
import org.sharpscope.study.uv.PhaseDiagramSummary;
import org.sharpscope.study.uv.PhaseDiagramTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sharpscope uv phase-diagram}: the options of {@link PhaseDiagramSpec}, run by {@link PhaseDiagramTask}. */
@Command(name = "phase-diagram", mixinStandardHelpOptions = true,
        description = {"Phase diagram: the regime of each cell of a grid of (c = ηλ₀ or η/η_c) × f₀/y.",
                "Each cell is a GD trajectory of the exact function-space map, "
                + "classified by org.sharpscope.regime.RegimeAnalysis (late state: converged / eos / chaotic / "
                + "diverged; early trend: sharpness reduction / progressive sharpening / flat).",
                "Axes: x is c = ηλ₀ (--x-axis c, at fixed --eta-over-etac) or η/η_c (--x-axis eta-over-etac, at fixed --c); "
                        + "y is the initial output over the target, f₀/y. Cells with c < 2(η/η_c)|f₀/y| are unreachable (Q₀ < 0)."})
public final class UvPhaseDiagramCommand extends DynamicsCommand<PhaseDiagramSpec, PhaseDiagramSummary> {
    @Option(names = "--x-axis", paramLabel = "AXIS", description = "c or eta_over_etac (default c).",
            converter = XAxisConverter.class)
    PhaseDiagramSpec.XAxis xAxis;

    @Option(names = "--x-range", split = ",", paramLabel = "LO,HI", description = "Range of the x axis (default 0.2,6 for c; 0.1,2.2 for η/η_c).")
    double[] xRange;

    @Option(names = "--f0-range", split = ",", paramLabel = "LO,HI", description = "Range of f₀/y (default -1,2).")
    double[] f0Range;

    @Option(names = "--eta-over-etac", paramLabel = "Y", description = "Fixed η/η_c when the x axis is c (default 0.8).")
    Double etaOverEtac;

    @Option(names = "--c", paramLabel = "C", description = "Fixed c = ηλ₀ when the x axis is η/η_c (default 3).")
    Double c;

    @Option(names = "--grid", split = ",", paramLabel = "NX,NY", description = "Cells per axis (default 120,90).")
    int[] grid;

    @Option(names = "--steps", paramLabel = "N", description = "GD steps per cell (default 3000).")
    Integer steps;

    static final class XAxisConverter implements CommandLine.ITypeConverter<PhaseDiagramSpec.XAxis> {
        @Override
        public PhaseDiagramSpec.XAxis convert(String s) {
            try {
                return PhaseDiagramSpec.XAxis.parse(s);
            } catch (UserInputException e) {
                throw new CommandLine.TypeConversionException("expected c or eta-over-etac, got '" + s + "'");
            }
        }
    }

    @Override
    Task<PhaseDiagramSpec, PhaseDiagramSummary> task() {
        return new PhaseDiagramTask();
    }

    @Override
    List<String> describe(PhaseDiagramSpec settings, PhaseDiagramSummary summary) {
        return summary.describe();
    }
}
