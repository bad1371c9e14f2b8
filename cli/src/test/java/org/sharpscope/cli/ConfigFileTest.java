package org.sharpscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The one config mechanism: precedence, groups, layering of two files, lists, nulls and errors. */
class ConfigFileTest {
    @TempDir
    Path tmp;

    @Command(name = "probe")
    static final class Probe {
        @Option(names = "--eta") Double eta;
        @Option(names = "--c", split = ",") List<Double> c;
        @Option(names = "--steps", defaultValue = "3") int steps;
        @Option(names = "--last-layer-zero", arity = "0..1", fallbackValue = "true") boolean lastLayerZero;
        @Option(names = "--out", required = true) Path out;
    }

    private CommandLine parsed(String... args) {
        CommandLine cl = new CommandLine(new Probe());
        cl.parseArgs(args);
        return cl;
    }

    private Path yaml(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void commandLineWinsAndAGroupFlagReplacesTheWholeGroup() throws Exception {
        CommandLine cl = parsed("--eta", "0.1", "--out", "x");
        List<String> set = ConfigFile.apply(yaml("a.yaml", "c: [1.5, 2]\nsteps: 5\nlast_layer_zero: true\neta: 9\n"),
                cl.getCommandSpec(), List.of("eta", "c"));
        Probe p = cl.getCommand();
        assertThat(p.eta).isEqualTo(0.1);
        assertThat(p.c).isNull();
        assertThat(p.steps).isEqualTo(5);
        assertThat(p.lastLayerZero).isTrue();
        assertThat(set).containsExactly("steps", "last-layer-zero");
    }

    @Test
    void anEarlierFileWinsOverALaterOneAndListsFillMultiValuedOptions() throws Exception {
        CommandLine cl = parsed("--out", "x");
        List<String> first = ConfigFile.apply(yaml("a.yaml", "steps: 7\nc: [0.5, 1]\n"), cl.getCommandSpec(),
                List.of("eta", "c"), List.of(), List.of());
        ConfigFile.apply(yaml("b.yaml", "steps: 9\neta: 0.2\nlast-layer-zero: null\noptimizer: gd\n"), cl.getCommandSpec(),
                List.of("eta", "c"), first, List.of("optimizer"));
        Probe p = cl.getCommand();
        assertThat(p.steps).isEqualTo(7);
        assertThat(p.c).containsExactly(0.5, 1.0);
        assertThat(p.eta).isNull();
        assertThat(p.lastLayerZero).isFalse();
    }

    @Test
    void errorsAreOneLineNamingTheKeyAndTheFile() throws Exception {
        Path unknown = yaml("u.yaml", "optimizer: gd\n");
        Path wrongType = yaml("w.yaml", "steps: many\n");
        Path listForOne = yaml("l.yaml", "steps: [1, 2]\n");
        Path source = yaml("s.yaml", "config: other.yaml\n");
        for (Path f : List.of(unknown, wrongType, listForOne, source)) {
            assertThatThrownBy(() -> ConfigFile.apply(f, parsed("--out", "x").getCommandSpec(), List.of()))
                    .isInstanceOf(UserInputException.class)
                    .hasMessageStartingWith("config " + f)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThatThrownBy(() -> ConfigFile.apply(unknown, parsed("--out", "x").getCommandSpec(), List.of()))
                .hasMessageContaining("'optimizer'");
        assertThatThrownBy(() -> ConfigFile.apply(wrongType, parsed("--out", "x").getCommandSpec(), List.of()))
                .hasMessageContaining("--steps").hasMessageContaining("many");
    }
}
