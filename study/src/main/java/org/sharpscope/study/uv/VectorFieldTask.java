package org.sharpscope.study.uv;

import java.util.ArrayList;
import java.util.List;
import org.sharpscope.dynamics.Box;
import org.sharpscope.dynamics.FixedPointSet;
import org.sharpscope.dynamics.FixedPoints;
import org.sharpscope.dynamics.PeriodicOrbit;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Task;
import org.sharpscope.uv.UvDimensionlessMap;
import org.sharpscope.uv.UvTheory;

/**
 * {@code uv vector-field}: the update of one GD step on a grid of the (x, ηλ) plane, the fixed
 * points and lines of fixed points in it, and trajectories from given starts. Writes
 * vector_field.csv (x, ηλ and the update), trajectories.csv and fixed_lines.csv (the line of
 * minima by transverse stability, for the figure).
 */
public final class VectorFieldTask implements Task<VectorFieldSpec, VectorFieldSummary> {
    private static final List<String> FILES = List.of("vector_field.csv", "trajectories.csv", "plots/vector_field.png");

    @Override
    public String name() {
        return "uv vector-field";
    }

    @Override
    public Class<VectorFieldSpec> specType() {
        return VectorFieldSpec.class;
    }

    @Override
    public VectorFieldSummary run(VectorFieldSpec spec, RunContext context) {
        return DynamicsRun.record(name(), DynamicsRun.config("command", name(), "eta_over_etac", spec.etaOverEtac(),
                "x_range", spec.xRange(), "lambda_range", spec.lambdaRange(), "grid", spec.grid(),
                "trajectories", List.of(spec.starts()), "steps", spec.steps()), context, dir -> compute(spec, dir));
    }

    private static VectorFieldSummary compute(VectorFieldSpec spec, RunDirectory dir) {
        double bigY = spec.etaOverEtac();
        UvDimensionlessMap m = new UvDimensionlessMap(bigY);
        double[] xr = {spec.xRange().get(0), spec.xRange().get(1)};
        double[] lr = {spec.lambdaRange().get(0), spec.lambdaRange().get(1)};
        int grid = spec.grid();
        CsvTable field = new CsvTable(List.of("x", "eta_lambda", "dx", "d_eta_lambda"));
        double[] out = new double[2];
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                double x = xr[0] + (i + 0.5) * (xr[1] - xr[0]) / grid;
                double l = lr[0] + (j + 0.5) * (lr[1] - lr[0]) / grid;
                m.step(new double[] {x, l}, out);
                field.add(x, l, out[0] - x, out[1] - l);
            }
        }
        AtomicFiles.writeString(dir.file("vector_field.csv"), field.toCsv());
        FixedPointSet fps = FixedPoints.find(m, new Box(new double[] {xr[0], lr[0] - 1e-9}, new double[] {xr[1], lr[1]}), 1, 30);
        AtomicFiles.writeString(dir.file("fixed_lines.csv"), FixedPointsTask.lineTable(fps.lines()).toCsv());
        CsvTable traj = new CsvTable(List.of("trajectory", "step", "x", "eta_lambda", "q"));
        double[][] starts = spec.starts();
        int steps = spec.steps();
        List<VectorFieldSummary.Trajectory> trajectories = new ArrayList<>();
        for (int k = 0; k < starts.length; k++) {
            double[] s = starts[k].clone();
            double[] end = new double[2];
            for (int t = 0; t <= steps; t++) {
                end[0] = s[0];
                end[1] = s[1];
                traj.add(k, t, s[0], s[1], m.q(s));
                m.step(s, s);
            }
            trajectories.add(new VectorFieldSummary.Trajectory(starts[k], end));
        }
        AtomicFiles.writeString(dir.file("trajectories.csv"), traj.toCsv());
        List<VectorFieldSummary.FixedPoint> fixed = new ArrayList<>();
        for (PeriodicOrbit o : fps.orbits()) {
            fixed.add(new VectorFieldSummary.FixedPoint(o.points()[0][0], o.points()[0][1], o.stability(), o.admissible()));
        }
        VectorFieldSummary.MinimaLine minima = new VectorFieldSummary.MinimaLine(0.0,
                bigY < UvTheory.EOS_ONSET ? List.of(2 * bigY, 2.0) : null,
                "minima x = 0 are stable for ηλ < 2 and reachable for ηλ ≥ 2Y");
        return new VectorFieldSummary(bigY, spec.xRange(), spec.lambdaRange(), fixed, minima, trajectories, FILES);
    }
}
