package org.sharpscope.cli.reproduce;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import org.sharpscope.cli.Sharpscope;
import picocli.CommandLine;

/**
 * Runs a {@code sharpscope} command in this JVM with its terminal output discarded, so that the
 * reproduction reuses every command exactly as a user would call it.
 */
final class InProcess {
    private InProcess() {}

    /** Runs {@code args}; a non-zero exit becomes an exception carrying the command's error line. */
    static void run(String... args) {
        CommandLine cl = Sharpscope.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(Writer.nullWriter()));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        if (rc != 0) {
            throw new IllegalStateException("'sharpscope " + String.join(" ", args) + "' exited " + rc + ": "
                    + err.toString().strip());
        }
    }
}
