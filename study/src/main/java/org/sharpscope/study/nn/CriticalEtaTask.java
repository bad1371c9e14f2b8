package org.sharpscope.study.nn;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.train.TrainSummary;
import org.sharpscope.regime.LateState;
import org.sharpscope.run.AtomicFiles;
import org.sharpscope.run.CsvTable;
import org.sharpscope.run.Json;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.study.Progress;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Specs;
import org.sharpscope.study.Task;

/**
 * {@code critical-eta}: the network's own critical learning rate η_c, the learning rate at which
 * late training stops converging, found by bisection for one fixed setting (docs/critical-eta.md).
 * A run converges when its late state ({@link org.sharpscope.regime.RegimeAnalysis}) is
 * {@code converged} and its loss does not rise over the late window ({@link LateWindow#lossRises});
 * above η_c late training stays at the edge of stability (periodic or chaotic) or diverges. The
 * second condition catches what the regime analysis cannot see in finite steps: just above
 * η_c = 2/λ of a quadratic, sharpness is constant (period 1) while the unstable mode grows too
 * slowly to reach the divergence bound.
 *
 * <p>From the spec's learning rate the bracket grows (or shrinks) by {@code factor} per run until one
 * end converges and the other does not, then geometric bisection narrows it to {@code relTol}. Every
 * run is a full {@code train} run in {@code out/eta-VALUE/} (or {@code c-VALUE/} when the search
 * is on c); running the search again into the same directory reuses finished runs and continues
 * interrupted ones from their checkpoints, so it is idempotent. Writes config.yaml, manifest.json,
 * tries.csv (one row per run) and summary.json ({@link CriticalEtaSummary}).
 */
public final class CriticalEtaTask implements Task<CriticalEtaSpec, CriticalEtaSummary> {
    public static final String NAME = "critical-eta";
    public static final String TRIES = "tries.csv";

    /** Settings that do not change a run's numbers' meaning, only its speed: a rerun elsewhere may differ in them. */
    private static final List<String> MACHINE_KEYS = List.of("threads", "blas-threads");

    private final TrainTask train = new TrainTask();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<CriticalEtaSpec> specType() {
        return CriticalEtaSpec.class;
    }

    @Override
    public CriticalEtaSummary run(CriticalEtaSpec spec, RunContext context) {
        RunDirectory dir = open(context.out(), spec);
        dir.startManifest(NAME, spec.seed());
        Progress progress = context.progress();
        progress.start(NAME, spec.maxRuns());
        try {
            CriticalEtaSummary summary = search(spec, dir.root(), progress);
            AtomicFiles.writeString(dir.file(TRIES), table(summary.tries()).toCsv());
            dir.writeSummary(summary);
            dir.finishManifest("finished");
            return summary;
        } catch (RuntimeException e) {
            try {
                dir.finishManifest("failed");
            } catch (RuntimeException ignored) {
                // the failure above is the one to report
            }
            throw e;
        } finally {
            progress.finish();
        }
    }

    /**
     * Whether the training run in {@code runDir} (with summary {@code s}) converges: late state
     * {@code converged} and a late loss that does not rise.
     */
    public static boolean converges(TrainSummary s, Path runDir) {
        return s.lateState() == LateState.CONVERGED && !LateWindow.lossRises(runDir);
    }

    /** The run directory name of learning rate {@code value} of the search variable. */
    public static String runName(CriticalEtaSpec spec, double value) {
        return (spec.searchesEta() ? "eta-" : "c-") + value;
    }

