package org.sharpscope.study;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharpscope.UserInputException;

/**
 * Binds task specs from settings and writes them back: a spec is a record whose components are
 * the settings in camelCase; its keys — flag names without dashes, YAML config keys and sweep
 * flags alike — are the same names in kebab-case ({@code etaOverEtac} ↔ {@code eta-over-etac}).
 * Underscores are accepted for dashes; enum values are written in lower case and read in any case. Every problem (unknown key, wrong type, duplicate key,
 * unreadable file) is a one-line {@link UserInputException} naming where it came from.
 */
public final class Specs {
    private Specs() {}

    // No modules found on the class path: with Spark's jars there, jackson-module-scala read YAML lists as Scala lists.
    private static final ObjectMapper MAPPER = JsonMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Binds {@code values} (kebab-case keys) to a spec of {@code type}; {@code where} names their source. */
    public static <S extends Record> S bind(Class<S> type, Map<String, ?> values, String where) {
        Map<String, Object> normalized = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            String key = normalize(e.getKey());
            if (normalized.containsKey(key)) {
                throw new UserInputException(where + ": '" + key + "' is given twice; keep one");
            }
            normalized.put(key, e.getValue());
        }
        try {
            return MAPPER.convertValue(normalized, type);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(where + ": " + describe(e.getCause() != null ? e.getCause() : e, type), e);
        }
    }

    /**
     * Reads a YAML file of {@code key: value} settings (keys kebab-case or with underscores). An
     * empty file is no settings; a missing file, a directory, a duplicate key or anything but a
     * mapping is a one-line error.
     */
    public static Map<String, Object> readYaml(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserInputException("config " + file + " is a directory; give a YAML file of key: value settings");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("config file " + file + " does not exist; check the path");
        }
        try {
            String text = Files.readString(file);
            if (text.isBlank()) return new LinkedHashMap<>();
            Map<String, Object> m = MAPPER.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
            Map<String, Object> out = new LinkedHashMap<>();
            if (m != null) m.forEach((k, v) -> out.put(normalize(k), v));
            return out;
        } catch (IOException e) {
            throw new UserInputException("config file " + file + " is not a YAML map of key: value ("
                    + firstLine(e.getMessage()) + ")");
        }
    }

    /**
     * Layers settings: {@code over} wins over {@code under}. When {@code over} sets any key of
     * {@code group} (such as the learning-rate keys eta, c, eta-over-etac, of which a spec takes
     * one), every key of the group in {@code under} is dropped.
     */
    public static Map<String, Object> merge(Map<String, ?> under, Map<String, ?> over, Collection<String> group) {
        boolean groupSet = over.keySet().stream().map(Specs::normalize).anyMatch(group::contains);
        Map<String, Object> out = new LinkedHashMap<>();
        under.forEach((k, v) -> {
            String key = normalize(k);
            if (!(groupSet && group.contains(key))) out.put(key, v);
        });
        over.forEach((k, v) -> out.put(normalize(k), v));
        return out;
    }

    /** The spec's settings as kebab-case keys in component order, nulls left out (for config.yaml). */
    public static Map<String, Object> toMap(Record spec) {
        Map<String, Object> m = MAPPER.convertValue(spec, new TypeReference<LinkedHashMap<String, Object>>() {});
        m.values().removeIf(v -> v == null);
        return m;
    }

    /** The kebab-case keys of a spec type, in component order. */
    public static List<String> keys(Class<? extends Record> type) {
        List<String> keys = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) keys.add(kebab(c.getName()));
        return keys;
    }

    /** camelCase → kebab-case, as the binder names keys. */
    public static String kebab(String camel) {
        return PropertyNamingStrategies.KebabCaseStrategy.INSTANCE.translate(camel);
    }

    private static String normalize(String key) {
        return key.trim().replace('_', '-');
    }

    private static String describe(Throwable e, Class<?> type) {
        if (e instanceof UserInputException u) return u.getMessage();
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key '" + u.getPropertyName() + "'; the keys are " + String.join(", ", keysOf(type));
        }
        if (e instanceof InvalidFormatException f) {
            return "'" + path(f) + "' must be " + typeName(f.getTargetType()) + ", got '" + f.getValue() + "'";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null && !m.getPath().isEmpty()) {
            return "'" + path(m) + "' must be " + typeName(m.getTargetType());
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof UserInputException u) return u.getMessage();
        if (e instanceof JsonMappingException m && m.getCause() != null && m.getCause().getMessage() != null) {
            return firstLine(m.getCause().getMessage());
        }
        return firstLine(e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static List<String> keysOf(Class<?> type) {
        return type.isRecord() ? keys((Class<? extends Record>) type) : List.of();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String typeName(Class<?> t) {
        if (t == null) return "a value of another type";
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) return "an integer";
        if (t == Double.class || t == double.class || t == Float.class || t == float.class) return "a number";
        if (t == Boolean.class || t == boolean.class) return "true or false";
        if (t.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : t.getEnumConstants()) names.add(c.toString().toLowerCase(java.util.Locale.ROOT));
            return "one of " + String.join(", ", names);
        }
        if (t.isArray() || List.class.isAssignableFrom(t)) return "a list";
        return "a " + t.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        return s.lines().findFirst().orElse("");
    }
}
