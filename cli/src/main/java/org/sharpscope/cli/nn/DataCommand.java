package org.sharpscope.cli.nn;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sharpscope data ...}: the examples a run trains on. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Datasets: export the exact tensors a run trains on.",
        subcommands = {DataExportCommand.class})
public final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
