package org.sharpscope.study.reproduce;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sharpscope.study.sweep.BifurcationTails;
import org.sharpscope.study.sweep.CollectSettings;
import org.sharpscope.study.sweep.PeriodRule;
import org.sharpscope.uv.UvTheory;
import static org.sharpscope.study.reproduce.Reproduction.settings;
import static org.sharpscope.study.reproduce.Reproduction.with;

/**
 * Section 8 of the reproduction: the route to chaos in real networks. For each network, its own
 * η_c by bisection ({@code critical-eta}), then a sweep over η/η_c whose cells record every step of
 * the late tail and the Lyapunov exponents of GD ({@code train --probe-tail --lyapunov}, the loss's
 * on the top two Gauss-Newton directions); the
 * collected bifurcation diagram (period per cell by the clusters rule) is set against the UV
 * model's route: no positive exponent at the period-2 edge of stability, the first doubling at
 * η/η_c = √5 − 1, chaos from the accumulation point.
 */
public final class NetworkChaosSection {
    private NetworkChaosSection() {}

    /** Run names: {@code NET/critical-eta} and {@code NET/bifurcation}. */
    public static final String CRITICAL_ETA_RUN = "critical-eta";
    public static final String BIFURCATION_RUN = "bifurcation";
    /** The x axis of every sweep of this section. */
    static final String AXIS = "eta-over-etac";
    /** An exponent counts as positive when it exceeds this many standard errors. */
    static final double SIGNIFICANCE = 3;
    /** The onset and first doubling agree when within this of the UV value (absolute, in η/η_c): about two grid steps. */
    static final double ROUTE_TOLERANCE = 0.05;

    /**
     * One network of the study: its name (a directory), train settings beyond the shared ones
     * (they may replace the mode's subset and steps), and the Lyapunov transient and dense tail of its
     * sweep cells (0: half the steps, and the mode's tail).
     */
    record Net(String name, Map<String, Object> settings, int transientSteps, int tail) {
        Net(String name, Map<String, Object> settings) {
            this(name, settings, 0, 0);
        }
    }

    /** The sizes of each mode. */
    record Scale(List<Net> nets, int subset, int steps, int tail, double[] ratios) {
        static Scale of(ReproduceMode m) {
            return switch (m) {
                case QUICK -> new Scale(List.of(fcn("fcn-sp-zero-last-w16", "sp", 16)), 256, 800, 64,
                        new double[] {0.9, 1.1, 1.45, 1.8, 2.4});
                case STANDARD -> new Scale(List.of(fcn("fcn-sp-zero-last-w32", "sp", 32), fcn("fcn-mup-zero-last-w32", "mup", 32)),
                        256, 1200, 128, join(grid(0.9, 1.6, 0.05), new double[] {1.8, 2.0, 2.5, 3.0}));
                case FULL -> new Scale(List.of(fcn("fcn-sp-zero-last-w32", "sp", 32), fcn("fcn-sp-zero-last-w64", "sp", 64),
                        fcn("fcn-mup-zero-last-w32", "mup", 32), fcn("fcn-mup-zero-last-w64", "mup", 64),
                        // A CNN step costs ~10x an FCN's here: 64 examples and 600 steps keep its 30 cells to about 2.5 hours
                        // on one core (docs/network-chaos.md reports this setting).
                        new Net("myrtle-sp-zero-last-w8", settings("model", "myrtle", "depth", 5, "width", 8, "param", "sp",
                                "subset", 64, "steps", 600), 400, 64)),
                        256, 1200, 128, join(grid(0.9, 1.5, 0.025), new double[] {1.6, 1.8, 2.0, 2.5, 3.0}));
            };
        }

        private static Net fcn(String name, String param, int width) {
            return new Net(name, settings("model", "fcn", "depth", 3, "width", width, "param", param));
        }
    }

