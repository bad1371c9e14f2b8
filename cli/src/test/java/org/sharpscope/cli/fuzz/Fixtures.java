package org.sharpscope.cli.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharpscope.study.reproduce.ReproduceIndex;
import org.sharpscope.run.Json;
import org.sharpscope.study.sweep.IndexEntry;
import org.sharpscope.study.sweep.SweepIndex;

/**
 * Valid input files of the base invocations, written without running anything: a small
 * symmetric matrix, a two-cell sweep spec, a finished four-cell sweep directory and a
 * reproduction with one run. The damaged variants ({@link Damage}) start from these.
 */
final class Fixtures {
    private Fixtures() {}

    /** The 3×3 tridiagonal matrix (2, −1) in array symmetric layout (lower triangle, by column). */
    static final String MATRIX = "%%MatrixMarket matrix array real symmetric\n3 3\n2\n-1\n0\n2\n-1\n2\n";

    static Path matrix(Workspace w, String name) {
        return w.write(name, MATRIX);
    }

    /** Two cells of a five-step UV run. */
    static final String SWEEP_SPEC = "command: uv run\nbase:\n  width: 4\n  steps: 5\n  eta: 0.1\naxes:\n  target: [1, 2]\n";

    static Path sweepSpec(Workspace w, String name) {
        return w.write(name, SWEEP_SPEC);
    }

    /** A finished sweep over eta × target (2 × 2 cells), as 'sweep run' leaves it. */
    static Path sweepDirectory(Workspace w, String name) {
        Path dir = w.dir(name);
        w.write(name + "/sweep.yaml", "command: uv run\nbase: {width: 4, steps: 5}\naxes:\n  eta: [0.1, 0.2]\n  target: [1, 2]\n");
        List<IndexEntry> cells = new ArrayList<>();
        String[] states = {"converged", "converged", "eos", "diverged"};
        int i = 0;
        for (double eta : new double[] {0.1, 0.2}) {
            for (int target : new int[] {1, 2}) {
                String id = String.format("cell-%04d", i);
                Map<String, Object> axes = new LinkedHashMap<>();
                axes.put("eta", eta);
                axes.put("target", target);
                cells.add(new IndexEntry(id, "cells/" + id, axes, null, "finished", 0, null, 0.01));
                w.write(name + "/cells/" + id + "/summary.json", "{\"eta\": " + eta + ", \"c\": " + (eta * 4)
                        + ", \"early_trend\": \"flat\", \"catapult\": false, \"late_state\": \"" + states[i]
                        + "\", \"period\": " + (i == 2 ? 2 : 1) + ", \"diverged_at\": null}\n");
                StringBuilder csv = new StringBuilder("step,loss,sharpness\n");
                for (int s = 0; s < 12; s++) {
                    csv.append(s).append(',').append(0.5 / (s + 1)).append(',').append(1 + 0.01 * s * (i + 1) + (s % 2) * 0.1 * i).append('\n');
                }
                w.write(name + "/cells/" + id + "/metrics.csv", csv.toString());
                w.write(name + "/cells/" + id + "/manifest.json", "{\"status\": \"finished\"}\n");
                w.write(name + "/cells/" + id + "/sweep-cell.json",
                        "{\"status\": \"finished\", \"exit_code\": 0, \"error\": null, \"seconds\": 0.01}\n");
                i++;
            }
        }
        Json.writeJson(dir.resolve("index.json"), new SweepIndex(SweepIndex.FORMAT, "uv run", "0".repeat(64),
                List.of("eta", "target"), cells));
        return dir;
    }

    /** A finished reproduction with one UV run in section 1 (its summary only: figures are reported missing). */
    static Path reproduction(Workspace w, String name) {
        Path dir = w.dir(name);
        w.write(name + "/1-regimes/converge/summary.json", "{\"eta_over_etac\": 0.5, \"c\": 1.0, \"early_trend\": \"flat\", "
                + "\"catapult\": false, \"late_state\": \"converged\", \"period\": 1, \"eta\": 0.5, \"eta_c\": 1.0}\n");
        w.write(name + "/1-regimes/converge/metrics.csv", "step,f,residual,loss,ntk,sharpness,q,eta_ntk,eta_sharpness\n"
                + "0,0,1,0.5,1,1,1,0.5,0.5\n1,0.5,0.5,0.125,1,1,1,0.5,0.5\n");
        List<ReproduceIndex.Section> sections = List.of(
                new ReproduceIndex.Section("1-regimes", "1. UV model: the regimes of a trajectory", "finished", 0.1, null));
        List<ReproduceIndex.Run> runs = List.of(new ReproduceIndex.Run("1-regimes", "converge", "1-regimes/converge",
                Map.of("late_state", "converged")));
        new ReproduceIndex("quick", "0.1.0", "test", "2025-01-01T00:00:00Z", "2025-01-01T00:00:01Z", 1.0,
                sections, runs, List.of()).write(dir);
        return dir;
    }

    /** The text of {@code file} in the workspace. */
    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
