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
import org.sharpscope.UserInputException;
import org.sharpscope.run.Json;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A YAML configuration for a command: its keys are the command's long flag names without the
 * dashes ({@code eta-over-etac: 1.2}), values are scalars or lists. Flags given on the command
 * line override the file. Values go through picocli's own conversion, so a config file accepts
 * exactly what the flags accept.
 */
public final class ConfigFile {
    private ConfigFile() {}

    /**
     * Sets every option of {@code spec} named in {@code file} that the command line did not set.
     * When the command line sets any option of {@code group} (for example the learning-rate
     * flags), the file's keys of that group are all ignored. Throws {@link UserInputException}
     * for a missing or malformed file, an unknown key or a bad value. Returns the keys it set.
     */
    public static List<String> apply(Path file, CommandSpec spec, Collection<String> group) {
        Map<String, Object> values = read(file);
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        boolean groupOnCommandLine = group.stream().anyMatch(k -> parsed.hasMatchedOption("--" + k));
        List<String> applied = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String key = e.getKey();
            OptionSpec option = spec.findOption("--" + key);
            if (option == null || key.equals("config") || option.usageHelp() || option.versionHelp()) {
                throw new UserInputException("config " + file + ": unknown key '" + key + "'; keys are flag names"
                        + " without dashes (see '" + spec.qualifiedName() + " --help')");
            }
            if (parsed.hasMatchedOption(option) || (groupOnCommandLine && group.contains(key))) continue;
            setFromString(spec, option, key, e.getValue(), file);
            applied.add(key);
        }
        return applied;
    }

    private static void setFromString(CommandSpec spec, OptionSpec option, String key, Object value, Path file) {
        List<String> args = new ArrayList<>();
        if (option.arity().max() == 0) {
            if (!(value instanceof Boolean b)) {
                throw new UserInputException("config " + file + ": '" + key + "' is a switch; write true or false");
            }
            if (!b) return;
            args.add("--" + key);
        } else {
            if (value == null) {
                throw new UserInputException("config " + file + ": '" + key + "' has no value");
            }
            String text = value instanceof List<?> list
                    ? String.join(",", list.stream().map(String::valueOf).toList())
                    : String.valueOf(value);
            args.add("--" + key);
            args.add(text);
        }
        // Convert with a fresh instance of the same command, then copy the typed value over.
        CommandLine scratch = new CommandLine(newInstance(spec));
        scratch.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            scratch.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException ex) {
            throw new UserInputException("config " + file + ": " + ex.getMessage());
        }
        option.setValue(scratch.getCommandSpec().findOption("--" + key).getValue());
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
            Map<String, Object> m = Json.YAML.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
            return m == null ? Map.of() : m;
        } catch (IOException ex) {
            String msg = ex.getMessage() == null ? ex.toString() : ex.getMessage().split("\n")[0];
            throw new UserInputException("config file " + file + " is not a YAML map of flag: value (" + msg + ")");
        }
    }
}