    static List<Step> steps(Reproduction r) {
        Scale sc = Scale.of(r.mode);
        String s8 = Layout.NETWORK_CHAOS;
        List<Step> t = new ArrayList<>();
        for (Net net : sc.nets()) {
            Map<String, Object> train = train(sc, net);
            String ce = net.name() + "/" + CRITICAL_ETA_RUN;
            t.add(new Step(s8, "η_c of " + net.name(), () -> r.run(s8, ce, Map.of("role", CRITICAL_ETA_RUN), "critical-eta",
                    with(train, "c", 1.0, "rel-tol", 0.01, "max-runs", 20))));
            String bif = net.name() + "/" + BIFURCATION_RUN;
            t.add(new Step(s8, "bifurcation over η/η_c of " + net.name(), () -> NetworkSections.sweep(r, s8, bif,
                    bifurcationSpec(sc, net, train, r.path(s8, ce)), collect(sc, net))));
        }
        return t;
    }

    /** The train settings every run of {@code net} shares: Fashion-MNIST, MSE, zero last layer, float32, one thread. */
    private static Map<String, Object> train(Scale sc, Net net) {
        Map<String, Object> m = settings("activation", "tanh", "last-layer-zero", true, "dataset", "fashion-mnist",
                "subset", sc.subset(), "loss", "mse", "dtype", "float32", "steps", sc.steps(), "probe-every", 10,
                "checkpoint-every", 0, "tol", 1e-4, "threads", 1, "seed", 0);
        m.putAll(net.settings());
        return m;
    }

    private static Map<String, Object> bifurcationSpec(Scale sc, Net net, Map<String, Object> train, Path criticalEta) {
        // Two tracked directions: past η/η_c ≈ 1.5 a second Hessian direction reaches 2/η, and a loss
        // subspace of one direction then swaps between the two from step to step (docs/reproduce.md).
        int steps = ((Number) train.get("steps")).intValue();
        Map<String, Object> base = with(train, "lyapunov", 1, "lyapunov-transient", net.transientSteps() > 0 ? net.transientSteps() : steps / 2,
                "probe-tail", tail(sc, net), "top-k", 2);
        base.remove("seed"); // the sweep's seeds list sets it
        Map<String, Object> axes = new LinkedHashMap<>();
        List<Double> ratios = new ArrayList<>();
        for (double x : sc.ratios()) ratios.add(x);
        axes.put(AXIS, ratios);
        return settings("command", "train", "base", base, "axes", axes, "seeds", List.of(0),
                "eta-c", criticalEta.toAbsolutePath().toString());
    }

    private static CollectSettings collect(Scale sc, Net net) {
        return new CollectSettings(null, null, null, null, null, AXIS, tail(sc, net), 16, null, PeriodRule.CLUSTERS, null);
    }

    private static int tail(Scale sc, Net net) {
        return net.tail() > 0 ? net.tail() : sc.tail();
    }

    static double[] grid(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = Math.round((from + i * step) * 1e6) / 1e6;
        return v;
    }

    private static double[] join(double[] a, double[] b) {
        double[] v = new double[a.length + b.length];
        System.arraycopy(a, 0, v, 0, a.length);
        System.arraycopy(b, 0, v, a.length, b.length);
        return v;
    }

    /** One cell of a collected sweep, from bifurcation-periods.csv. */
    record Cell(double x, int period, boolean diverged, double loss, double lossError) {
        boolean positive() {
            return Double.isFinite(loss) && loss > SIGNIFICANCE * (Double.isFinite(lossError) ? lossError : 0);
        }
    }

    static List<Cell> cells(Path sweep) {
        Path csv = sweep.resolve("bifurcation-periods.csv");
        if (!Files.isRegularFile(csv)) return List.of();
        List<Cell> out = new ArrayList<>();
        for (BifurcationTails.PeriodRow r : BifurcationTails.readPeriods(csv, AXIS)) {
            out.add(new Cell(r.x(), r.period(), r.diverged(), r.lyapunovLoss(), r.lyapunovLossError()));
        }
        out.sort((a, b) -> Double.compare(a.x(), b.x()));
        return out;
    }

