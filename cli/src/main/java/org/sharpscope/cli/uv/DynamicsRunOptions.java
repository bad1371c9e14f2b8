package org.sharpscope.cli.uv;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Option;

/** The options every dynamics command shares: where its run directory goes, and --json. */
public final class DynamicsRunOptions {
    @Option(names = "--out", paramLabel = "DIR",
            description = "Run directory to write (data, summary.json, plots/). Default: runs/uv-<command>-<time>.")
    Path out;

    @Option(names = "--json", description = "Print summary.json to stdout (and nothing else).")
    boolean json;

    /** The run directory: --out, or runs/uv-{@code command}-yyyyMMdd-HHmmss. */
    Path directory(String command) {
        if (out != null) return out;
        return Path.of("runs", "uv-" + command + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }
}
