package org.sharpscope.study.uv;

import java.util.ArrayList;
import java.util.List;
import org.sharpscope.dynamics.DoublingCascade;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Task;
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.uv.UvTheory;

/**
 * {@code uv doublings}: locates the period doublings of the EoS attractor along η/η_c (Newton on
 * the orbit, bisection on η/η_c for multiplier −1) on the manifold map from x = 0.1, with the
 * accumulation point and the Feigenbaum ratios. Writes doublings.csv (k, periods, η/η_c, gap to
 * the previous doubling, ratio).
 */
public final class DoublingsTask implements Task<DoublingsSpec, DoublingsSummary> {
    private static final double X0 = 0.1;
    private static final String MAP = new EosManifoldMap(1).name();

    @Override
    public String name() {
        return "uv doublings";
    }

    @Override
    public Class<DoublingsSpec> specType() {
        return DoublingsSpec.class;
    }

    @Override
    public DoublingsSummary run(DoublingsSpec spec, RunContext context) {
        return DynamicsRun.record(name(), DynamicsRun.config("command", name(), "map", MAP, "max_period", spec.maxPeriod(),
                "from", spec.from(), "to", spec.to(), "x0", X0), context, dir -> compute(spec, dir));
    }

    private static DoublingsSummary compute(DoublingsSpec spec, RunDirectory dir) {
        DoublingCascade.Result r = DoublingCascade.locate(new EosManifoldMap(spec.from()), new double[] {X0}, spec.from(),
                Math.min(spec.to(), UvTheory.DIVERGENCE_ONSET), spec.maxPeriod());
        CsvTable t = new CsvTable(List.of("k", "period_before", "period_after", "eta_over_etac", "gap", "feigenbaum_ratio"));
        List<DoublingsSummary.Doubling> list = new ArrayList<>();
        List<DoublingCascade.Doubling> d = r.doublings();
        for (int k = 0; k < d.size(); k++) {
            DoublingCascade.Doubling x = d.get(k);
            list.add(new DoublingsSummary.Doubling(x.periodBefore(), x.periodAfter(), x.parameter()));
            Double gap = k > 0 ? x.parameter() - d.get(k - 1).parameter() : null;
            Double ratio = k >= 1 && k - 1 < r.feigenbaumRatios().size() ? r.feigenbaumRatios().get(k - 1) : null;
            t.add(k + 1, x.periodBefore(), x.periodAfter(), x.parameter(), gap, ratio);
        }
        AtomicFiles.writeString(dir.file("doublings.csv"), t.toCsv());
        return new DoublingsSummary(list, r.accumulation(), r.feigenbaumRatios(), MAP, spec.maxPeriod());
    }
}