    /**
     * Three rows per network: period-2 cells with a positive exponent (none, by the UV route), the
     * first doubling against √5 − 1, the onset of a positive exponent against the accumulation point.
     * The exponent is the one seen by the loss (docs/train.md), the one comparable with the UV map's.
     */
    static List<Prediction> predictions(Path dir, ReproduceIndex index) {
        List<Prediction> out = new ArrayList<>();
        for (ReproduceIndex.Run r : index.runs(Layout.NETWORK_CHAOS)) {
            if (!r.name().endsWith("/" + BIFURCATION_RUN)) continue;
            String net = r.name().substring(0, r.name().length() - BIFURCATION_RUN.length() - 1);
            List<Cell> cells = cells(dir.resolve(r.path()));
            if (cells.isEmpty()) continue;
            String src = r.path() + "/bifurcation-periods.csv";
            List<Cell> alive = cells.stream().filter(c -> !c.diverged()).toList();
            double reach = alive.isEmpty() ? Double.NaN : alive.get(alive.size() - 1).x();
            String range = String.format(Locale.ROOT, "cells at η/η_c = %s … %s, last without divergence %s",
                    fmt(cells.get(0).x()), fmt(cells.get(cells.size() - 1).x()), fmt(reach));

            List<Cell> two = alive.stream().filter(c -> c.period() == 2).toList();
            String q1 = net + ": period-2 EoS cells with a positive loss-seen Lyapunov exponent (> 3 s.e.)";
            if (two.isEmpty()) {
                out.add(Prediction.untested(q1, 0, 0, false, src, "no cell settled on period 2 (" + range + ")"));
            } else {
                out.add(new Prediction(q1, 0, two.stream().filter(Cell::positive).count(), 0, false,
                        src + " (" + two.size() + " period-2 cells)"));
            }

            String q2 = net + ": first period doubling (2 → 4) at η/η_c = √5 − 1";
            double firstFour = alive.stream().filter(c -> c.period() == 4).mapToDouble(Cell::x).min().orElse(Double.NaN);
            if (!resolves(cells, UvTheory.PERIOD_FOUR_ONSET)) {
                out.add(Prediction.untested(q2, UvTheory.PERIOD_FOUR_ONSET, ROUTE_TOLERANCE, false, src,
                        "the grid has no cell within " + ROUTE_TOLERANCE + " of it (" + range + ")"));
            } else if (two.isEmpty()) {
                out.add(Prediction.untested(q2, UvTheory.PERIOD_FOUR_ONSET, ROUTE_TOLERANCE, false, src,
                        "no period-2 edge of stability to double (" + range + ")"));
            } else if (!(reach >= UvTheory.PERIOD_FOUR_ONSET)) {
                out.add(Prediction.untested(q2, UvTheory.PERIOD_FOUR_ONSET, ROUTE_TOLERANCE, false, src,
                        "training diverged before η/η_c = √5 − 1 (" + range + ")"));
            } else {
                out.add(new Prediction(q2, UvTheory.PERIOD_FOUR_ONSET, firstFour, ROUTE_TOLERANCE, false,
                        src + (Double.isNaN(firstFour) ? ": no cell of period 4 (" + range + ")" : "")));
            }

            String q3 = net + ": onset of a positive loss-seen exponent at the accumulation point η/η_c ≈ "
                    + fmt(UvTheory.ACCUMULATION_POINT);
            double onset = alive.stream().filter(Cell::positive).mapToDouble(Cell::x).min().orElse(Double.NaN);
            if (!resolves(cells, UvTheory.ACCUMULATION_POINT)) {
                out.add(Prediction.untested(q3, UvTheory.ACCUMULATION_POINT, ROUTE_TOLERANCE, false, src,
                        "the grid has no cell within " + ROUTE_TOLERANCE + " of it (" + range + ")"));
            } else if (!(reach >= UvTheory.ACCUMULATION_POINT) && Double.isNaN(onset)) {
                out.add(Prediction.untested(q3, UvTheory.ACCUMULATION_POINT, ROUTE_TOLERANCE, false, src,
                        "training diverged before the accumulation point (" + range + ")"));
            } else {
                out.add(new Prediction(q3, UvTheory.ACCUMULATION_POINT, onset, ROUTE_TOLERANCE, false,
                        src + (Double.isNaN(onset) ? ": no cell with a positive exponent (" + range + ")" : "")));
            }
        }
        return out;
    }

    /** Whether the grid can place a transition at {@code x} to the tolerance: a cell within it, and one below it. */
    static boolean resolves(List<Cell> cells, double x) {
        return cells.stream().anyMatch(c -> Math.abs(c.x() - x) <= ROUTE_TOLERANCE)
                && cells.stream().anyMatch(c -> c.x() < x - ROUTE_TOLERANCE);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
