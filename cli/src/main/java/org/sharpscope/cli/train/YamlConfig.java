package org.sharpscope.cli.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharpscope.UserInputException;
import org.sharpscope.run.Json;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A YAML config file turned into command-line arguments: each key is a flag name without its
 * dashes ({@code probe-every: 10}; underscores are accepted for dashes), each value its argument
 * (lists are joined with commas, null values skipped). Keys that are not flags of the command
 * are rejected with a one-line error naming the key.
 */
public final class YamlConfig {
    private YamlConfig() {}

    /** The arguments equivalent to {@code file} for the command {@code spec}, keys in file order. */
    public static List<String> arguments(Path file, CommandSpec spec, List<String> forbidden) {
        Map<String, Object> map;
        try {
            String text = Files.readString(file);
            map = text.isBlank() ? new LinkedHashMap<>() : Json.YAML.readValue(text,
                    new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new UserInputException("config " + file + " is not a YAML mapping of flag names to values: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new UserInputException("cannot read config " + file + ": " + e.getMessage());
        }
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            String key = e.getKey().trim().replace('_', '-');
            String flag = "--" + key;
            if (spec.findOption(flag) == null || forbidden.contains(flag)) {
                throw new UserInputException("config " + file + ": unknown key '" + e.getKey() + "' (keys are the flags of '"
                        + spec.qualifiedName() + " --help' without the leading dashes)");
            }
            Object v = e.getValue();
            if (v == null) continue;
            if (v instanceof Map<?, ?>) {
                throw new UserInputException("config " + file + ": key '" + e.getKey() + "' must be a value or a list, not a mapping");
            }
            String text;
            if (v instanceof List<?> list) {
                List<String> parts = new ArrayList<>();
                for (Object o : list) parts.add(String.valueOf(o));
                String split = spec.findOption(flag).splitRegex();
                text = String.join(split == null || split.isEmpty() ? "," : split, parts);
            } else {
                text = String.valueOf(v);
            }
            args.add(flag + "=" + text);
        }
        return args;
    }
}
