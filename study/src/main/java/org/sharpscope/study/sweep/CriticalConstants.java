package org.sharpscope.study.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharpscope.run.CsvTable;

/**
 * The early-training critical constants of docs/theory.md §8, per value of a grouping axis
 * (width, depth, ...) and seed, over the cells' learning-rate multipliers c = ηλ₀^H:
 * c_loss = smallest c whose loss rises above its initial value within the first rows,
 * c_sharp = smallest c whose sharpness rises above its initial value within the first rows,
 * c_max = largest c that did not diverge. NaN where no cell qualifies.
 */
public final class CriticalConstants {
    /** What one cell says: its c and whether loss/sharpness rose early and it stayed trainable. */
    public record CellFacts(double c, boolean lossRises, boolean sharpnessRises, boolean trainable) {}

    /** Constants of one group: the grouping value, the seed (null when none), and the three c's. */
    public record Row(double group, Long seed, double cLoss, double cSharp, double cMax) {}

    private CriticalConstants() {}

    /** The facts of one finished cell from its summary and metrics; null when c is unknown. */
    static CellFacts facts(SweepResults.Row r, java.nio.file.Path cellDir, int earlyRows) {
        double[] loss = MetricsColumn.read(cellDir, "loss");
        double[] sharp = MetricsColumn.read(cellDir, "sharpness");
        double c = r.regime().cOrNaN();
        if (Double.isNaN(c) && r.entry().axes().get("c") instanceof Number n) c = n.doubleValue();
        if (Double.isNaN(c) && sharp.length > 0) {
            double eta = r.regime().etaOrNaN();
            if (Double.isNaN(eta) && r.entry().axes().get("eta") instanceof Number n) eta = n.doubleValue();
            c = eta * sharp[0];
        }
        if (!Double.isFinite(c)) return null;
        return new CellFacts(c, rises(loss, earlyRows), rises(sharp, earlyRows), !r.regime().diverged());
    }

    /** True when some value among rows 1..rows exceeds row 0 (a non-finite value counts as rising). */
    static boolean rises(double[] v, int rows) {
        for (int i = 1; i < Math.min(v.length, rows + 1); i++) {
            if (!(v[i] <= v[0])) return true;
        }
        return false;
    }

    /** c_loss, c_sharp, c_max of a set of cells (one group and seed). */
    public static double[] of(List<CellFacts> cells) {
        double cLoss = Double.NaN;
        double cSharp = Double.NaN;
        double cMax = Double.NaN;
        for (CellFacts f : cells) {
            if (f.lossRises() && !(f.c() >= cLoss)) cLoss = f.c();
            if (f.sharpnessRises() && !(f.c() >= cSharp)) cSharp = f.c();
            if (f.trainable() && !(f.c() <= cMax)) cMax = f.c();
        }
        return new double[] {cLoss, cSharp, cMax};
    }

    /** The rows for grouping axis {@code group} (null: all cells in one group, value NaN). */
    public static List<Row> compute(SweepResults res, SweepDirectory dir, String group, int earlyRows) {
        Map<List<Object>, List<CellFacts>> groups = new LinkedHashMap<>();
        for (SweepResults.Row r : res.rows()) {
            if (!CellOutcome.FINISHED.equals(r.entry().status())) continue;
            CellFacts f = facts(r, dir.cellDir(r.entry()), earlyRows);
            if (f == null) continue;
            double g = group == null ? Double.NaN : RegimeGrid.number(r, group);
            List<Object> key = new ArrayList<>();
            key.add(g);
            key.add(r.entry().seed());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        List<Row> out = new ArrayList<>();
        groups.forEach((k, cells) -> {
            double[] c = of(cells);
            out.add(new Row((Double) k.get(0), (Long) k.get(1), c[0], c[1], c[2]));
        });
        return out;
    }

    public static CsvTable table(List<Row> rows, String group) {
        CsvTable t = new CsvTable(List.of(group == null ? "group" : group, "seed", "c_loss", "c_sharp", "c_max"));
        for (Row r : rows) t.add(r.group(), r.seed(), r.cLoss(), r.cSharp(), r.cMax());
        return t;
    }
}
