package org.sharpscope.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharpscope.cli.sweep.SweepRunTest.sharpscope;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.run.CsvTable;
import org.sharpscope.study.nn.CriticalEtaSummary;

/**
 * {@code critical-eta} then a sweep over η/η_c from it, through the command line, on a linear
 * model (an FCN of depth 1 under MSE: a quadratic, so c_c = η_c·λ₀ = 2 exactly and the sharpness is
 * constant, c at every step): the search brackets 2, a second run into the same directory reuses
 * its runs, the sweep's cells train at η = (η/η_c)·η_c with a dense tail, and collect draws the
 * diagram against η/η_c, warning in one line when the tails are not dense.
 */
class NetworkBifurcationCommandsTest {
    static final String[] LINEAR = {"--model", "fcn", "--depth", "1", "--dataset", "synthetic", "--subset", "64",
            "--synthetic-shape", "4", "--synthetic-outputs", "1", "--dtype", "float64", "--tol", "1e-10", "--threads", "1",
            "--checkpoint-every", "0", "--progress", "false"};

    static String[] args(String[] head, String... tail) {
        String[] a = new String[head.length + tail.length];
        System.arraycopy(head, 0, a, 0, head.length);
        System.arraycopy(tail, 0, a, head.length, tail.length);
        return a;
    }

    static String spec(Path critical, int probeTail) {
        return """
                command: train
                eta-c: %s
                base:
                  model: fcn
                  depth: 1
                  dataset: synthetic
                  subset: 64
                  synthetic-shape: 4
                  synthetic-outputs: 1
                  dtype: float64
                  tol: 1.0e-10
                  steps: 100
                  checkpoint-every: 0
                  probe-tail: %d
                axes:
                  eta-over-etac: [0.5, 0.9, 1.1]
                """.formatted(critical, probeTail);
    }

    @Test
    void criticalEtaThenASweepOverEtaOverEtac(@TempDir Path tmp) throws Exception {
        Path critical = tmp.resolve("critical");
        String[] search = args(new String[] {"critical-eta"}, args(LINEAR, "--steps", "200", "--c", "0.75", "--rel-tol", "0.05",
                "--out", critical.toString()));
        SweepRunTest.Result r = sharpscope(search);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(critical + ": η_c = ").contains("c_c = η_c·λ₀ = ");
        CriticalEtaSummary s = CriticalEtaSummary.read(critical);
        assertThat(s.cLow()).isLessThanOrEqualTo(2 * (1 + 1e-9));
        assertThat(s.cHigh()).isGreaterThanOrEqualTo(2 * (1 - 1e-9)).isLessThanOrEqualTo(s.cLow() * 1.05);
        for (String plot : List.of("critical-eta.png", "critical-eta.svg", "sharpness.png")) {
            assertThat(critical.resolve("plots").resolve(plot)).isNotEmptyFile();
        }
        assertThat(critical.resolve(s.tries().get(0).dir()).resolve("plots/sharpness.png")).isNotEmptyFile();
        // the same command again reuses every run and prints the same result
        SweepRunTest.Result again = sharpscope(search);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo(r.out());

        Path specFile = tmp.resolve("sweep.yaml");
        Files.writeString(specFile, spec(critical, 16));
        Path sweep = tmp.resolve("sweep");
        SweepRunTest.Result run = sharpscope("sweep", "run", specFile.toString(), "--out", sweep.toString(), "--workers", "2",
                "--no-progress");
        assertThat(run.code()).as(run.err()).isZero();
        SweepRunTest.Result collect = sharpscope("sweep", "collect", sweep.toString(), "--tail", "16");
        assertThat(collect.code()).as(collect.err()).isZero();
        assertThat(collect.err()).doesNotContain("warning");
        assertThat(sweep.resolve("plots/bifurcation.png")).isNotEmptyFile();

        CsvTable results = CsvTable.read(sweep.resolve("results.csv"));
        assertThat(results.columns().get(0)).isEqualTo("eta-over-etac");
        double[] ratios = results.doubles("eta-over-etac");
        double[] eta = results.doubles("eta");
        for (int i = 0; i < ratios.length; i++) assertThat(eta[i]).isEqualTo(ratios[i] * s.etaC());
        CsvTable periods = CsvTable.read(sweep.resolve("bifurcation-periods.csv"));
        assertThat(periods.columns().get(0)).isEqualTo("eta-over-etac");
        assertThat(periods.strings("dense_tail")).containsOnly("true");
        // a quadratic's sharpness is constant: every cell that did not diverge has period 1
        List<String> diverged = periods.strings("diverged");
        List<String> period = periods.strings("period");
        for (int i = 0; i < period.size(); i++) if (diverged.get(i).equals("false")) assertThat(period.get(i)).isEqualTo("1");

        Files.writeString(specFile, spec(critical, 0));
        Path sparse = tmp.resolve("sparse");
        assertThat(sharpscope("sweep", "run", specFile.toString(), "--out", sparse.toString(), "--workers", "2", "--no-progress")
                .code()).isZero();
        SweepRunTest.Result warned = sharpscope("sweep", "collect", sparse.toString(), "--tail", "16");
        assertThat(warned.code()).as(warned.err()).isZero();
        assertThat(warned.err().lines().filter(l -> l.startsWith("warning: ")).toList()).hasSize(1)
                .allMatch(l -> l.contains("probe-tail: 16"));
    }

    @Test
    void criticalEtaRefusesSeveralStartsAndBadSearchSettingsInOneLine(@TempDir Path tmp) {
        SweepRunTest.Result r = sharpscope(args(new String[] {"critical-eta"}, args(LINEAR, "--c", "1,2", "--out", tmp.resolve("o").toString())));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: --c takes one value here").doesNotContain("\n");
        SweepRunTest.Result f = sharpscope(args(new String[] {"critical-eta"}, args(LINEAR, "--factor", "1", "--out", tmp.resolve("o").toString())));
        assertThat(f.code()).isEqualTo(2);
        assertThat(f.err().strip()).startsWith("error: --factor must lie in (1, 1000]").doesNotContain("\n");
        assertThat(tmp.resolve("o")).doesNotExist();
    }
}
