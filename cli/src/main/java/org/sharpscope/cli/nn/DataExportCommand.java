package org.sharpscope.cli.nn;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sharpscope.cli.options.CommandSettings;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.nn.DataExportSummary;
import org.sharpscope.study.nn.DataExportTask;
import org.sharpscope.study.nn.NetworkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sharpscope data export}: the exact tensors a run trains on, as one safetensors file ({@link DataExportTask}). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the exact inputs and targets a run trains on as a safetensors file "
                + "(tensors 'inputs', 'targets' and, for classification, 'labels'; settings in the metadata).")
public final class DataExportCommand implements Callable<Integer> {
    @Mixin
    NetworkOptions options;

    @Option(names = "--out", required = true, paramLabel = "FILE.safetensors", description = "Output file (written atomically).")
    Path out;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        Map<String, Object> settings = CommandSettings.read(command, options.configs(), List.of(),
                NetworkOptions.NETWORK_COMMAND_KEYS, Map.of());
        NetworkSpec spec = CommandSettings.bind(NetworkSpec.class, settings, options.where(command));
        DataExportSummary d = new DataExportTask().run(spec, RunContext.quiet(out));
        command.commandLine().getOut().println("wrote " + out + ": inputs " + Arrays.toString(d.inputs()) + ", targets "
                + Arrays.toString(d.targets()) + (d.testInputs() == null ? "" : ", test_inputs " + Arrays.toString(d.testInputs()))
                + " (" + d.dtype().key() + ")");
        command.commandLine().getOut().flush();
        return 0;
    }
}
