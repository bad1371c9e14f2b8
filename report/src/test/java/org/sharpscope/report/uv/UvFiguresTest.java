package org.sharpscope.report.uv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.report.RunFigures;
import org.sharpscope.study.Figures;
import org.sharpscope.study.RunContext;
import org.sharpscope.study.Specs;
import org.sharpscope.study.Task;
import org.sharpscope.study.Tasks;

/** The UV figures come from the run directory's files alone: drawn twice, they are the same bytes. */
class UvFiguresTest {
    @TempDir
    Path tmp;
    private int runs;

    <S extends Record> List<String> drawnTwice(String taskName, Map<String, Object> settings) throws IOException {
        @SuppressWarnings("unchecked")
        Task<S, ?> task = (Task<S, ?>) Tasks.named(taskName);
        Path dir = tmp.resolve(taskName.replace(' ', '-') + "-" + runs++);
        task.run(Specs.bind(task.specType(), settings, taskName), RunContext.quiet(dir));
        Figures figures = Figures.discover();
        assertThat(figures).isInstanceOf(RunFigures.class);
        figures.draw(taskName, dir);
        List<String> names;
        try (Stream<Path> s = Files.list(dir.resolve("plots"))) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        Map<String, byte[]> first = new HashMap<>();
        for (String n : names) first.put(n, Files.readAllBytes(dir.resolve("plots").resolve(n)));
        for (String n : names) Files.delete(dir.resolve("plots").resolve(n));
        figures.draw(taskName, dir);
        for (String n : names) assertThat(Files.readAllBytes(dir.resolve("plots").resolve(n))).as(n).isEqualTo(first.get(n));
        return names;
    }

    @Test
    void everyUvTaskDrawsItsPlotsFromItsFiles() throws IOException {
        assertThat(drawnTwice("uv run", Map.of("width", 30, "eta-over-etac", 1.2, "steps", 600)))
                .containsExactly("loss.png", "loss.svg", "sharpness.png", "sharpness.svg");
        assertThat(drawnTwice("uv fixed-points", Map.of("eta-over-etac", 1.2, "seeds", 12))).containsExactly("fixed_points.png");
        assertThat(drawnTwice("uv doublings", Map.of("max-period", 8))).containsExactly("doubling_gaps.png", "doubling_gaps.svg");
        assertThat(drawnTwice("uv lyapunov", Map.of("from", 1.0, "to", 1.9, "points", 4, "steps", 2000)))
                .containsExactly("lyapunov.png", "lyapunov.svg");
        assertThat(drawnTwice("uv bifurcation", Map.of("map", "full", "from", 1.1, "to", 1.9, "points", 8, "transient", 500,
                "record", 16, "lambda0", 6.0))).containsExactly("bifurcation_eta_lambda.png");
        assertThat(drawnTwice("uv bifurcation", Map.of("map", "full", "from", 1.1, "to", 1.9, "points", 8, "transient", 500,
                "record", 16, "lambda0", 6.0, "sharpness-orbits", true)))
                .containsExactly("bifurcation_eta_lambda.png", "bifurcation_eta_lambda_h.png");
        assertThat(drawnTwice("uv vector-field", Map.of("eta-over-etac", 0.8, "grid", 6))).containsExactly("vector_field.png");
        assertThat(drawnTwice("uv phase-diagram", Map.of("x-axis", "eta-over-etac", "grid", List.of(4, 3), "steps", 100)))
                .containsExactly("phase_early_trend.png", "phase_late_state.png");
    }
}
