package org.sharpscope.cli.options;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The one default run-directory name: {@code runs/<name>-yyyyMMdd-HHmmss}. */
public final class RunDirectories {
    private RunDirectories() {}

    /** {@code out} when given, else {@code runs/<name>-<time>} ({@code name} like "uv-run", "train"). */
    public static Path orDefault(Path out, String name) {
        if (out != null) return out;
        return Path.of("runs", name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }
}
