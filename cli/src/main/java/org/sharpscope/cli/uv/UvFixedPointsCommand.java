package org.sharpscope.cli.uv;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sharpscope.UserInputException;
import org.sharpscope.report.plot.ChartFiles;
import org.sharpscope.report.plot.VectorFieldPlot;
import org.sharpscope.dynamics.Box;
import org.sharpscope.dynamics.DiscreteMap;
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.dynamics.FixedLine;
import org.sharpscope.dynamics.FixedPointSet;
import org.sharpscope.dynamics.FixedPoints;
import org.sharpscope.dynamics.Multiplier;
import org.sharpscope.dynamics.PeriodicOrbit;
import org.sharpscope.uv.UvDimensionlessMap;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sharpscope uv fixed-points}: fixed points, lines of fixed points and short periodic orbits, with stability. */
@Command(name = "fixed-points", mixinStandardHelpOptions = true,
        description = {"Fixed points, lines of fixed points and short periodic orbits at one η/η_c, with stability.",
                "Found by Newton from a grid of seeds in a box, each with its multipliers and stability "
                + "(stable, saddle, unstable, flip, marginal); the line of minima Δf = 0 is reported as a line.",
                "Coordinates are dimensionless: x = η√κ·Δf, eta_lambda = ηλ (y > 0)."})
public final class UvFixedPointsCommand extends DynamicsCommand {
    @Option(names = "--eta-over-etac", required = true, paramLabel = "Y", description = "Learning rate over the critical one, Y = η/η_c (> 0).")
    double bigY;

    @Option(names = "--max-period", defaultValue = "2", paramLabel = "P", description = "Longest period sought, 1..32 (default ${DEFAULT-VALUE}).")
    int maxPeriod;

    @Option(names = "--map", defaultValue = "full", paramLabel = "MAP",
            description = "full (the 2-D map on (x, ηλ)) or manifold (the 1-D cubic on Q = 0). Default ${DEFAULT-VALUE}.")
    MapKind map;

    @Option(names = "--box", split = ",", paramLabel = "LO,HI[,LLO,LHI]",
            description = "Search box: x range, and for the full map ηλ range. Default -3,3,-1,5+2Y (manifold: -2.5,2.5).")
    double[] box;

    @Option(names = "--seeds", defaultValue = "40", paramLabel = "N", description = "Newton seeds per axis (default ${DEFAULT-VALUE}).")
    int seeds;

    enum MapKind { full, manifold }

    @Override
    String commandName() {
        return "fixed-points";
    }

    @Override
    void validate() {
        UserInputException.requirePositive("--eta-over-etac", bigY);
        if (maxPeriod < 1 || maxPeriod > 32) throw new UserInputException("--max-period must be in 1..32, got " + maxPeriod);
        if (seeds < 2 || seeds > 400) throw new UserInputException("--seeds must be in 2..400, got " + seeds);
        if (box != null) {
            int need = map == MapKind.full ? 4 : 2;
            if (box.length != need) throw new UserInputException("--box needs " + need + " comma-separated numbers for --map " + map + ", got " + box.length);
            for (double v : box) UserInputException.requireFinite("--box", v);
            for (int i = 0; i < need; i += 2) {
                if (!(box[i] < box[i + 1])) throw new UserInputException("--box: empty range " + box[i] + ".." + box[i + 1] + "; give LO < HI");
            }
        }
    }

    private Box searchBox() {
        if (map == MapKind.full) {
            double[] b = box != null ? box : new double[] {-3, 3, -1, 5 + 2 * bigY};
            return new Box(new double[] {b[0], b[2]}, new double[] {b[1], b[3]});
        }
        double[] b = box != null ? box : new double[] {-2.5, 2.5};
        return new Box(new double[] {b[0]}, new double[] {b[1]});
    }

    @Override
    Map<String, Object> config() {
        return map("command", "uv fixed-points", "eta_over_etac", bigY, "max_period", maxPeriod, "map", map.name(),
                "box", List.of(searchBox().lo(), searchBox().hi()), "seeds_per_axis", seeds);
    }

