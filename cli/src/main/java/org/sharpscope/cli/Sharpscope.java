package org.sharpscope.cli;

import java.util.List;
import org.sharpscope.UserInputException;
import org.sharpscope.cli.reproduce.ReportCommand;
import org.sharpscope.cli.reproduce.ReproduceCommand;
import org.sharpscope.cli.nn.DataCommand;
import org.sharpscope.cli.nn.SharpnessCommand;
import org.sharpscope.cli.train.CriticalEtaCommand;
import org.sharpscope.cli.train.TrainCommand;
import org.sharpscope.cli.sweep.SweepCommand;
import org.sharpscope.cli.uv.UvCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sharpscope} program: {@code sharpscope <noun> <verb>} with --help everywhere. */
@Command(name = "sharpscope",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Sharpness dynamics of neural-network training: the exact UV model, its "
                + "fixed points and route to chaos, and sharpness tracking on real networks.",
        subcommands = {
                ReproduceCommand.class,
                ReportCommand.class,
                UvCommand.class,
                DataCommand.class,
                SharpnessCommand.class,
                SpectrumCommand.class,
                TrainCommand.class,
                CriticalEtaCommand.class,
                SweepCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Sharpscope implements Runnable {
    static {
        // Picocli otherwise looks for Groovy (groovy.lang.Closure), a miss that opens every jar on the
        // class path, the libtorch ones included, on every start.
        System.setProperty("picocli.disable.closures", "true");
    }

    /** Exit code for errors the user caused: bad flags, bad config, missing files. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the program and returns its exit code (used by tests without exiting the JVM). */
    public static int execute(String... args) {
        return commandLineFor(args).execute(args);
    }

    /** The whole command tree, as {@link #execute} runs it for arguments that do not start with a command. */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new Sharpscope()));
    }

    /**
     * The command line that runs {@code args}: when the first arguments name a path of commands
     * (sharpscope uv bifurcation ...; help excluded), a tree with that path alone, which parses,
     * helps and fails exactly as the whole tree does below it; otherwise the whole tree. Picocli
     * builds the model of every command it is given up front, and those of the other commands
     * (train and sweep with their hundreds of options) are a good part of the start-up of a
     * short run.
     */
    static CommandLine commandLineFor(String... args) {
        Class<?> leaf = Sharpscope.class;
        List<String> path = new java.util.ArrayList<>();
        while (path.size() < args.length) {
            Class<?> next = subcommand(leaf, args[path.size()]);
            if (next == null) break;
            path.add(next.getAnnotation(Command.class).name());
            leaf = next;
        }
        if (path.isEmpty()) return commandLine();
        CommandLine below = new CommandLine(leaf);
        for (int i = path.size() - 1; i >= 0; i--) {
            CommandLine.Model.CommandSpec level = CommandLine.Model.CommandSpec.create()
                    .name(i == 0 ? Sharpscope.class.getAnnotation(Command.class).name() : path.get(i - 1));
            level.addSubcommand(path.get(i), below);
            below = new CommandLine(level);
        }
        return configure(below);
    }

    /** The subcommand of {@code parent} called {@code name} (help excluded: it reads its siblings), or null. */
    private static Class<?> subcommand(Class<?> parent, String name) {
        Command command = parent.getAnnotation(Command.class);
        if (command == null) return null;
        for (Class<?> sub : command.subcommands()) {
            Command c = sub.getAnnotation(Command.class);
            if (sub != CommandLine.HelpCommand.class && (c.name().equals(name) || List.of(c.aliases()).contains(name))) return sub;
        }
        return null;
    }

    private static CommandLine configure(CommandLine cl) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cl.setExecutionStrategy(parseResult -> {
            try {
                return runLast.execute(parseResult);
            } catch (OutOfMemoryError | StackOverflowError e) {
                // picocli hands only Exceptions to the handler below; an Error would end in a stack trace.
                List<CommandLine> parsed = parseResult.asCommandLineList();
                throw new CommandLine.ExecutionException(parsed.get(parsed.size() - 1), String.valueOf(e), e);
            }
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            String message = ex.getMessage().replaceFirst("^(?i)error:\\s*", "").lines().findFirst().orElse("");
            c.getErr().println("error: " + message + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            UserInputException user = cause(ex, UserInputException.class);
            if (user != null) {
                c.getErr().println("error: " + firstLine(user.getMessage()));
                return EXIT_USAGE;
            }
            OutOfMemoryError oom = cause(ex, OutOfMemoryError.class);
            if (oom != null) {
                c.getErr().println("error: ran out of memory (" + firstLine(oom.getMessage()) + "); use smaller sizes or "
                        + "raise the heap with SHARPSCOPE_JAVA_OPTS=-Xmx16g");
                return EXIT_USAGE;
            }
            java.io.IOException io = cause(ex, java.io.IOException.class);
            if (io != null) {
                c.getErr().println("error: " + org.sharpscope.run.AtomicFiles.reason(io) + "; check the files and free space");
                return EXIT_USAGE;
            }
            if (System.getenv("SHARPSCOPE_DEBUG") != null) throw ex;
            c.getErr().println("error: internal error in '" + c.getCommandSpec().qualifiedName() + "': " + ex
                    + " (a bug: please report it with the command line; SHARPSCOPE_DEBUG=1 shows the stack trace)");
            return 1;
        });
        return cl;
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) return type.cast(c);
        }
        return null;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
