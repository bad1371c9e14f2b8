package org.sharpscope.cli.reproduce;

import java.nio.file.Path;
import java.util.List;
import org.sharpscope.cli.Sharpscope;
import org.sharpscope.cli.report.Prediction;

/**
 * Sections 6–7 of the reproduction: real networks through {@code sharpscope train} and
 * {@code sharpscope sweep}. When this build has no such commands the sections are skipped and the
 * report says so.
 */
final class NetworkSections {
    private NetworkSections() {}

    /** True when this build has the {@code train} and {@code sweep} commands. */
    static boolean available() {
        var sub = Sharpscope.commandLine().getSubcommands();
        return sub.containsKey("train") && sub.containsKey("sweep");
    }

    static List<Task> tasks(Reproduction r) {
        if (!available()) {
            r.notes.add("Sections 6–7 (real networks) were not run: this build of sharpscope has no 'train' and "
                    + "'sweep' commands yet.");
        }
        return List.of();
    }

    static List<Prediction> predictions(Path dir, ReproduceIndex index) {
        return List.of();
    }
}
