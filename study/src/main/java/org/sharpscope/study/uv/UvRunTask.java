package org.sharpscope.study.uv;

import java.util.ArrayList;
import java.util.List;
import org.sharpscope.regime.Regime;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Specs;
import org.sharpscope.study.Task;
import org.sharpscope.uv.FunctionEngine;
import org.sharpscope.uv.FunctionStart;
import org.sharpscope.uv.UvConstants;
import org.sharpscope.uv.UvEngine;
import org.sharpscope.uv.UvSimulation;
import org.sharpscope.uv.UvTrajectory;

/**
 * {@code uv run}: one GD trajectory of the UV model, on the weights or through the exact
 * function-space map, recorded as a run directory (config.yaml, manifest.json, metrics.csv with
 * {@link UvTrajectory#COLUMNS}, summary.json) with its regime.
 */
public final class UvRunTask implements Task<UvRunSpec, UvRunSummary> {
    @Override
    public String name() {
        return "uv run";
    }

    @Override
    public Class<UvRunSpec> specType() {
        return UvRunSpec.class;
    }

    @Override
    public UvRunSummary run(UvRunSpec spec, RunContext context) {
        FunctionStart start = spec.functionStart();
        UvEngine engine;
        if (start != null) {
            engine = new FunctionEngine(start, spec.target());
        } else {
            engine = spec.model().initialWeights();
            if (spec.engine() == UvRunSpec.Engine.function) engine = FunctionEngine.from(engine);
        }
        UvConstants probe = UvConstants.of(engine, 1);
        double eta = spec.learningRate().resolve(probe.sharpness0(), probe.etaC());
        UvConstants k = UvConstants.of(engine, eta);

        RunDirectory run = RunDirectory.create(context.out());
        run.writeConfig(Specs.toMap(spec));
        run.startManifest(name(), spec.seed());
        run.putManifest("model", "UV (two-layer linear, one example), engine " + spec.engine());
        UvTrajectory t = UvSimulation.run(engine, eta, spec.steps());
        run.writeMetrics(t.toTable());
        UvRunSummary summary = summary(spec, k, t, t.regime());
        run.writeSummary(summary);
        run.finishManifest("finished");
        return summary;
    }

    private static UvRunSummary summary(UvRunSpec spec, UvConstants k, UvTrajectory t, Regime regime) {
        boolean fromStart = spec.functionStart() != null;
        int last = t.lastFinite();
        if (t.divergedAt() != null) last = Math.max(0, Math.min(last, t.size() - 2));
        List<Double> orbit = new ArrayList<>();
        if (regime.period() >= 1) {
            double[] s = t.sharpness();
            for (int i = t.size() - regime.period(); i < t.size(); i++) orbit.add(s[i]);
        }
        long[] step = t.step();
        return new UvRunSummary(spec.engine(), fromStart ? null : spec.width(), fromStart ? null : spec.paramS(),
                k.target(), k.eta(), finite(k.etaC()), k.etaOverEtaC(), k.c(), k.kappa(), k.f0(), k.lambda0(),
                k.sharpness0(), k.q0(), k.lambdaMin(), k.lambdaInfinity(), 2 / k.eta(),
                step[t.size() - 1], step[last], finite(t.sharpness()[last]), finite(t.ntk()[last]),
                finite(t.loss()[last]), finite(t.q()[last]), regime.earlyTrend(), regime.catapult(),
                regime.catapultAt(), regime.lateState(), regime.period(), regime.divergedAt(), orbit);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
