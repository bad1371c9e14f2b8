package org.sharpscope.cli.sweep;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sharpscope sweep ...}: many runs over a grid of flags, locally or on Spark. */
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        description = "Sweeps: run a command over a grid of flags and seeds (locally or on Spark), "
                + "then collect results.csv, phase diagrams, critical constants and bifurcation diagrams.",
        subcommands = {SweepPlanCommand.class, SweepRunCommand.class, SweepCollectCommand.class})
public final class SweepCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
