package org.sharpscope.cli.options;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sharpscope.study.Specs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Binds a command's options to its task's spec: the settings are the options matched on the
 * command line (keys: long names without dashes) over the {@code --config} YAML file, bound by
 * {@link Specs#bind}. Options that are not settings (where the output goes, --json, --config
 * itself) are left out. Defaults live in the spec record, not in the options.
 */
public final class SpecBinding {
    private SpecBinding() {}

    /** Options that say where settings come from or where output goes, never spec keys. */
    public static final Set<String> NOT_SETTINGS = Set.of("config", "out", "json", "resume", "help", "version", "progress");

    /** The settings matched on the command line, typed as picocli converted them. */
    public static Map<String, Object> commandLine(CommandSpec command) {
        Map<String, Object> values = new LinkedHashMap<>();
        ParseResult parsed = command.commandLine().getParseResult();
        for (OptionSpec o : command.options()) {
            String key = o.longestName().replaceFirst("^--?", "");
            if (NOT_SETTINGS.contains(key) || parsed == null || !parsed.hasMatchedOption(o)) continue;
            Object v = o.getValue();
            if (v instanceof Object[] array) v = List.of(array);
            values.put(key, v);
        }
        return values;
    }

    /**
     * The spec of {@code type} from the command line over {@code config} (may be null); when the
     * command line sets a key of {@code group} (e.g. one learning rate), the file's keys of that
     * group are ignored. The file is read by {@link CommandSettings}, so every key in it is
     * checked as its flag would be, even one the command line overrides.
     */
    public static <S extends Record> S bind(Class<S> type, CommandSpec command, Path config, Collection<String> group) {
        Map<String, Object> settings = CommandSettings.read(command, config == null ? List.of() : List.of(config),
                group, List.of(), Map.of());
        String where = config == null ? "'" + command.qualifiedName() + "'" : "config " + config;
        return CommandSettings.bind(type, settings, where);
    }
}
