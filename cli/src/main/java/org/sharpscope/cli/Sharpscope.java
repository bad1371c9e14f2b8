package org.sharpscope.cli;

import org.sharpscope.UserInputException;
import org.sharpscope.cli.reproduce.ReportCommand;
import org.sharpscope.cli.reproduce.ReproduceCommand;
import org.sharpscope.cli.nn.DataCommand;
import org.sharpscope.cli.nn.SharpnessCommand;
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
                SweepCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Sharpscope implements Runnable {
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
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Sharpscope());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + ex.getMessage() + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            UserInputException user = userCause(ex);
            if (user != null) {
                c.getErr().println("error: " + user.getMessage());
                return EXIT_USAGE;
            }
            throw ex;
        });
        return cl;
    }

    private static UserInputException userCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UserInputException u) return u;
        }
        return null;
    }
}
