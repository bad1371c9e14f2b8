package org.sharpscope.cli.uv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sharpscope.UserInputException;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.LinePlot;
import org.sharpscope.dynamics.DoublingCascade;
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sharpscope uv doublings}: the period-doubling cascade on the EoS manifold. */
@Command(name = "doublings", mixinStandardHelpOptions = true,
        description = {"Period doublings of the EoS attractor, their accumulation point and Feigenbaum ratios.",
                "Locates the period doublings along η/η_c (Newton on the orbit, "
                + "bisection on η/η_c for multiplier −1, to machine precision), the accumulation point and "
                + "the Feigenbaum ratios δ_k = (Y_k − Y_{k−1}) / (Y_{k+1} − Y_k).",
                "Runs on the 1-D manifold map g(X) = X³ + (Y−2)X² + (1−2Y)X, which is exact on Q = 0."})
public final class UvDoublingsCommand extends DynamicsCommand {
    @Option(names = "--max-period", defaultValue = "64", paramLabel = "P", description = "Follow the cascade up to this period, 2..4096 (default ${DEFAULT-VALUE}).")
    int maxPeriod;

    @Option(names = "--from", defaultValue = "0.5", paramLabel = "Y", description = "Start (a stable minimum: 0 < Y < 1). Default ${DEFAULT-VALUE}.")
    double from;

    @Option(names = "--to", defaultValue = "1.999", paramLabel = "Y", description = "End of the search, at most 2 (training diverges beyond). Default ${DEFAULT-VALUE}.")
    double to;

    @Override
    String commandName() {
        return "doublings";
    }

    @Override
    void validate() {
        UserInputException.requirePositive("--from", from);
        UserInputException.requirePositive("--to", to);
        if (!(from < to)) throw new UserInputException("empty range --from " + from + " --to " + to + "; give --from < --to");
        if (from >= 1) throw new UserInputException("--from must be below 1 (where the minimum is still stable), got " + from);
        if (maxPeriod < 2 || maxPeriod > 4096) throw new UserInputException("--max-period must be in 2..4096, got " + maxPeriod);
    }

    @Override
    Map<String, Object> config() {
        return map("command", "uv doublings", "map", "uv-eos-manifold", "max_period", maxPeriod, "from", from, "to", to, "x0", 0.1);
    }

    @Override
    Map<String, Object> compute(RunDirectory dir) {
        DoublingCascade.Result r = DoublingCascade.locate(new EosManifoldMap(from), new double[] {0.1}, from, Math.min(to, 2), maxPeriod);
        CsvTable t = new CsvTable(List.of("k", "period_before", "period_after", "eta_over_etac", "gap", "feigenbaum_ratio"));
        List<Map<String, Object>> list = new ArrayList<>();
        List<DoublingCascade.Doubling> d = r.doublings();
        double[] ks = new double[Math.max(0, d.size() - 1)];
        double[] gaps = new double[ks.length];
        for (int k = 0; k < d.size(); k++) {
            DoublingCascade.Doubling x = d.get(k);
            list.add(map("period_before", x.periodBefore(), "period_after", x.periodAfter(), "eta_over_etac", x.parameter()));
            Double gap = k > 0 ? x.parameter() - d.get(k - 1).parameter() : null;
            Double ratio = k >= 1 && k - 1 < r.feigenbaumRatios().size() ? r.feigenbaumRatios().get(k - 1) : null;
            t.add(k + 1, x.periodBefore(), x.periodAfter(), x.parameter(), gap, ratio);
            if (k > 0) {
                ks[k - 1] = k + 1;
                gaps[k - 1] = gap;
            }
        }
        AtomicFiles.writeString(dir.file("doublings.csv"), t.toCsv());
        if (ks.length > 0) {
            LinePlot p = new LinePlot("Doubling gaps Y_k − Y_{k−1} (slope: Feigenbaum δ)", "k", "gap in η/η_c").logY();
            p.points("gaps", ks, gaps);
            double[] fit = new double[ks.length];
            for (int i = 0; i < ks.length; i++) fit[i] = gaps[0] * Math.pow(4.669201609, -(ks[i] - ks[0]));
            p.line("δ = 4.6692", ks, fit);
            ChartFiles.save(p.chart(), dir.plots(), "doubling_gaps");
        }
        return map("doublings", list, "accumulation", r.accumulation(), "feigenbaum_ratios", r.feigenbaumRatios(),
                "map", "uv-eos-manifold", "max_period", maxPeriod);
    }

    @Override
    List<String> report(Map<String, Object> s) {
        List<String> out = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) s.get("doublings");
        for (Map<String, Object> d : list) {
            out.add(String.format(Locale.ROOT, "period %4d -> %4d at η/η_c = %.15f", d.get("period_before"), d.get("period_after"), d.get("eta_over_etac")));
        }
        out.add("accumulation η/η_c ≈ " + s.get("accumulation"));
        out.add("Feigenbaum ratios " + s.get("feigenbaum_ratios"));
        return out;
    }
}
