package org.sharpscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SharpscopeTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void unknownFlagIsAUsageError() {
        assertThat(Sharpscope.execute("--no-such-flag")).isEqualTo(Sharpscope.EXIT_USAGE);
    }

    @Test
    void helpAndVersionSucceed() {
        assertThat(Sharpscope.execute("--help")).isZero();
        assertThat(Sharpscope.execute("--version")).isZero();
    }

    @Test
    void aCommandRunsUnderARootWithItAloneAndAnswersAsUnderTheWholeTree() throws IOException {
        CommandLine uv = Sharpscope.commandLineFor("uv", "bifurcation", "--points", "3");
        assertThat(uv.getSubcommands()).containsOnlyKeys("uv");
        assertThat(uv.getSubcommands().get("uv").getSubcommands()).containsOnlyKeys("bifurcation");
        assertThat(Sharpscope.commandLineFor("uv", "--help").getSubcommands().get("uv").getSubcommands())
                .hasSameSizeAs(Sharpscope.commandLine().getSubcommands().get("uv").getSubcommands());
        assertThat(Sharpscope.commandLineFor("sweep", "run").getSubcommands()).containsOnlyKeys("sweep");
        assertThat(Sharpscope.commandLineFor("help", "uv").getSubcommands()).hasSameSizeAs(Sharpscope.commandLine().getSubcommands());
        assertThat(Sharpscope.commandLineFor("--help").getSubcommands()).hasSameSizeAs(Sharpscope.commandLine().getSubcommands());
        String out = tmp.resolve("never").toString();
        List<String[]> lines = List.of(
                new String[] {"uv", "bifurcation", "--help"},
                new String[] {"uv", "bifurcation", "--points", "1", "--out", out},
                new String[] {"uv", "bifurcation", "--pointz", "3", "--out", out},
                new String[] {"uv", "bifurcaton"},
                new String[] {"uv", "--help"},
                new String[] {"uv"},
                new String[] {"uv", "bifurcation", "bifurcation"},
                new String[] {"uv", "help", "bifurcation"},
                new String[] {"sweep", "collect", "--help"},
                new String[] {"uv", "run", "--engine", "NOPE", "--out", out},
                new String[] {"train", "--no-such-flag"},
                new String[] {"sweep", "run", "--help"},
                new String[] {"reproduce", "--help"});
        for (String[] line : lines) {
            Result whole = run(Sharpscope.commandLine(), line);
            Result alone = run(Sharpscope.commandLineFor(line), line);
            assertThat(alone).as(String.join(" ", line)).isEqualTo(whole);
        }
        assertThat(tmp.resolve("never")).doesNotExist();
        Path dir = tmp.resolve("b");
        Result ran = run(Sharpscope.commandLineFor("uv"), "uv", "bifurcation", "--points", "3", "--transient", "10", "--record", "4",
                "--json", "--out", dir.toString());
        assertThat(ran.code()).as(ran.err()).isZero();
        assertThat(ran.out().strip()).isEqualTo(Files.readString(dir.resolve("summary.json")).strip());
    }
}
