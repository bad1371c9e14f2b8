package org.sharpscope.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders a local HTML file with Debian's headless Chromium (tests only). */
public final class HeadlessChromium {
    public static final Path BINARY = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {}

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Takes a screenshot of {@code html} into {@code png}; returns Chromium's exit code. */
    public static int screenshot(Path html, Path png, Path scratch) throws IOException, InterruptedException {
        return run(scratch, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1200,2400",
                html.toAbsolutePath().toUri().toString()), null);
    }

    /** Returns the DOM Chromium built from {@code html}. */
    public static String dumpDom(Path html, Path scratch) throws IOException, InterruptedException {
        Path out = scratch.resolve("dom.html");
        int rc = run(scratch, List.of("--dump-dom", html.toAbsolutePath().toUri().toString()), out);
        if (rc != 0) throw new IOException("chromium --dump-dom exited " + rc);
        return Files.readString(out);
    }

    private static int run(Path scratch, List<String> args, Path stdout) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + scratch.resolve("chromium-profile").toAbsolutePath()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(scratch.resolve("chromium.log").toFile());
        if (stdout != null) pb.redirectOutput(stdout.toFile());
        else pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish within 120 s");
        }
        return p.exitValue();
    }
}
