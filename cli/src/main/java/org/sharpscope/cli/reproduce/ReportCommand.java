package org.sharpscope.cli.reproduce;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sharpscope.UserInputException;
import org.sharpscope.report.reproduce.ReproduceReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sharpscope report DIR}: rebuilds DIR/report.html of a reproduction from its run directories. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = "Rebuild DIR/report.html from the run directories of 'sharpscope reproduce --out DIR' (nothing is rerun).")
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A directory written by 'sharpscope reproduce'.")
    Path dir;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(dir + " is not a directory; give the --out DIR of a 'sharpscope reproduce' run");
        }
        Path report = ReproduceReport.write(dir);
        ReproduceReport.Verdicts v = ReproduceReport.verdicts(dir);
        spec.commandLine().getOut().println("wrote " + report + " (predictions: " + v.agree() + " agree, "
                + v.disagree() + " disagree)");
        return 0;
    }
}
