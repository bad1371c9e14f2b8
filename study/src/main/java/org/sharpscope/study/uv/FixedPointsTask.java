package org.sharpscope.study.uv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sharpscope.dynamics.Box;
import org.sharpscope.dynamics.DiscreteMap;
import org.sharpscope.dynamics.FixedLine;
import org.sharpscope.dynamics.FixedPointSet;
import org.sharpscope.dynamics.FixedPoints;
import org.sharpscope.dynamics.Multiplier;
import org.sharpscope.dynamics.PeriodicOrbit;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Task;
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.uv.UvDimensionlessMap;

/**
 * {@code uv fixed-points}: Newton from a grid of seeds finds the fixed points, lines of fixed
 * points and periodic orbits of the map, each with its multipliers and stability. Writes
 * fixed_points.csv (one row per orbit point) and fixed_lines.csv (one row per line segment).
 */
public final class FixedPointsTask implements Task<FixedPointsSpec, FixedPointsSummary> {
    /** Columns of fixed_lines.csv, which the vector field writes too. */
    static final List<String> LINE_COLUMNS =
            List.of("line", "x_from", "eta_lambda_from", "x_to", "eta_lambda_to", "transverse_stability", "admissible");

    @Override
    public String name() {
        return "uv fixed-points";
    }

    @Override
    public Class<FixedPointsSpec> specType() {
        return FixedPointsSpec.class;
    }

    @Override
    public FixedPointsSummary run(FixedPointsSpec spec, RunContext context) {
        Box box = spec.searchBox();
        Map<String, Object> config = DynamicsRun.config("command", name(), "eta_over_etac", spec.etaOverEtac(),
                "max_period", spec.maxPeriod(), "map", spec.map().name(), "box", List.of(box.lo(), box.hi()),
                "seeds_per_axis", spec.seeds());
        return DynamicsRun.record(name(), config, context, dir -> compute(spec, dir));
    }

    private static FixedPointsSummary compute(FixedPointsSpec spec, RunDirectory dir) {
        double bigY = spec.etaOverEtac();
        boolean full = spec.map() == MapKind.full;
        DiscreteMap m = full ? new UvDimensionlessMap(bigY) : new EosManifoldMap(bigY);
        int n = full ? spec.seeds() : spec.seeds() * spec.seeds();
        Box box = spec.searchBox();
        FixedPointSet set = FixedPoints.find(m, box, spec.maxPeriod(), Math.min(n, 4000));
        CsvTable pts = new CsvTable(List.of("period", "orbit", "point", "x", "eta_lambda", "q", "stability", "admissible", "multipliers"));
        List<FixedPointsSummary.Orbit> orbits = new ArrayList<>();
        int k = 0;
        for (PeriodicOrbit o : set.orbits()) {
            List<FixedPointsSummary.Point> points = new ArrayList<>();
            for (int i = 0; i < o.points().length; i++) {
                double x = o.points()[i][0];
                double l = o.points()[i].length > 1 ? o.points()[i][1] : EosManifoldMap.etaLambda(x, bigY);
                double q = l * l - 4 * (x + bigY) * (x + bigY);
                points.add(new FixedPointsSummary.Point(x, l));
                pts.add(o.period(), k, i, x, l, q, o.stability().json(), o.admissible(), multipliers(o.multipliers()));
            }
            orbits.add(new FixedPointsSummary.Orbit(o.period(), points, o.multipliers(), o.stability(), o.admissible()));
            k++;
        }
        List<FixedPointsSummary.Line> lines = new ArrayList<>();
        CsvTable segments = lineTable(set.lines());
        for (FixedLine l : set.lines()) {
            List<FixedPointsSummary.Segment> segs = new ArrayList<>();
            for (FixedLine.Segment s : l.segments()) {
                segs.add(new FixedPointsSummary.Segment(point(s.from()), point(s.to()), s.transverse(), s.admissible()));
            }
            lines.add(new FixedPointsSummary.Line(l.period(), point(l.from()), point(l.to()),
                    Math.abs(l.direction()[0]) < 1e-9 ? "minima (Δf = 0)" : "line of fixed points", segs));
        }
        AtomicFiles.writeString(dir.file("fixed_points.csv"), pts.toCsv());
        AtomicFiles.writeString(dir.file("fixed_lines.csv"), segments.toCsv());
        return new FixedPointsSummary(bigY, spec.map(), new FixedPointsSummary.Range(box.lo(), box.hi()), orbits, lines);
    }

    /** The segments of {@code lines} as the rows of fixed_lines.csv. */
    static CsvTable lineTable(List<FixedLine> lines) {
        CsvTable t = new CsvTable(LINE_COLUMNS);
        int li = 0;
        for (FixedLine l : lines) {
            for (FixedLine.Segment s : l.segments()) {
                t.add(li, s.from()[0], s.from()[1], s.to()[0], s.to()[1], s.transverse().json(), s.admissible());
            }
            li++;
        }
        return t;
    }

    private static FixedPointsSummary.Point point(double[] p) {
        return new FixedPointsSummary.Point(p[0], p[1]);
    }

    private static String multipliers(List<Multiplier> ms) {
        StringBuilder sb = new StringBuilder();
        for (Multiplier m : ms) {
            if (sb.length() > 0) sb.append(';');
            sb.append(m.im() == 0 ? String.format(Locale.ROOT, "%.12g", m.re())
                    : String.format(Locale.ROOT, "%.12g%+.12gi", m.re(), m.im()));
        }
        return sb.toString();
    }
}