    private CriticalEtaSummary search(CriticalEtaSpec spec, Path out, Progress progress) {
        List<CriticalEtaSummary.Run> tries = new ArrayList<>();
        Double low = null;
        Double high = null;
        double r = spec.start();
        CriticalEtaSummary.Run first = attempt(spec, r, out, tries, progress);
        double lambda0 = first.c() / first.eta();
        if (first.converges()) low = r;
        else high = r;
        while (tries.size() < spec.maxRuns() && (low == null || high == null)) {
            r = low != null ? r * spec.factor() : r / spec.factor();
            CriticalEtaSummary.Run t = attempt(spec, r, out, tries, progress);
            if (t.converges()) low = r;
            else high = r;
        }
        boolean bracketed = low != null && high != null;
        while (bracketed && tries.size() < spec.maxRuns() && high / low - 1 > spec.relTol()) {
            double mid = Math.sqrt(low * high);
            if (!(mid > low && mid < high)) break; // the bracket is as narrow as doubles allow
            if (attempt(spec, mid, out, tries, progress).converges()) low = mid;
            else high = mid;
        }
        boolean reached = bracketed && high / low - 1 <= spec.relTol();
        double toEta = spec.searchesEta() ? 1 : 1 / lambda0;
        String note;
        if (!bracketed) {
            String unit = spec.searchesEta() ? "η" : "c";
            note = low != null
                    ? "every run up to " + unit + " = " + low + " converged; start higher (--" + (spec.searchesEta() ? "eta" : "c")
                            + ") or allow more runs (--max-runs)"
                    : "no run down to " + unit + " = " + high + " converged; start lower (--" + (spec.searchesEta() ? "eta" : "c")
                            + ") or allow more runs (--max-runs)";
        } else {
            LateState highState = stateAt(tries, high, spec);
            String above = switch (highState) {
                case DIVERGED -> "diverges (this is the divergence edge, not an EoS onset)";
                case CONVERGED -> "sharpness settles but the loss rises over the late window (an unstable mode growing too "
                        + "slowly to diverge within the steps)";
                default -> "at the edge of stability (" + highState.label() + ")";
            };
            note = (reached ? "" : "the runs (--max-runs) ran out before the bracket reached --rel-tol; ")
                    + "η_c lies in [eta_low, eta_high]; just above it late training " + above;
        }
        Double etaC = bracketed ? Math.sqrt(low * high) * toEta : null;
        return new CriticalEtaSummary(etaC, etaC == null ? null : etaC * lambda0, lambda0, spec.searchesEta() ? "eta" : "c",
                bracketed ? low * toEta : null, bracketed ? high * toEta : null,
                bracketed ? low * toEta * lambda0 : null, bracketed ? high * toEta * lambda0 : null,
                bracketed ? stateAt(tries, low, spec) : null, bracketed ? stateAt(tries, high, spec) : null,
                bracketed, reached, spec.relTol(), spec.factor(), spec.steps(), tries.size(), List.copyOf(tries), note);
    }

    private static LateState stateAt(List<CriticalEtaSummary.Run> tries, double value, CriticalEtaSpec spec) {
        for (CriticalEtaSummary.Run t : tries) if ((spec.searchesEta() ? t.eta() : t.c()) == value) return t.lateState();
        return null;
    }

    /** Trains (or reuses) the run at {@code value}, adds it to {@code tries} and returns it. */
    private CriticalEtaSummary.Run attempt(CriticalEtaSpec spec, double value, Path out, List<CriticalEtaSummary.Run> tries,
                                           Progress progress) {
        String name = runName(spec, value);
        Path runDir = out.resolve(name);
        TrainSummary s = trainOrReuse(spec.train(value), runDir);
        double late = LateWindow.medianSharpness(runDir);
        // the run's own variable is exact; the other one goes through λ₀
        double eta = spec.searchesEta() ? value : s.eta();
        double c = spec.searchesEta() ? s.c() : value;
        CriticalEtaSummary.Run t = new CriticalEtaSummary.Run(eta, c, converges(s, runDir), s.lateState(), s.period(),
                s.eosEnteredAt(), s.divergedAt(), late, late * s.eta() / 2, s.finalLoss(), name);
        tries.add(t);
        progress.update(tries.size(), String.format(Locale.ROOT, "%s: %s", name, t.converges() ? "converges" : s.lateState().label()));
        return t;
    }

