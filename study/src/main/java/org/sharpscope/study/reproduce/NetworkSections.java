package org.sharpscope.study.reproduce;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sharpscope.nn.data.DatasetLoader;
import org.sharpscope.study.reproduce.Prediction;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.Json;
import org.sharpscope.study.nn.LateWindow;
import org.sharpscope.study.Progress;
import org.sharpscope.study.sweep.CollectSettings;
import org.sharpscope.study.sweep.LocalRunner;
import org.sharpscope.study.sweep.SweepCollection;
import org.sharpscope.study.sweep.SweepDirectory;
import org.sharpscope.study.sweep.SweepPlan;
import org.sharpscope.study.sweep.SweepSpec;
import static org.sharpscope.study.reproduce.Reproduction.settings;
import static org.sharpscope.study.reproduce.Reproduction.with;

/**
 * Sections 6–7 of the reproduction: real networks through the {@code train} task and sweeps
 * of it, on Fashion-MNIST (from Debian's package, or the subset bundled with
 * the program when it is missing, said in the report).
 */
public final class NetworkSections {
    private NetworkSections() {}

    /** Where Debian's dataset-fashion-mnist puts the IDX files. */
    public static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    /** Section 6: relative tolerance of late EoS sharpness against 2/η. Real nets hover a few % above 2/η. */
    public static final double EOS_TOLERANCE = 0.10;
    /** Section 7: c = 2^x grid of the early-training sweeps (x from −1 to 3 in steps of ½). */
    public static final double LOG2_C_FROM = -1;
    public static final double LOG2_C_TO = 3;
    public static final int C_POINTS = 9;
    /** Sweep of early training with a zero last layer (standard and full modes). */
    public static final String ZERO_LAST_LAYER_SWEEP = "phase-zero-last-layer";

    /**
     * Sizes of the real-network sections for each mode. Single runs use {@code trainThreads} libtorch
     * threads (1 where small nets are fastest on a shared machine, 0 = all cores for paper-scale nets);
     * sweep cells always use 1 and run in parallel.
     */
    record Scale(int subset, int width, int depth, int initSteps, double[] eosCs, int eosSteps, int[] sweepWidths,
                 int sweepSubset, int sweepSteps, int bifurcationCells, int bifurcationSteps, boolean cnn, int trainThreads) {
        static Scale of(ReproduceMode m) {
            return switch (m) {
                case QUICK -> new Scale(1000, 32, 3, 300, new double[] {1.0, 1.5}, 1200, new int[] {8, 32, 128},
                        256, 12, 5, 300, false, 1);
                case STANDARD -> new Scale(2000, 64, 3, 600, new double[] {1.0, 1.5}, 2500, new int[] {16, 32, 64, 128, 256},
                        512, 16, 9, 800, false, 1);
                case FULL -> new Scale(5000, 512, 4, 2000, new double[] {0.7, 1.0, 1.5}, 5000,
                        new int[] {32, 64, 128, 256, 512, 1024}, 1000, 20, 17, 3000, true, 0);
            };
        }
    }

    static boolean fashionMnistPresent() {
        return DatasetLoader.fashionMnistInstalled();
    }

    static List<Step> steps(Reproduction r) {
        if (!fashionMnistPresent()) {
            r.notes.add("Fashion-MNIST is not installed (" + FASHION_MNIST + "): sections 6–8 trained on the Fashion-MNIST "
                    + "subset bundled with sharpscope (6000 of the 60000 training examples), which holds every example these "
                    + "runs draw (stratified, seed 0), so they are the runs the full set gives. 'apt-get install "
                    + "dataset-fashion-mnist' for runs on more examples.");
        }
        Scale sc = Scale.of(r.mode);
        List<Step> t = new ArrayList<>();
        String s6 = Layout.NETWORKS;
        Object[][] inits = {{"fcn-sp", "sp", false}, {"fcn-mup", "mup", false}, {"fcn-zero-last-layer", "sp", true}};
        for (Object[] init : inits) {
            String name = (String) init[0];
            t.add(new Step(s6, name, () -> r.run(s6, name, Map.of("initialization", name), TRAIN,
                    with(train(sc, "fcn", sc.depth(), sc.width()), "param", init[1], "last-layer-zero", init[2],
                            "c", 1.0, "steps", sc.initSteps(), "subset", sc.subset()))));
        }
        for (double c : sc.eosCs()) {
            String name = "fcn-eos-c-" + c;
            t.add(new Step(s6, name, () -> r.run(s6, name, Map.of("late_state", "eos"), TRAIN,
                    with(train(sc, "fcn", sc.depth(), sc.width()), "param", "sp", "output-scale", 0.1,
                            "c", c, "steps", sc.eosSteps(), "subset", sc.subset()))));
        }
        if (sc.cnn()) {
            String name = "myrtle-eos-c-1.0";
            t.add(new Step(s6, name, () -> r.run(s6, name, Map.of("late_state", "eos"), TRAIN,
                    with(train(sc, "myrtle", 5, 32), "param", "sp", "output-scale", 0.1, "c", 1.0,
                            "steps", sc.eosSteps(), "subset", 1000))));
        }
        String s7 = Layout.NETWORK_SWEEPS;
        CollectSettings phase = new CollectSettings("c", "width", "early_trend", "width", null, null, null, null, null);
        t.add(new Step(s7, "phase diagram c vs width (SP)", () -> sweep(r, s7, "phase-sp", earlySpec(sc, false), phase)));
        if (r.mode != ReproduceMode.QUICK) {
            t.add(new Step(s7, "critical constants, zero last layer", () -> sweep(r, s7, ZERO_LAST_LAYER_SWEEP,
                    earlySpec(sc, true), phase)));
        }
        CollectSettings bifurcation = new CollectSettings(null, null, null, null, null, "c", 64, 16, null);
        t.add(new Step(s7, "bifurcation diagram (small net)", () -> sweep(r, s7, "bifurcation", bifurcationSpec(sc),
                bifurcation)));
        return t;
    }

