package org.sharpscope.cli.uv;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every dynamics command shares: where its run directory goes, and --json. */
public final class DynamicsRunOptions {
    @Option(names = "--out", paramLabel = "DIR",
            description = "Run directory to write (data, summary.json, plots/). Default: runs/uv-<command>-<time>.")
    Path out;

    @Option(names = "--json", description = "Print summary.json to stdout (and nothing else).")
    boolean json;
}
