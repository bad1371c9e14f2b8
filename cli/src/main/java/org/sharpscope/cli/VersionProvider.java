package org.sharpscope.cli;

import org.sharpscope.run.Version;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"sharpscope " + Version.VERSION + " (commit " + Version.GIT_COMMIT + ")"};
    }
}