    private static final String TRAIN = "train";

    /** The settings every single training run of section 6 shares. */
    private static Map<String, Object> train(Scale sc, String model, int depth, int width) {
        return settings("model", model, "depth", depth, "width", width, "activation", "tanh", "dataset", "fashion-mnist",
                "loss", "mse", "dtype", "float32", "probe-every", 10, "dense-steps", 20, "checkpoint-every", 0,
                "tol", 1e-4, "threads", sc.trainThreads(), "seed", 0);
    }

    private static Map<String, Object> base(int depth, int subset, int steps) {
        return settings("model", "fcn", "depth", depth, "activation", "tanh", "dataset", "fashion-mnist",
                "subset", subset, "loss", "mse", "dtype", "float32", "steps", steps, "checkpoint-every", 0,
                "tol", 1e-4, "threads", 1);
    }

    /** Early training over c = 2^x and width: every step probed, for the critical constants. */
    private static Map<String, Object> earlySpec(Scale sc, boolean zeroLastLayer) {
        Map<String, Object> b = with(base(sc.depth(), sc.sweepSubset(), sc.sweepSteps()), "param", "sp",
                "last-layer-zero", zeroLastLayer, "probe-every", 1, "dense-steps", sc.sweepSteps());
        Map<String, Object> axes = new LinkedHashMap<>();
        axes.put("width", Arrays.stream(sc.sweepWidths()).boxed().toList());
        axes.put("c", Map.of("log2_from", LOG2_C_FROM, "log2_to", LOG2_C_TO, "points", C_POINTS));
        return settings("command", TRAIN, "base", b, "axes", axes, "seeds", List.of(0));
    }

    /** Late-time sharpness of a small net over c, every step probed at the end. */
    private static Map<String, Object> bifurcationSpec(Scale sc) {
        Map<String, Object> b = with(base(2, 64, sc.bifurcationSteps()), "width", 16, "param", "sp", "output-scale", 0.1,
                "dtype", "float64", "tol", 1e-8, "probe-every", 1, "dense-steps", 0);
        Map<String, Object> axes = new LinkedHashMap<>();
        axes.put("c", Map.of("from", 1.0, "to", 3.0, "points", sc.bifurcationCells()));
        return settings("command", TRAIN, "base", b, "axes", axes, "seeds", List.of(0));
    }

    /** Runs a sweep of {@code spec} into {@code section/name} on all cores, then collects and draws it. */
    static void sweep(Reproduction r, String section, String name, Map<String, Object> spec, CollectSettings collect) {
        Path dir = r.path(section, name);
        Path specFile = r.dir.resolve(section).resolve(name + ".yaml");
        String text = Json.toYaml(spec);
        AtomicFiles.writeString(specFile, text);
        SweepPlan plan = SweepPlan.of(SweepSpec.parse(text, specFile.toString()));
        SweepDirectory sweep = SweepDirectory.prepare(dir, plan, text, false, false);
        new LocalRunner(LocalRunner.defaultWorkers(), Progress.NONE).run(sweep, plan.task(), sweep.pending(plan));
        r.drawing.sweep(dir, SweepCollection.collect(sweep, collect));
        r.register(section, name, Map.of("sweep", true));
    }

    /** The late window every EoS row is judged on, fixed in advance: the last quarter of the steps. */
    public static final double LATE_WINDOW_FRACTION = LateWindow.FRACTION;

    /**
     * One row per real EoS run: the median λ^H over the last quarter of the steps against 2/η. A
     * run that never entered the edge of stability cannot test the prediction: it is untested.
     */
    static List<Prediction> predictions(Path dir, ReproduceIndex index) {
        List<Prediction> out = new ArrayList<>();
        for (ReproduceIndex.Run r : index.runs(Layout.NETWORKS)) {
            if (!"eos".equals(r.expected().get("late_state"))) continue;
            Path p = dir.resolve(r.path());
            if (!Files.isRegularFile(p.resolve("summary.json"))) continue;
            Map<String, Object> s = RunFiles.summary(p);
            String quantity = "EoS: late sharpness λ^H = 2/η (" + r.name() + ", c = "
                    + String.format(Locale.ROOT, "%.6g", RunFiles.number(s, "c")) + ")";
            double threshold = RunFiles.number(s, "stability_threshold");
            String source = r.path() + "/metrics.csv: median λ^H over the last quarter of the steps";
            if (!(s.get("eos_entered_at") instanceof Number)) {
                out.add(Prediction.untested(quantity, threshold, EOS_TOLERANCE, true, source,
                        "the run never reached 2/η (no EoS entry), so it says nothing about sharpness at the edge"));
                continue;
            }
            out.add(new Prediction(quantity, threshold, lateSharpness(p), EOS_TOLERANCE, true, source));
        }
        return out;
    }

    /** Median λ^H over the probes in the last quarter of the steps. */
    static double lateSharpness(Path run) {
        return LateWindow.medianSharpness(run);
    }
}