    /**
     * The summary of the train run {@code spec} in {@code runDir}: read back when the directory holds
     * it finished, continued from its checkpoints when it was interrupted, trained afresh otherwise
     * (a directory without checkpoints is cleared first). A directory holding a run of other
     * settings is refused.
     */
    TrainSummary trainOrReuse(TrainSpec spec, Path runDir) {
        if (Files.isRegularFile(runDir.resolve(RunDirectory.CONFIG))) {
            Map<String, Object> saved = Specs.toMap(TrainTask.savedSpec(runDir));
            if (!sameRun(saved, Specs.toMap(spec))) {
                throw new UserInputException(runDir + " holds a train run with other settings than this search's; "
                        + "give --out a new directory");
            }
            if (finished(runDir)) return TrainSummary.read(runDir);
            if (train.canResume(runDir)) return train.resume(spec, RunContext.quiet(runDir));
        }
        RunDirectory.deleteTree(runDir);
        return train.run(spec, RunContext.quiet(runDir));
    }

    /** A train run whose manifest says it ended (finished or diverged) and that has its summary. */
    private static boolean finished(Path runDir) {
        if (!Files.isRegularFile(runDir.resolve(RunDirectory.SUMMARY))) return false;
        try {
            JsonNode m = Json.JSON.readTree(runDir.resolve(RunDirectory.MANIFEST).toFile());
            String status = m.path("status").asText();
            return status.equals("finished") || status.equals("diverged");
        } catch (IOException e) {
            return false;
        }
    }

    /** The settings equal, apart from the thread counts (the machine's, not the run's). */
    private static boolean sameRun(Map<String, Object> a, Map<String, Object> b) {
        for (String key : MACHINE_KEYS) {
            a.remove(key);
            b.remove(key);
        }
        return Objects.equals(a, b);
    }

    /**
     * The search's run directory: created, or reopened when it holds a search with the same
     * settings (a rerun, which reuses its runs); a search of other settings is refused.
     */
    private static RunDirectory open(Path out, CriticalEtaSpec spec) {
        Path config = out.resolve(RunDirectory.CONFIG);
        if (Files.isRegularFile(config)) {
            String command = manifestCommand(out);
            if (!NAME.equals(command)) {
                throw new UserInputException(out + " holds a " + (command == null ? "run" : "'" + command + "' run")
                        + ", not a critical-eta search; give --out a new directory");
            }
            Map<String, Object> saved = Specs.toMap(Specs.bind(CriticalEtaSpec.class, Specs.readYaml(config), "config " + config));
            if (!sameRun(saved, Specs.toMap(spec))) {
                throw new UserInputException(out + " holds a critical-eta search with other settings (" + config
                        + "); give --out a new directory, or the same settings to continue it");
            }
            return RunDirectory.reopen(out);
        }
        RunDirectory dir = RunDirectory.create(out);
        dir.writeConfig(Specs.toMap(spec));
        return dir;
    }

    /** The {@code command} of the manifest in {@code dir}, or null. */
    private static String manifestCommand(Path dir) {
        try {
            JsonNode m = Json.JSON.readTree(dir.resolve(RunDirectory.MANIFEST).toFile());
            return m.path("command").isTextual() ? m.path("command").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** tries.csv: one row per run, in the order run. */
    static CsvTable table(List<CriticalEtaSummary.Run> tries) {
        CsvTable t = new CsvTable(List.of("eta", "c", "converges", "late_state", "period", "eos_entered_at", "diverged_at",
                "late_sharpness", "late_eta_sharpness_half", "final_loss", "dir"));
        for (CriticalEtaSummary.Run r : tries) {
            t.add(r.eta(), r.c(), r.converges(), r.lateState().label(), r.period(), r.eosEnteredAt(), r.divergedAt(),
                    r.lateSharpness(), r.lateEtaSharpnessHalf(), r.finalLoss(), r.dir());
        }
        return t;
    }
}
