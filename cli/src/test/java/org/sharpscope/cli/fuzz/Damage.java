package org.sharpscope.cli.fuzz;

import static org.sharpscope.cli.fuzz.BadValue.Expect.EITHER;
import static org.sharpscope.cli.fuzz.BadValue.Expect.REFUSE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.sharpscope.cli.fuzz.BadValue.Expect;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Damaged input files, by the kind of input an option or parameter reads: YAML configs, Matrix
 * Market matrices, safetensors checkpoints, train run directories (resume), sweep specs, sweep
 * directories and reproductions. Each starts from a valid file ({@link Fixtures},
 * {@link Templates}) and breaks one thing: truncated, empty, wrong shapes, non-finite numbers,
 * extra or missing entries, wrong types.
 */
final class Damage {
    private Damage() {}

    static List<BadValue> of(CommandSpec command, String commandName, String name, Templates templates) {
        return switch (name) {
            case "--config" -> config(command);
            case "--matrix" -> matrix();
            case "--checkpoint" -> checkpoint(templates);
            case "--resume" -> commandName.equals("train") ? trainRun(templates) : List.of();
            case "SPEC" -> sweepSpec();
            case "DIR" -> switch (commandName) {
                case "report" -> reproduction();
                case "sweep collect" -> sweepDirectory();
                default -> List.of();
            };
            default -> List.of();
        };
    }

    private static BadValue text(String label, String name, String content, Expect e) {
        return BadValue.file(label, w -> w.write(name, content), e);
    }

    private static BadValue bytes(String label, String name, byte[] content, Expect e) {
        return BadValue.file(label, w -> w.write(name, content), e);
    }

    static byte[] garbage() {
        byte[] b = new byte[300];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (i * 37 + 11);
        return b;
    }

    // ---- YAML configs ----

    /** The first option of {@code command} among {@code preferred}, else the first whose type matches. */
    private static String key(CommandSpec command, List<String> preferred, Class<?>... types) {
        for (String p : preferred) {
            if (command.findOption(p) != null) return p.substring(2);
        }
        for (OptionSpec o : command.options()) {
            if (Arrays.asList(types).contains(o.typeInfo().getType()) && !o.typeInfo().isMultiValue()) return o.longestName().substring(2);
        }
        return null;
    }

    static List<BadValue> config(CommandSpec command) {
        String intKey = key(command, List.of("--steps", "--width", "--seed"), int.class, Integer.class, long.class, Long.class);
        String realKey = key(command, List.of("--eta", "--eta-over-etac", "--tol"), double.class, Double.class);
        List<BadValue> out = new ArrayList<>();
        out.add(text("<config:empty>", "c.yaml", "", EITHER));
        out.add(text("<config:not-yaml>", "c.yaml", "width: [1, 2\n", REFUSE));
        out.add(text("<config:list>", "c.yaml", "- 1\n- 2\n", REFUSE));
        out.add(text("<config:scalar>", "c.yaml", "42\n", REFUSE));
        out.add(text("<config:unknown-key>", "c.yaml", "no-such-key: 1\n", REFUSE));
        out.add(bytes("<config:binary>", "c.yaml", garbage(), REFUSE));
        if (intKey != null) {
            out.add(text("<config:duplicate-key>", "c.yaml", intKey + ": 3\n" + intKey + ": 4\n", REFUSE));
            out.add(text("<config:wrong-type>", "c.yaml", intKey + ": abc\n", REFUSE));
            out.add(text("<config:nested>", "c.yaml", intKey + ": {a: 1}\n", REFUSE));
            out.add(text("<config:truncated>", "c.yaml", intKey + ": 3\n" + intKey.substring(0, Math.max(1, intKey.length() / 2)), REFUSE));
        }
        if (realKey != null) out.add(text("<config:nan>", "c.yaml", realKey + ": .nan\n", REFUSE));
        return out;
    }

    // ---- Matrix Market ----

