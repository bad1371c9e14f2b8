package org.sharpscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.run.Json;
import picocli.CommandLine;

class SpectrumCommandTest {
    @TempDir
    Path dir;

    /** The symmetric matrix [[2, -1, 0], [-1, 2, 4], [0, 4, 5]]. */
    private Path matrix() throws IOException {
        Path p = dir.resolve("a.mtx");
        Files.writeString(p, "%%MatrixMarket matrix coordinate real symmetric\n3 3 5\n1 1 2\n2 1 -1\n2 2 2.0\n3 2 4e0\n3 3 5\n");
        return p;
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = Sharpscope.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonHasEigenvaluesResidualsProductsTraceAndDensity() throws IOException {
        Path out = dir.resolve("out");
        Run r = run("spectrum", "--matrix", matrix().toString(), "--top", "3", "--trace", "--density", "--json", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = Json.JSON.readTree(r.out());
        // Characteristic polynomial of the matrix: λ³ − 9λ² + 7λ + 17 = (λ + 1)(λ² − 10λ + 17): roots 5 ± 2√2, −1.
        double[] want = {5 + 2 * Math.sqrt(2), 5 - 2 * Math.sqrt(2), -1};
        for (int i = 0; i < 3; i++) {
            assertThat(doc.get("eigenvalues").get(i).asDouble()).isCloseTo(want[i], org.assertj.core.data.Offset.offset(1e-12));
            assertThat(doc.get("residuals").get(i).asDouble()).isLessThan(1e-12);
        }
        assertThat(doc.get("products").asLong()).isEqualTo(3);
        assertThat(doc.get("trace").get("value").asDouble()).isCloseTo(9.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(doc.get("density").get("grid").size()).isEqualTo(400);
        assertThat(Files.exists(out.resolve("spectrum.json"))).isTrue();
        assertThat(Files.exists(out.resolve("density.csv"))).isTrue();
        assertThat(Files.size(out.resolve("density.png"))).isGreaterThan(1000);
    }

    @Test
    void everyMethodAndBottom() throws IOException {
        for (String m : new String[] {"lanczos", "lobpcg", "power"}) {
            Run r = run("spectrum", "--matrix", matrix().toString(), "--bottom", "1", "--method", m, "--json");
            assertThat(r.code()).as(m + ": " + r.err()).isZero();
            assertThat(Json.JSON.readTree(r.out()).get("eigenvalues").get(0).asDouble())
                    .as(m).isCloseTo(-1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
        Run text = run("spectrum", "--matrix", matrix().toString());
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("products").contains("7.8284271247");
    }

    @Test
    void badInputIsOneLineErrorAndExit2() throws IOException {
        Path bad = dir.resolve("bad.mtx");
        Files.writeString(bad, "%%MatrixMarket matrix array real general\n2 2\n1 2 3 4\n");
        Path malformed = dir.resolve("malformed.mtx");
        Files.writeString(malformed, "%%MatrixMarket matrix coordinate real symmetric\n2 2 2\n1 1 oops\n");
        String a = matrix().toString();
        String[][] cases = {
                {"spectrum", "--matrix", bad.toString()},
                {"spectrum", "--matrix", malformed.toString()},
                {"spectrum", "--matrix", dir.resolve("none.mtx").toString()},
                {"spectrum", "--matrix", a, "--top", "4"},
                {"spectrum", "--matrix", a, "--bottom", "0"},
                {"spectrum", "--matrix", a, "--top", "1", "--bottom", "1"},
                {"spectrum", "--matrix", a, "--tol", "-1"},
                {"spectrum", "--matrix", a, "--method", "arnoldi"},
                {"spectrum", "--top", "1"},
        };
        for (String[] c : cases) {
            Run r = run(c);
            assertThat(r.code()).as(String.join(" ", c)).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", c)).startsWith("error: ").doesNotContain("\n").doesNotContain("Exception");
        }
    }

    @Test
    void help() {
        Run r = run("spectrum", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--matrix").contains("--top").contains("--density");
    }
}
