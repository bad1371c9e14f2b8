package org.sharpscope.cli.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sharpscope.UserInputException;
import org.sharpscope.cli.Sharpscope;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The sharpscope command a sweep's cells run, such as {@code uv run} or {@code train}, looked
 * up in the program's own command tree so that spec flags are checked before any cell runs.
 * A command with a {@code --resume DIR} option (as {@code train}) continues an unfinished cell
 * from its checkpoints; any other command restarts it.
 */
public final class CellCommand {
    /** Flag with which a command continues a killed run directory in place. */
    public static final String RESUME_FLAG = "--resume";
    /** Flag with which a command (such as {@code train}) sets its native thread count. */
    public static final String THREADS_FLAG = "--threads";

    private final String name;
    private final List<String> words;
    private final CommandLine.Model.CommandSpec spec;

    private CellCommand(String name, List<String> words, CommandLine.Model.CommandSpec spec) {
        this.name = name;
        this.words = List.copyOf(words);
        this.spec = spec;
    }

    /** Finds {@code name} (e.g. "uv run") among the program's commands. */
    public static CellCommand of(String name) {
        List<String> words = List.of(name.trim().split("\\s+"));
        CommandLine cl = Sharpscope.commandLine();
        for (String w : words) {
            CommandLine sub = cl.getSubcommands().get(w);
            if (sub == null) {
                throw new UserInputException("sweep command '" + name + "' is not a sharpscope command; this build has: "
                        + String.join(", ", runnableCommands()));
            }
            cl = sub;
        }
        if (!cl.getSubcommands().isEmpty() || cl.getCommandSpec().findOption("--out") == null) {
            throw new UserInputException("sweep command '" + name + "' does not write a run directory with --out; "
                    + "use one of: " + String.join(", ", runnableCommands()));
        }
        return new CellCommand(String.join(" ", words), words, cl.getCommandSpec());
    }

    /** Commands of this build that write a run directory (usable in a sweep). */
    public static List<String> runnableCommands() {
        TreeSet<String> out = new TreeSet<>();
        collect(Sharpscope.commandLine(), "", out);
        return new ArrayList<>(out);
    }

    private static void collect(CommandLine cl, String prefix, TreeSet<String> out) {
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().name().equals("help")) continue;
            String n = prefix.isEmpty() ? e.getKey() : prefix + " " + e.getKey();
            if (e.getValue().getSubcommands().isEmpty()) {
                if (e.getValue().getCommandSpec().findOption("--out") != null) out.add(n);
            } else {
                collect(e.getValue(), n, out);
            }
        }
    }

    public String name() {
        return name;
    }

    public List<String> words() {
        return words;
    }

    public boolean supportsResume() {
        return spec.findOption(RESUME_FLAG) != null;
    }

    /** True when the command sets its native (libtorch/OpenBLAS) thread count with {@link #THREADS_FLAG}. */
    public boolean takesThreads() {
        return spec.findOption(THREADS_FLAG) != null;
    }

    /** Appends {@code --flag value} (or {@code --flag} alone for a true switch) after checking the flag exists. */
    void appendFlag(List<String> args, String flag, Object value) {
        OptionSpec o = spec.findOption("--" + flag);
        if (o == null) {
            throw new UserInputException("sweep spec: '" + flag + "' is not a flag of '" + name
                    + "' (see 'sharpscope " + name + " --help')");
        }
        boolean isSwitch = o.arity().max() == 0;
        if (isSwitch) {
            if (!(value instanceof Boolean b)) {
                throw new UserInputException("sweep spec: '" + flag + "' is a switch of '" + name + "'; give it true or false");
            }
            if (b) args.add("--" + flag);
            return;
        }
        args.add("--" + flag);
        args.add(String.valueOf(value));
    }
}