    static List<BadValue> matrix() {
        String m = Fixtures.MATRIX;
        String header = "%%MatrixMarket matrix array real symmetric\n";
        List<BadValue> out = new ArrayList<>();
        out.add(text("<mtx:empty>", "d.mtx", "", REFUSE));
        out.add(text("<mtx:header-only>", "d.mtx", header, REFUSE));
        out.add(text("<mtx:truncated>", "d.mtx", m.substring(0, m.length() - 5), REFUSE));
        out.add(text("<mtx:extra-entry>", "d.mtx", m + "5\n", REFUSE));
        out.add(text("<mtx:nan>", "d.mtx", m.replace("\n0\n", "\nNaN\n"), REFUSE));
        out.add(text("<mtx:infinity>", "d.mtx", m.replace("\n0\n", "\nInfinity\n"), REFUSE));
        out.add(text("<mtx:text-entry>", "d.mtx", m.replace("\n0\n", "\nabc\n"), REFUSE));
        out.add(text("<mtx:not-symmetric>", "d.mtx", "%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n4\n", REFUSE));
        out.add(text("<mtx:index-out-of-range>", "d.mtx", "%%MatrixMarket matrix coordinate real symmetric\n3 3 1\n4 4 1.0\n", REFUSE));
        out.add(text("<mtx:index-zero>", "d.mtx", "%%MatrixMarket matrix coordinate real symmetric\n3 3 1\n0 0 1.0\n", REFUSE));
        out.add(text("<mtx:missing-entries>", "d.mtx", "%%MatrixMarket matrix coordinate real symmetric\n3 3 5\n1 1 1.0\n", REFUSE));
        out.add(text("<mtx:huge-dense>", "d.mtx", header + "2000000000 2000000000\n1\n", REFUSE));
        out.add(text("<mtx:huge-sparse>", "d.mtx", "%%MatrixMarket matrix coordinate real symmetric\n2000000000 2000000000 1\n1 1 1.0\n", REFUSE));
        out.add(text("<mtx:huge-entry-count>", "d.mtx", "%%MatrixMarket matrix coordinate real symmetric\n3 3 999999999999\n1 1 1.0\n", REFUSE));
        out.add(text("<mtx:zero-size>", "d.mtx", header + "0 0\n", REFUSE));
        out.add(text("<mtx:negative-size>", "d.mtx", header + "-3 -3\n", REFUSE));
        out.add(text("<mtx:non-square>", "d.mtx", "%%MatrixMarket matrix array real general\n2 3\n1\n2\n3\n4\n5\n6\n", REFUSE));
        out.add(text("<mtx:complex>", "d.mtx", "%%MatrixMarket matrix array complex symmetric\n1 1\n1 0\n", REFUSE));
        out.add(bytes("<mtx:binary>", "d.mtx", garbage(), REFUSE));
        return out;
    }

    // ---- safetensors checkpoints ----

