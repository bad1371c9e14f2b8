package org.sharpscope.cli.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command line being built: the command words, options by name (null value: a switch) and
 * positional parameters.
 */
final class Invocation {
    final List<String> words;
    final Map<String, String> options = new LinkedHashMap<>();
    final List<String> positionals = new ArrayList<>();
    /** False for a command whose valid base is too slow to run in the suite: only refused values are tried. */
    boolean runnable = true;

    Invocation(String command) {
        this.words = List.of(command.split(" "));
    }

    Invocation option(String name, Object value) {
        options.put(name, value == null ? null : String.valueOf(value));
        return this;
    }

    Invocation flag(String name) {
        options.put(name, null);
        return this;
    }

    Invocation positional(Object value) {
        positionals.add(String.valueOf(value));
        return this;
    }

    Invocation notRunnable() {
        runnable = false;
        return this;
    }

    /** The same invocation with option {@code name} set to {@code value} (replacing the base's). */
    Invocation with(String name, String value) {
        Invocation c = copy();
        c.options.remove(name);
        c.options.put(name, value);
        return c;
    }

    /** The same invocation with positional {@code index} set to {@code value}. */
    Invocation withPositional(int index, String value) {
        Invocation c = copy();
        while (c.positionals.size() <= index) c.positionals.add("");
        c.positionals.set(index, value);
        return c;
    }

    private Invocation copy() {
        Invocation c = new Invocation(String.join(" ", words));
        c.options.putAll(options);
        c.positionals.addAll(positionals);
        c.runnable = runnable;
        return c;
    }

    /** The arguments after {@code sharpscope}: {@code --name=value} so that values such as -1 or "" stay values. */
    List<String> args() {
        List<String> a = new ArrayList<>(words);
        options.forEach((k, v) -> a.add(v == null ? k : k + "=" + v));
        a.addAll(positionals);
        return a;
    }

    String commandLine() {
        StringBuilder sb = new StringBuilder("sharpscope");
        for (String s : args()) {
            sb.append(' ');
            sb.append(s.isEmpty() || s.matches(".*[\\s'\"$;&|<>*?].*") ? "'" + s.replace("'", "'\\''") + "'" : s);
        }
        return sb.toString();
    }
}
