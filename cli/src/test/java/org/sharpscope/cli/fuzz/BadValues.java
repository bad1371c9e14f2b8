package org.sharpscope.cli.fuzz;

import static org.sharpscope.cli.fuzz.BadValue.Expect.EITHER;
import static org.sharpscope.cli.fuzz.BadValue.Expect.REFUSE;
import static org.sharpscope.cli.fuzz.BadValue.Expect.REFUSE_OR_WARN;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sharpscope.cli.fuzz.BadValue.Expect;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The bad values of an option or positional parameter, chosen from its declared type (as the
 * picocli model gives it, so the fuzz follows the commands as they change): wrong types, NaN and
 * infinities, zero, negatives, extremes and empty strings; for paths, files where directories
 * are expected and the reverse, paths under a file, unwritable places, an existing run as an
 * output, and damaged input files of the kind the option reads ({@link Damage}).
 */
final class BadValues {
    private BadValues() {}

    /** Where nothing can be created, even by root. */
    static final String UNWRITABLE = "/proc/sharpscope-fuzz/out";

    static String name(ArgSpec arg) {
        return arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel();
    }

    static List<BadValue> of(CommandSpec command, String commandName, ArgSpec arg, Templates templates) {
        String name = name(arg);
        Class<?> type = arg.typeInfo().getType();
        boolean multi = arg.typeInfo().isMultiValue();
        Class<?> elem = multi && arg.typeInfo().getAuxiliaryTypes().length > 0 ? arg.typeInfo().getAuxiliaryTypes()[0] : type;
        List<BadValue> out = new ArrayList<>();
        if (Bases.OUTPUT_OPTIONS.contains(name)) {
            out.addAll(outputPaths(commandName, arg.paramLabel().contains("FILE")));
            return out;
        }
        if (elem == Path.class || elem == File.class) {
            out.addAll(inputPaths(commandName, name, arg.paramLabel().contains("DIR")));
            out.addAll(Damage.of(command, commandName, name, templates));
            return out;
        }
        if (elem == boolean.class || elem == Boolean.class) {
            if (arg.arity().max() > 0) out.add(BadValue.literal("maybe", REFUSE));
            return out;
        }
        if (isIntegral(elem)) {
            boolean isLong = elem == long.class || elem == Long.class;
            out.add(BadValue.literal("x", REFUSE));
            out.add(BadValue.literal("1.5", REFUSE));
            out.add(BadValue.literal("", REFUSE));
            out.add(BadValue.literal("0", EITHER));
            out.add(BadValue.literal("-1", EITHER));
            out.add(BadValue.literal(isLong ? "9223372036854775807" : "2147483647", EITHER));
            out.add(BadValue.literal("99999999999999999999", REFUSE));
        } else if (elem == double.class || elem == Double.class || elem == float.class || elem == Float.class) {
            out.add(BadValue.literal("x", REFUSE));
            out.add(BadValue.literal("", REFUSE));
            out.add(BadValue.literal("NaN", REFUSE));
            out.add(BadValue.literal("Infinity", REFUSE));
            out.add(BadValue.literal("-Infinity", REFUSE));
            out.add(BadValue.literal("0", EITHER));
            out.add(BadValue.literal("-1", EITHER));
            out.add(BadValue.literal("1e308", EITHER));
            out.add(BadValue.literal("4.9e-324", EITHER));
        } else if (elem.isEnum()) {
            out.add(BadValue.literal("nosuch", REFUSE));
            out.add(BadValue.literal("", REFUSE));
        } else {
            out.add(BadValue.literal("", REFUSE));
            out.add(BadValue.literal("nosuch", REFUSE));
        }
        if (multi) {
            out.add(BadValue.literal(",", REFUSE));
            if (isIntegral(elem) || elem == double.class || elem == Double.class) out.add(BadValue.literal("1,,2", REFUSE));
        }
        return out;
    }

    private static boolean isIntegral(Class<?> c) {
        return c == int.class || c == Integer.class || c == long.class || c == Long.class || c == short.class || c == Short.class;
    }

    /** Where the command writes: a directory (a run, a sweep) or a file. Nothing that exists may be replaced. */
    static List<BadValue> outputPaths(String command, boolean file) {
        List<BadValue> out = new ArrayList<>();
        out.add(BadValue.literal("", REFUSE));
        out.add(BadValue.missingPath("<under-file>", w -> w.plainFile("a-file").resolve("out"), REFUSE));
        out.add(BadValue.missingPath("<unwritable>", w -> UNWRITABLE, REFUSE));
        if (file) {
            out.add(BadValue.file("<dir>", w -> w.dir("a-dir"), REFUSE));
        } else {
            out.add(BadValue.file("<file>", w -> w.plainFile("a-file"), REFUSE));
            out.add(BadValue.file("<existing-run>", w -> w.finishedRun("old-run"), REFUSE));
            if (command.startsWith("sweep")) out.add(BadValue.file("<existing-sweep>", w -> Fixtures.sweepDirectory(w, "old-sweep"), REFUSE));
        }
        return out;
    }

    /** A file or directory the command reads. {@code --data-dir} of a synthetic dataset is read by nobody: refuse or warn. */
    static List<BadValue> inputPaths(String command, String name, boolean dir) {
        Expect e = name.equals("--data-dir") ? REFUSE_OR_WARN : REFUSE;
        List<BadValue> out = new ArrayList<>();
        out.add(BadValue.literal("", e));
        out.add(BadValue.missingPath("<missing>", w -> w.root.resolve("no-such-input"), e));
        out.add(BadValue.missingPath("<under-file>", w -> w.plainFile("a-file").resolve("input"), e));
        if (dir) {
            out.add(BadValue.file("<file>", w -> w.plainFile("a-file"), e));
        } else {
            out.add(BadValue.file("<dir>", w -> w.dir("a-dir"), e));
        }
        return out;
    }
}
