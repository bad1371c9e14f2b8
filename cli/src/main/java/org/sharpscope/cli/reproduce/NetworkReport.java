package org.sharpscope.cli.reproduce;

import java.nio.file.Path;
import org.sharpscope.cli.report.HtmlReport;

/** Report sections 6–7 (real networks), read from their run directories. */
final class NetworkReport {
    private NetworkReport() {}

    static void sections(HtmlReport html, Path dir, ReproduceIndex index) {
        for (String section : new String[] {Layout.NETWORKS, Layout.NETWORK_SWEEPS}) {
            html.section(section, Layout.title(section));
            if (index.runs(section).isEmpty()) {
                html.note("warning", "Not run in this reproduction (see the notes at the top): no run directories under "
                        + section + "/.");
            }
        }
    }
}