    @Override
    Map<String, Object> compute(RunDirectory dir) {
        DiscreteMap m = map == MapKind.full ? new UvDimensionlessMap(bigY) : new EosManifoldMap(bigY);
        int n = map == MapKind.full ? seeds : seeds * seeds;
        FixedPointSet set = FixedPoints.find(m, searchBox(), maxPeriod, Math.min(n, 4000));
        CsvTable pts = new CsvTable(List.of("period", "orbit", "point", "x", "eta_lambda", "q", "stability", "admissible", "multipliers"));
        List<Map<String, Object>> orbits = new ArrayList<>();
        int k = 0;
        for (PeriodicOrbit o : set.orbits()) {
            List<Map<String, Object>> points = new ArrayList<>();
            for (int i = 0; i < o.points().length; i++) {
                double x = o.points()[i][0];
                double l = etaLambda(o.points()[i]);
                double q = l * l - 4 * (x + bigY) * (x + bigY);
                points.add(map("x", x, "eta_lambda", l));
                pts.add(o.period(), k, i, x, l, q, o.stability().json(), o.admissible(), multipliers(o.multipliers()));
            }
            orbits.add(map("period", o.period(), "points", points,
                    "multipliers", o.multipliers().stream().map(mu -> map("re", mu.re(), "im", mu.im())).toList(),
                    "stability", o.stability().json(), "admissible", o.admissible()));
            k++;
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        CsvTable seg = new CsvTable(List.of("line", "x_from", "eta_lambda_from", "x_to", "eta_lambda_to", "transverse_stability", "admissible"));
        int li = 0;
        for (FixedLine l : set.lines()) {
            List<Map<String, Object>> segments = new ArrayList<>();
            for (FixedLine.Segment s : l.segments()) {
                segments.add(map("from", point(s.from()), "to", point(s.to()), "transverse", s.transverse().json(), "admissible", s.admissible()));
                seg.add(li, s.from()[0], s.from()[1], s.to()[0], s.to()[1], s.transverse().json(), s.admissible());
            }
            lines.add(map("period", l.period(), "from", point(l.from()), "to", point(l.to()),
                    "name", Math.abs(l.direction()[0]) < 1e-9 ? "minima (Δf = 0)" : "line of fixed points", "segments", segments));
            li++;
        }
        AtomicFiles.writeString(dir.file("fixed_points.csv"), pts.toCsv());
        AtomicFiles.writeString(dir.file("fixed_lines.csv"), seg.toCsv());
        if (map == MapKind.full) plot(dir, set);
        return map("eta_over_etac", bigY, "map", map.name(), "box", map("lo", searchBox().lo(), "hi", searchBox().hi()),
                "orbits", orbits, "lines", lines);
    }

    private double etaLambda(double[] p) {
        return p.length > 1 ? p[1] : EosManifoldMap.etaLambda(p[0], bigY);
    }

    private Map<String, Object> point(double[] p) {
        return map("x", p[0], "eta_lambda", p[1]);
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

    private void plot(RunDirectory dir, FixedPointSet set) {
        Box b = searchBox();
        List<VectorFieldPlot.Curve> curves = new ArrayList<>(UvPhasePlane.referenceCurves(bigY, b.lo()[0], b.hi()[0], false));
        List<VectorFieldPlot.Marker> markers = new ArrayList<>();
        for (PeriodicOrbit o : set.orbits()) {
            for (double[] p : o.points()) markers.add(new VectorFieldPlot.Marker(p[0], p[1], o.stability().json()));
        }
        curves.addAll(UvPhasePlane.lineCurves(set.lines()));
        ChartFiles.saveImage(VectorFieldPlot.render(String.format(Locale.ROOT, "Fixed points, η/η_c = %.4g", bigY),
                b.lo()[0], b.hi()[0], b.lo()[1], b.hi()[1], List.of(), curves, markers,
                UvPhasePlane.forbidden(bigY), UvPhasePlane.X_LABEL, UvPhasePlane.Y_LABEL), dir.plots(), "fixed_points");
    }

    @Override
    List<String> report(Map<String, Object> s) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "η/η_c = %s, map %s", bigY, map));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> orbits = (List<Map<String, Object>>) s.get("orbits");
        for (Map<String, Object> o : orbits) {
            out.add("  period " + o.get("period") + ": " + o.get("stability") + (Boolean.TRUE.equals(o.get("admissible")) ? "" : " (not admissible)")
                    + " at " + o.get("points"));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) s.get("lines");
        for (Map<String, Object> l : lines) out.add("  line " + l.get("name") + " from " + l.get("from") + " to " + l.get("to"));
        return out;
    }
}