    static List<BadValue> checkpoint(Templates t) {
        List<BadValue> out = new ArrayList<>();
        out.add(bytes("<ckpt:empty>", "w.safetensors", new byte[0], REFUSE));
        out.add(bytes("<ckpt:garbage>", "w.safetensors", garbage(), REFUSE));
        ByteBuffer huge = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 62).put((byte) '{').put((byte) '}');
        out.add(bytes("<ckpt:huge-header-length>", "w.safetensors", huge.array(), REFUSE));
        ByteBuffer none = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).putLong(2).put((byte) '{').put((byte) '}');
        out.add(bytes("<ckpt:no-tensors>", "w.safetensors", none.array(), REFUSE));
        out.add(BadValue.file("<ckpt:truncated>", w -> {
            byte[] b = read(t.checkpoint());
            return w.write("w.safetensors", Arrays.copyOf(b, b.length / 2));
        }, REFUSE));
        out.add(BadValue.file("<ckpt:nan-weights>", w -> w.write("w.safetensors", nanWeights(read(t.checkpoint()))), REFUSE));
        out.add(BadValue.file("<ckpt:other-width>", w -> w.write("w.safetensors", read(t.otherWidthCheckpoint())), REFUSE));
        return out;
    }

    /** The safetensors bytes with every data byte set to 0xFF: NaN in float32 and float64 alike. */
    static byte[] nanWeights(byte[] b) {
        long headerLength = ByteBuffer.wrap(b, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        byte[] c = b.clone();
        for (int i = (int) (8 + headerLength); i < c.length; i++) c[i] = (byte) 0xFF;
        return c;
    }

    // ---- train run directories (--resume) ----

    /** A damaged copy of the template run; resumed with {@code --resume} alone (no conflicting flags). */
    private static BadValue run(String label, Templates t, Expect e, Function<Path, Object> damage) {
        return new BadValue(label, w -> {
            Path run = w.copyOf(t.trainRun(), "run");
            damage.apply(run);
            return run.toString();
        }, e, true);
    }

    static List<BadValue> trainRun(Templates t) {
        List<BadValue> out = new ArrayList<>();
        out.add(BadValue.file("<run:empty-dir>", w -> w.dir("run"), REFUSE));
        out.add(run("<run:no-checkpoints>", t, REFUSE, r -> deleteAll(r.resolve("checkpoints"))));
        out.add(run("<run:empty-metrics>", t, REFUSE, r -> write(r.resolve("metrics.csv"), "")));
        out.add(run("<run:header-only-metrics>", t, REFUSE, r -> write(r.resolve("metrics.csv"), firstLine(r.resolve("metrics.csv")) + "\n")));
        out.add(run("<run:truncated-metrics>", t, EITHER, r -> {
            String s = Fixtures.read(r.resolve("metrics.csv"));
            return write(r.resolve("metrics.csv"), s.substring(0, s.length() * 2 / 3));
        }));
        out.add(run("<run:text-in-metrics>", t, REFUSE, r -> write(r.resolve("metrics.csv"),
                Fixtures.read(r.resolve("metrics.csv")).replaceAll("\n(\\d+),[^,\n]*", "\n$1,abc"))));
        out.add(run("<run:truncated-checkpoint>", t, REFUSE, r -> {
            for (Path c : list(r.resolve("checkpoints"))) {
                byte[] b = read(c);
                write(c, Arrays.copyOf(b, b.length / 2));
            }
            return r;
        }));
        out.add(run("<run:no-config>", t, REFUSE, r -> delete(r.resolve("config.yaml"))));
        out.add(run("<run:duplicate-config-key>", t, REFUSE, r -> write(r.resolve("config.yaml"),
                Fixtures.read(r.resolve("config.yaml")) + "steps: 9\n")));
        out.add(run("<run:nan-in-config>", t, REFUSE, r -> write(r.resolve("config.yaml"),
                Fixtures.read(r.resolve("config.yaml")).replaceAll("(?m)^eta: .*$", "eta: .nan"))));
        out.add(run("<run:finished>", t, EITHER, r -> r));
        return out;
    }

    // ---- sweep specs ----

    static List<BadValue> sweepSpec() {
        String base = "base:\n  width: 4\n  steps: 5\n  eta: 0.1\n";
        List<BadValue> out = new ArrayList<>();
        out.add(text("<spec:empty>", "s.yaml", "", REFUSE));
        out.add(text("<spec:not-yaml>", "s.yaml", "command: uv run\naxes: [1, 2\n", REFUSE));
        out.add(text("<spec:list>", "s.yaml", "- uv run\n", REFUSE));
        out.add(text("<spec:duplicate-key>", "s.yaml", "command: uv run\ncommand: uv run\n" + base, REFUSE));
        out.add(text("<spec:duplicate-axis>", "s.yaml", "command: uv run\n" + base + "axes:\n  target: [1]\n  target: [2]\n", REFUSE));
        out.add(text("<spec:duplicate-base-key>", "s.yaml", "command: uv run\n" + base + "  steps: 6\n", REFUSE));
        out.add(text("<spec:unknown-key>", "s.yaml", "command: uv run\n" + base + "colour: blue\n", REFUSE));
        out.add(text("<spec:no-command>", "s.yaml", base, REFUSE));
        out.add(text("<spec:command-sweep-run>", "s.yaml", "command: sweep run\n", REFUSE));
        out.add(text("<spec:command-nosuch>", "s.yaml", "command: nosuch\n" + base, REFUSE));
        out.add(text("<spec:unknown-flag>", "s.yaml", "command: uv run\n" + base + "  nosuch: 1\n", REFUSE));
        out.add(text("<spec:wrong-type>", "s.yaml", "command: uv run\nbase:\n  width: abc\n  steps: 5\n  eta: 0.1\n", REFUSE));
        out.add(text("<spec:empty-axis>", "s.yaml", "command: uv run\n" + base + "axes:\n  target: []\n", REFUSE));
        out.add(text("<spec:billion-points>", "s.yaml", "command: uv run\n" + base
                + "axes:\n  target: {from: 0, to: 1, points: 1000000000}\n", REFUSE));
        out.add(text("<spec:trillion-cells>", "s.yaml", "command: uv run\nbase: {width: 4, steps: 5}\naxes:\n"
                + "  eta: {from: 0.1, to: 0.2, points: 1000}\n  target: {from: 1, to: 2, points: 1000}\n"
                + "  sigma-w: {from: 1, to: 2, points: 1000}\n  param-s: {from: 0, to: 1, points: 1000}\n", REFUSE));
        out.add(text("<spec:seed-range>", "s.yaml", "command: uv run\n" + base + "seeds: {from: 0, to: 3, points: 4}\n", REFUSE));
        out.add(text("<spec:seed-text>", "s.yaml", "command: uv run\n" + base + "seeds: [a]\n", REFUSE));
        out.add(text("<spec:out-in-base>", "s.yaml", "command: uv run\n" + base + "  out: elsewhere\n", REFUSE));
        out.add(text("<spec:zip-unequal>", "s.yaml", "command: uv run\n" + base
                + "axes:\n  target: [1, 2]\n  sigma-w: [1]\nzip: [[target, sigma-w]]\n", REFUSE));
        out.add(text("<spec:nan-value>", "s.yaml", "command: uv run\nbase:\n  width: 4\n  steps: 5\n  eta: .nan\n", EITHER));
        out.add(bytes("<spec:binary>", "s.yaml", garbage(), REFUSE));
        return out;
    }

    // ---- sweep directories (collect) ----

    private static BadValue sweep(String label, Expect e, Function<Path, Object> damage) {
        return new BadValue(label, w -> {
            Path dir = Fixtures.sweepDirectory(w, "damaged-sweep");
            damage.apply(dir);
            return dir.toString();
        }, e, true);
    }

    static List<BadValue> sweepDirectory() {
        List<BadValue> out = new ArrayList<>();
        out.add(BadValue.file("<sweep:empty-dir>", w -> w.dir("damaged-sweep"), REFUSE));
        out.add(sweep("<sweep:empty-index>", REFUSE, d -> write(d.resolve("index.json"), "")));
        out.add(sweep("<sweep:truncated-index>", REFUSE, d -> {
            String s = Fixtures.read(d.resolve("index.json"));
            return write(d.resolve("index.json"), s.substring(0, s.length() / 2));
        }));
        out.add(sweep("<sweep:{}-index>", REFUSE, d -> write(d.resolve("index.json"), "{}")));
        out.add(sweep("<sweep:null-status>", REFUSE, d -> write(d.resolve("index.json"),
                Fixtures.read(d.resolve("index.json")).replaceFirst("\"status\" : \"finished\"", "\"status\" : null"))));
        out.add(sweep("<sweep:null-cell-dir>", REFUSE, d -> write(d.resolve("index.json"),
                Fixtures.read(d.resolve("index.json")).replaceFirst("\"dir\" : \"cells/cell-0000\"", "\"dir\" : null"))));
        out.add(sweep("<sweep:cell-dir-escapes>", REFUSE, d -> write(d.resolve("index.json"),
                Fixtures.read(d.resolve("index.json")).replaceFirst("\"dir\" : \"cells/cell-0000\"", "\"dir\" : \"../../..\""))));
        out.add(sweep("<sweep:truncated-summary>", EITHER, d -> write(d.resolve("cells/cell-0000/summary.json"), "{\"eta\": 0.")));
        out.add(sweep("<sweep:wrong-type-summary>", EITHER, d -> write(d.resolve("cells/cell-0000/summary.json"),
                "{\"eta\": \"x\", \"late_state\": 5, \"period\": \"two\", \"early_trend\": [1], \"catapult\": \"maybe\"}")));
        out.add(sweep("<sweep:empty-metrics>", EITHER, d -> write(d.resolve("cells/cell-0000/metrics.csv"), "")));
        out.add(sweep("<sweep:text-in-metrics>", EITHER, d -> write(d.resolve("cells/cell-0000/metrics.csv"),
                "step,loss,sharpness\n0,abc,def\n1,,\n")));
        out.add(sweep("<sweep:non-finite-metrics>", EITHER, d -> write(d.resolve("cells/cell-0000/metrics.csv"),
                "step,loss,sharpness\n0,NaN,Infinity\n1,-Infinity,NaN\n")));
        out.add(sweep("<sweep:text-axis-values>", EITHER, d -> write(d.resolve("index.json"),
                Fixtures.read(d.resolve("index.json")).replace("\"eta\" : 0.1", "\"eta\" : \"low\""))));
        return out;
    }

    // ---- reproductions (report) ----

    private static BadValue repro(String label, Expect e, Function<Path, Object> damage) {
        return new BadValue(label, w -> {
            Path dir = Fixtures.reproduction(w, "damaged-repro");
            damage.apply(dir);
            return dir.toString();
        }, e, true);
    }

    private static Path index(Path dir) {
        return dir.resolve("reproduce.json");
    }

    static List<BadValue> reproduction() {
        List<BadValue> out = new ArrayList<>();
        out.add(BadValue.file("<repro:no-index>", w -> w.dir("damaged-repro"), REFUSE));
        out.add(repro("<repro:{}>", REFUSE, d -> write(index(d), "{}")));
        out.add(repro("<repro:[]>", REFUSE, d -> write(index(d), "[]")));
        out.add(repro("<repro:empty-index>", REFUSE, d -> write(index(d), "")));
        out.add(repro("<repro:truncated-index>", REFUSE, d -> {
            String s = Fixtures.read(index(d));
            return write(index(d), s.substring(0, s.length() / 2));
        }));
        out.add(repro("<repro:null-runs>", REFUSE, d -> write(index(d), "{\"mode\": \"quick\", \"sections\": [], \"runs\": null}")));
        out.add(repro("<repro:run-without-path>", REFUSE, d -> write(index(d), Fixtures.read(index(d))
                .replace("\"path\" : \"1-regimes/converge\"", "\"path\" : null"))));
        out.add(repro("<repro:run-escapes>", REFUSE, d -> write(index(d), Fixtures.read(index(d))
                .replace("\"path\" : \"1-regimes/converge\"", "\"path\" : \"../../..\""))));
        out.add(repro("<repro:missing-run-dir>", EITHER, d -> deleteAll(d.resolve("1-regimes"))));
        out.add(repro("<repro:truncated-summary>", EITHER, d -> write(d.resolve("1-regimes/converge/summary.json"), "{\"eta_over")));
        out.add(repro("<repro:wrong-type-summary>", EITHER, d -> write(d.resolve("1-regimes/converge/summary.json"),
                "{\"eta_over_etac\": \"half\", \"c\": [1], \"late_state\": 5, \"period\": \"two\", \"eta\": {}, \"eta_c\": \"x\"}")));
        out.add(repro("<repro:null-expected>", EITHER, d -> write(index(d), Fixtures.read(index(d))
                .replaceAll("\"expected\" : \\{[^}]*\\}", "\"expected\" : null"))));
        out.add(repro("<repro:vector-field-wrong-types>", EITHER, d -> {
            write(index(d), Fixtures.read(index(d)).replace("\"section\" : \"1-regimes\"", "\"section\" : \"2-vector-field\""));
            return write(d.resolve("1-regimes/converge/summary.json"), "{\"fixed_points\": [1, {\"x\": \"a\"}], \"eta_over_etac\": 0.5}");
        }));
        out.add(repro("<repro:collapse-text-metrics>", EITHER, d -> {
            write(index(d), Fixtures.read(index(d)).replace("\"section\" : \"1-regimes\"", "\"section\" : \"3-collapse\""));
            return write(d.resolve("1-regimes/converge/metrics.csv"), "step,q,residual,eta_ntk\n0,abc,1,x\n");
        }));
        out.add(repro("<repro:doublings-wrong-types>", EITHER, d -> {
            write(index(d), Fixtures.read(index(d)).replace("\"section\" : \"1-regimes\"", "\"section\" : \"4-route-to-chaos\"")
                    .replace("\"name\" : \"converge\"", "\"name\" : \"doublings\""));
            return write(d.resolve("1-regimes/converge/summary.json"), "{\"doublings\": 5, \"feigenbaum_ratios\": \"x\"}");
        }));
        return out;
    }

    // ---- file helpers ----

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path p, String s) {
        return write(p, s.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path p, byte[] b) {
        try {
            Files.createDirectories(p.getParent());
            return Files.write(p, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path deleteAll(Path dir) {
        if (!Files.exists(dir)) return dir;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static String firstLine(Path p) {
        return Fixtures.read(p).lines().findFirst().orElse("");
    }
}
