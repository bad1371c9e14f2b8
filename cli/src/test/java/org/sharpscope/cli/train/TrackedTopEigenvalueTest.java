package org.sharpscope.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.cli.Sharpscope;
import org.sharpscope.run.CsvTable;

/**
 * A tracked top-1 sharpness must stay the top eigenvalue when a second direction reaches the edge
 * of stability. In this run (tanh FCN 3×32, zero last layer, 256 Fashion-MNIST examples, float32,
 * η = 1.6 η_c) the two top Hessian eigenvalues swap order from one step to the next from about
 * step 600 on; a tracker that follows its previous eigenvector accepted the second one (up to 2.7%
 * low, at 17 of 360 probes). Reference: the same run tracking the top two, whose first value is
 * the top by Rayleigh–Ritz over both directions. Both ask for λ to 1e-4, so they agree to 2e-4.
 */
class TrackedTopEigenvalueTest {
    @TempDir
    Path tmp;

    private double[] sharpness(int topK) {
        Path out = tmp.resolve("k" + topK);
        int rc = Sharpscope.execute("train", "--model", "fcn", "--depth", "3", "--width", "32", "--activation", "tanh",
                "--param", "sp", "--last-layer-zero", "--dataset", "fashion-mnist", "--subset", "256", "--loss", "mse",
                "--dtype", "float32", "--steps", "700", "--tol", "1e-4", "--threads", "1", "--seed", "0",
                "--checkpoint-every", "0", "--probe-tail", "100", "--eta", "0.8056890304465694", "--top-k",
                Integer.toString(topK), "--progress", "false", "--out", out.toString());
        assertThat(rc).isZero();
        return CsvTable.read(out.resolve("metrics.csv")).doubles("sharpness");
    }

    @Test
    void topOneTrackingAgreesWithTopTwoWhereTheTopTwoSwap() {
        double[] one = sharpness(1);
        double[] two = sharpness(2);
        assertThat(one).hasSameSizeAs(two);
        List<String> off = new ArrayList<>();
        for (int i = 0; i < one.length; i++) {
            if (Math.abs(one[i] / two[i] - 1) > 2e-4) off.add(i + ": " + one[i] + " vs " + two[i]);
        }
        assertThat(off).as("probes where the tracked top-1 is not the top eigenvalue").isEmpty();
    }
}
