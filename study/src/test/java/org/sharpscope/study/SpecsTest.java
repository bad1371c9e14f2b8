package org.sharpscope.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.UserInputException;

class SpecsTest {
    enum Engine { WEIGHTS, FUNCTION }

    record Example(Integer width, Double etaOverEtac, Long seed, Engine engine, List<Double> input, Boolean json) {
        Example {
            if (width == null) width = 1000;
            if (seed == null) seed = 0L;
            if (width < 1) throw new UserInputException("width must be >= 1, got " + width);
        }
    }

    @Test
    void bindsKebabCaseKeysAndUnderscoresWithDefaults() {
        Example e = Specs.bind(Example.class, Map.of("eta_over_etac", 1.2, "engine", "function", "input", List.of(1, 2.5)), "test");
        assertThat(e).isEqualTo(new Example(1000, 1.2, 0L, Engine.FUNCTION, List.of(1.0, 2.5), null));
        assertThat(Specs.toMap(e)).containsExactly(Map.entry("width", 1000), Map.entry("eta-over-etac", 1.2),
                Map.entry("seed", 0L), Map.entry("engine", "function"), Map.entry("input", List.of(1.0, 2.5)));
        assertThat(Specs.keys(Example.class)).containsExactly("width", "eta-over-etac", "seed", "engine", "input", "json");
    }

    @Test
    void badValuesAreOneLineErrorsNamingTheKey() {
        assertThatThrownBy(() -> Specs.bind(Example.class, Map.of("widht", 3), "spec.yaml"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("spec.yaml: unknown key 'widht'; the keys are width, eta-over-etac, seed, engine, input, json");
        assertThatThrownBy(() -> Specs.bind(Example.class, Map.of("seed", 0.5), "cell"))
                .hasMessageStartingWith("cell: 'seed' must be an integer");
        assertThatThrownBy(() -> Specs.bind(Example.class, Map.of("engine", "jet"), "cell"))
                .hasMessageStartingWith("cell: 'engine' must be one of weights, function");
        assertThatThrownBy(() -> Specs.bind(Example.class, Map.of("width", 0), "cell"))
                .isInstanceOf(UserInputException.class).hasMessage("cell: width must be >= 1, got 0");
    }

    @Test
    void yamlDuplicateKeysAndDirectoriesAreRefused(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("c.yaml");
        Files.writeString(f, "width: 3\nwidth: 4\n");
        assertThatThrownBy(() -> Specs.readYaml(f)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("Duplicate field 'width'");
        assertThatThrownBy(() -> Specs.readYaml(tmp)).hasMessageContaining("is a directory");
    }

    @Test
    void commandLineReplacesTheWholeLearningRateGroupOfAConfig() {
        Map<String, Object> merged = Specs.merge(Map.of("eta", 0.1, "width", 3), Map.of("eta-over-etac", 1.2),
                List.of("eta", "c", "eta-over-etac"));
        assertThat(merged).containsOnlyKeys("width", "eta-over-etac");
    }
}
