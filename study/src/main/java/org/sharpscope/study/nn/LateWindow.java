package org.sharpscope.study.nn;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;

/**
 * The late window of a training run, fixed in advance: the probes of the last quarter of its steps
 * (step ≥ ¾ of the last probed step), read from its metrics.csv. Late-time figures of a run are
 * judged on this window rather than on one that starts where the run entered the edge of stability.
 */
public final class LateWindow {
    /** The share of the steps that is late. */
    public static final double FRACTION = 0.25;

    /**
     * A loss that ends the window more than 10⁻³ (relative) above where it began is rising: far
     * above the float noise of a loss at its floor (10⁻⁷ in float32), far below the growth of a
     * mode that GD amplifies (a factor (ηλ − 1)² per step).
     */
    public static final double RISE = 1e-3;

    private LateWindow() {}

    /** The median λ^H over the late window of the run in {@code runDir}; NaN without finite late probes. */
    public static double medianSharpness(Path runDir) {
        CsvTable t = CsvTable.read(runDir.resolve(RunDirectory.METRICS));
        double[] sharpness = t.doubles("sharpness");
        if (sharpness.length != t.size()) return Double.NaN;
        double[] late = IntStream.of(indices(t.doubles("step"))).mapToDouble(i -> sharpness[i])
                .filter(Double::isFinite).sorted().toArray();
        if (late.length == 0) return Double.NaN;
        int m = late.length / 2;
        return late.length % 2 == 1 ? late[m] : 0.5 * (late[m - 1] + late[m]);
    }

    /**
     * Whether the loss at the run's last probe is more than {@link #RISE} above the loss at the
     * window's first probe (true when the last loss is not finite).
     */
    public static boolean lossRises(Path runDir) {
        CsvTable t = CsvTable.read(runDir.resolve(RunDirectory.METRICS));
        double[] loss = t.doubles("loss");
        int[] late = indices(t.doubles("step"));
        if (late.length == 0 || loss.length != t.size()) return false;
        double first = loss[late[0]];
        double last = loss[late[late.length - 1]];
        return !Double.isFinite(last) || last > (1 + RISE) * first;
    }

    /** Rows whose step lies in the last {@link #FRACTION} of the steps. */
    private static int[] indices(double[] step) {
        if (step.length == 0 || !Double.isFinite(step[step.length - 1])) return new int[0];
        double from = step[step.length - 1] * (1 - FRACTION);
        return IntStream.range(0, step.length).filter(i -> step[i] >= from).toArray();
    }
}
