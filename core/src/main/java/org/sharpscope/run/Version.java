package org.sharpscope.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The program version and the git commit it was built from (from build-info.properties). */
public final class Version {
    public static final String VERSION;
    public static final String GIT_COMMIT;

    static {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/sharpscope-build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // fall back to "unknown"
        }
        VERSION = p.getProperty("version", "unknown");
        GIT_COMMIT = p.getProperty("git.commit", System.getenv().getOrDefault("SHARPSCOPE_GIT_COMMIT", "unknown"));
    }

    private Version() {}
}
