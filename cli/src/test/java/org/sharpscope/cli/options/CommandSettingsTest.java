package org.sharpscope.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Files of settings read as flags: conversion, precedence, groups, old names, other commands' keys. */
class CommandSettingsTest {
    @TempDir
    Path tmp;

    @Command(name = "probe")
    static final class Probe {
        @Option(names = "--shape", split = "[x,]") List<Long> shape;
        @Option(names = "--eta") Double eta;
        @Option(names = "--c", split = ",") List<Double> c;
        @Option(names = "--top-k") Integer topK;
        @Option(names = "--top", hidden = true) Integer top;
        @Option(names = "--progress", arity = "0..1", fallbackValue = "true") Boolean progress;
        @Option(names = "--out") Path out;
    }

    private CommandLine.Model.CommandSpec parsed(String... args) {
        CommandLine cl = new CommandLine(new Probe());
        cl.parseArgs(args);
        return cl.getCommandSpec();
    }

    private Map<String, Object> read(CommandLine.Model.CommandSpec spec, String yaml) throws Exception {
        Path f = Files.writeString(tmp.resolve("s" + System.nanoTime() + ".yaml"), yaml);
        return CommandSettings.read(spec, List.of(f), List.of("eta", "c"), List.of("optimizer"), Map.of("top", "top-k"));
    }

    @Test
    void fileValuesAreReadAsFlagsAndTheCommandLineWins() throws Exception {
        CommandLine.Model.CommandSpec spec = parsed("--eta", "0.1", "--top", "3");
        Map<String, Object> s = read(spec, "shape: 2x3\nc: [1, 2]\ntop_k: 5\noptimizer: gd\nprogress: false\nout: there\n");
        assertThat(s).containsOnlyKeys("shape", "eta", "top-k");
        assertThat(s.get("shape")).isEqualTo(List.of(2L, 3L));
        assertThat(s.get("eta")).isEqualTo(0.1);
        assertThat(s.get("top-k")).isEqualTo(3);
        Probe p = (Probe) spec.userObject();
        assertThat(p.progress).isFalse();
        assertThat(p.out).isEqualTo(Path.of("there"));
    }

    @Test
    void badKeysAndValuesNameTheFileAndTheFlag() {
        assertThatThrownBy(() -> read(parsed(), "learning_rate: 3\n")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("unknown key 'learning_rate'");
        assertThatThrownBy(() -> read(parsed(), "top-k: many\n")).hasMessageContaining("--top-k").hasMessageContaining("many");
        assertThatThrownBy(() -> read(parsed(), "eta: [1, 2]\n")).hasMessageContaining("'eta' takes one value");
        assertThatThrownBy(() -> read(parsed(), "top: 1\ntop-k: 2\n")).hasMessageContaining("'top-k' is given twice");
    }
}
