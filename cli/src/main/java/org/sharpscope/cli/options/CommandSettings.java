package org.sharpscope.cli.options;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
import org.sharpscope.study.Specs;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The settings of a command, keyed like its spec (long option names without dashes): the options
 * matched on the command line over one or more YAML files of settings. A file is read as if its
 * keys were flags — same names (underscores for dashes accepted), same value syntax (3x8x8,
 * s=0.5, lists for options that take several values) and the same one-line messages naming the
 * flag — so a file accepts exactly what the command line does. Keys of the command's other
 * options (out, json, progress) set those options where the command line did not. Hidden
 * options may be old spellings of a setting ({@code aliases}: old name → setting); given
 * together with the new name, the old one wins, so that old command lines keep their meaning.
 */
public final class CommandSettings {
    private CommandSettings() {}

    /** Keys that choose where settings come from, so they cannot appear inside a file. */
    private static final Set<String> SOURCE_KEYS = Set.of("config", "resume");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * The settings of {@code command}: its command line over {@code files} (the first file wins
     * over the next). A key of {@code group} (such as one learning rate of several) set by a
     * higher layer drops every key of the group from the lower ones. Keys in {@code ignored}
     * (settings of other commands sharing the file) are skipped; any other key that is not an
     * option is a one-line error naming the file.
     */
    public static Map<String, Object> read(CommandSpec command, List<Path> files, Collection<String> group,
                                           Collection<String> ignored, Map<String, String> aliases) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (int i = files.size() - 1; i >= 0; i--) {
            merged = Specs.merge(merged, fromFile(command, files.get(i), ignored, aliases), group);
        }
        merged = Specs.merge(merged, fromCommandLine(command, aliases), group);
        CommandLine.ParseResult parsed = command.commandLine().getParseResult();
        for (String key : SpecBinding.NOT_SETTINGS) {
            if (!merged.containsKey(key)) continue;
            Object value = merged.remove(key);
            OptionSpec option = command.findOption("--" + key);
            if (option != null && !parsed.hasMatchedOption(option)) option.setValue(value);
        }
        return merged;
    }

    /**
     * Binds {@code settings} to a spec of {@code type} ({@link Specs#bind}). A setting the spec
     * itself rejects is reported in the spec's own flag-named words ("--width must be >= 1, got
     * 0"), as the command line always did; other problems name {@code where} they came from.
     */
    public static <S extends Record> S bind(Class<S> type, Map<String, Object> settings, String where) {
        try {
            return Specs.bind(type, settings, where);
        } catch (UserInputException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof UserInputException rejected) throw rejected;
            }
            throw e;
        }
    }

    /** The settings matched on the command line, typed as picocli converted them. */
    static Map<String, Object> fromCommandLine(CommandSpec command, Map<String, String> aliases) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> old = new LinkedHashMap<>();
        CommandLine.ParseResult parsed = command.commandLine().getParseResult();
        for (OptionSpec o : command.options()) {
            String key = key(o);
            if (SpecBinding.NOT_SETTINGS.contains(key) || !parsed.hasMatchedOption(o)) continue;
            if (aliases.containsKey(key)) old.put(aliases.get(key), plain(o.getValue()));
            else values.put(key, plain(o.getValue()));
        }
        values.putAll(old);
        return values;
    }

    private static Map<String, Object> fromFile(CommandSpec command, Path file, Collection<String> ignored,
                                                Map<String, String> aliases) {
        List<String> args = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Object> e : readYaml(file).entrySet()) {
            String key = e.getKey().trim().replace('_', '-');
            OptionSpec option = command.findOption("--" + key);
            if (option == null || SOURCE_KEYS.contains(key) || option.usageHelp() || option.versionHelp()) {
                if (option == null && ignored.contains(key)) continue;
                throw new UserInputException("config " + file + ": unknown key '" + e.getKey() + "'; keys are flag names"
                        + " without dashes (see '" + command.qualifiedName() + " --help')");
            }
            Object value = e.getValue();
            if (value == null) continue;
            if (value instanceof Map<?, ?>) {
                throw new UserInputException("config " + file + ": '" + key + "' must be a value or a list, not a mapping");
            }
            if (value instanceof List<?> list) {
                if (!option.isMultiValue()) {
                    throw new UserInputException("config " + file + ": '" + key + "' takes one value, not a list");
                }
                for (Object v : list) args.add("--" + key + "=" + v);
            } else if (option.arity().max() == 0) {
                if (!(value instanceof Boolean b)) {
                    throw new UserInputException("config " + file + ": '" + key + "' is a switch; write true or false");
                }
                if (b) args.add("--" + key);
            } else {
                args.add("--" + key + "=" + value);
            }
            keys.add(key);
        }
        CommandSpec converted = convert(command, args, file);
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : keys) {
            OptionSpec o = converted.findOption("--" + key);
            String name = aliases.getOrDefault(key(o), key(o));
            if (values.containsKey(name)) throw new UserInputException("config " + file + ": '" + name + "' is given twice; keep one");
            // options that are not settings go back onto the command, typed
            values.put(name, SpecBinding.NOT_SETTINGS.contains(name) ? o.getValue() : plain(o.getValue()));
        }
        return values;
    }

    /** Parses {@code args} with a fresh instance of the command, so that its own converters type the values. */
    private static CommandSpec convert(CommandSpec command, List<String> args, Path file) {
        CommandLine scratch = new CommandLine(newInstance(command));
        scratch.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            scratch.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.MissingParameterException ex) {
            // required options the file does not set; the ones it does set are converted
        } catch (CommandLine.ParameterException ex) {
            throw new UserInputException("config " + file + ": " + firstLine(ex.getMessage()));
        }
        return scratch.getCommandSpec();
    }

    private static Map<String, Object> readYaml(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserInputException("config " + file + " is a directory; give a YAML file of key: value settings");
        }
        if (!Files.isRegularFile(file)) throw new UserInputException("config file " + file + " does not exist; check the path");
        try {
            String text = Files.readString(file);
            if (text.isBlank()) return Map.of();
            Map<String, Object> m = YAML.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
            return m == null ? Map.of() : m;
        } catch (IOException ex) {
            throw new UserInputException("config file " + file + " is not a YAML map of flag: value ("
                    + firstLine(ex.getMessage()) + ")");
        }
    }

    private static String key(OptionSpec o) {
        return o.longestName().replaceFirst("^--?", "");
    }

    /** Arrays as lists and paths as text, as the spec binder reads them. */
    private static Object plain(Object v) {
        if (v instanceof Object[] array) return List.of(array);
        if (v instanceof Path p) return p.toString();
        return v;
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

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
