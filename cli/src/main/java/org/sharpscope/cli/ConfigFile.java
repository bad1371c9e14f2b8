package org.sharpscope.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sharpscope.UserInputException;
import org.sharpscope.run.Json;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A YAML configuration for a command, the one config mechanism of every command: its keys are the
 * command's long flag names without the dashes ({@code eta-over-etac: 1.2}; underscores are
 * accepted for dashes), values are scalars, or lists where the option takes several values;
 * {@code null} leaves the default. Flags given on the command line override the file. Values go
 * through picocli's own conversion, so a config file accepts exactly what the flags accept.
 */
public final class ConfigFile {
    private ConfigFile() {}

    /** Keys that choose where settings come from, so they cannot appear inside a config file. */
    private static final Set<String> SOURCE_KEYS = Set.of("config", "resume");

    /** {@link #apply(Path, CommandSpec, Collection, Collection, Collection)} with no earlier file and no ignored keys. */
    public static List<String> apply(Path file, CommandSpec spec, Collection<String> group) {
        return apply(file, spec, group, List.of(), List.of());
    }

    /**
     * Sets every option of {@code spec} named in {@code file} that neither the command line nor an
     * earlier, higher-priority file ({@code alreadySet}, its keys) set. When the command line or
     * {@code alreadySet} sets any option of {@code group} (for example the learning-rate flags),
     * the file's keys of that group are all ignored. Keys in {@code ignored} (settings of another
     * command that shares the file) are skipped. Throws {@link UserInputException}, one line naming
     * the file, for a missing or malformed file, an unknown key or a bad value. Returns the keys
     * it set (dashed form).
     */
    public static List<String> apply(Path file, CommandSpec spec, Collection<String> group,
                                     Collection<String> alreadySet, Collection<String> ignored) {
        Map<String, Object> values = read(file);
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        boolean groupSet = group.stream().anyMatch(k -> parsed.hasMatchedOption("--" + k) || alreadySet.contains(k));
        List<String> applied = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String key = e.getKey().trim().replace('_', '-');
            OptionSpec option = spec.findOption("--" + key);
            if (option == null || SOURCE_KEYS.contains(key) || option.usageHelp() || option.versionHelp()) {
                if (option == null && ignored.contains(key)) continue;
                throw new UserInputException("config " + file + ": unknown key '" + e.getKey() + "'; keys are flag names"
                        + " without dashes (see '" + spec.qualifiedName() + " --help')");
            }
            if (e.getValue() == null || parsed.hasMatchedOption(option) || alreadySet.contains(key)
                    || (groupSet && group.contains(key))) {
                continue;
            }
            setFromText(spec, option, key, e.getValue(), file);
            applied.add(key);
        }
        return applied;
    }

    /** The long flag names without dashes of a command class (for {@code ignored}). */
    public static Set<String> keysOf(Class<?> command) {
        Set<String> keys = new java.util.HashSet<>();
        for (OptionSpec o : new CommandLine(command).getCommandSpec().options()) {
            for (String n : o.names()) if (n.startsWith("--")) keys.add(n.substring(2));
        }
        return keys;
    }

    private static void setFromText(CommandSpec spec, OptionSpec option, String key, Object value, Path file) {
        List<String> args = new ArrayList<>();
        if (value instanceof Map<?, ?>) {
            throw new UserInputException("config " + file + ": '" + key + "' must be a value or a list, not a mapping");
        }
        if (option.arity().max() == 0) {
            if (!(value instanceof Boolean b)) {
                throw new UserInputException("config " + file + ": '" + key + "' is a switch; write true or false");
            }
            if (!b) return;
            args.add("--" + key);
        } else if (value instanceof List<?> list) {
            if (!option.isMultiValue()) {
                throw new UserInputException("config " + file + ": '" + key + "' takes one value, not a list");
            }
            for (Object v : list) args.add("--" + key + "=" + v);
        } else {
            args.add("--" + key + "=" + value);
        }
        // Convert with a fresh instance of the same command, then copy the typed value over.
        CommandLine scratch = new CommandLine(newInstance(spec));
        scratch.setCaseInsensitiveEnumValuesAllowed(true);
        OptionSpec converted = scratch.getCommandSpec().findOption("--" + key);
        try {
            scratch.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.MissingParameterException ex) {
            // other required options of the scratch command are absent; ours was converted
            if (ex.getMissing().stream().anyMatch(a -> a instanceof OptionSpec o && o.longestName().equals(converted.longestName()))) {
                throw new UserInputException("config " + file + ": " + firstLine(ex.getMessage()));
            }
        } catch (CommandLine.ParameterException ex) {
            throw new UserInputException("config " + file + ": " + firstLine(ex.getMessage()));
        }
        option.setValue(converted.getValue());
    }

    private static Object newInstance(CommandSpec spec) {
        try {
            var ctor = spec.userObject().getClass().getDeclaredConstructor();
            ctor.setAccessible(true);
            return ctor.newInstance();
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("command class needs a no-argument constructor", ex);
        }
    }

    private static Map<String, Object> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("config file " + file + " does not exist; check the path");
        }
        try {
            String text = Files.readString(file);
            if (text.isBlank()) return Map.of();
            Map<String, Object> m = Json.YAML.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
            return m == null ? Map.of() : m;
        } catch (IOException ex) {
            String msg = ex.getMessage() == null ? ex.toString() : firstLine(ex.getMessage());
            throw new UserInputException("config file " + file + " is not a YAML map of flag: value (" + msg + ")");
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
