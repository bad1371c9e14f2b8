package org.sharpscope.cli.uv;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sharpscope uv ...}: the exact UV model and its dynamics. */
@Command(name = "uv",
        mixinStandardHelpOptions = true,
        description = "The UV model (two-layer linear net on one example): trajectories, fixed points, "
                + "bifurcations, Lyapunov exponents.",
        subcommands = {
                UvRunCommand.class,
                UvFixedPointsCommand.class,
                UvDoublingsCommand.class,
                UvLyapunovCommand.class,
                UvBifurcationCommand.class,
                UvVectorFieldCommand.class,
                UvPhaseDiagramCommand.class
        })
public final class UvCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
