package org.sharpscope.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.dynamics.Lyapunov;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.Activation;
import org.sharpscope.nn.model.ModelConfig;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Network;
import org.sharpscope.nn.model.Normalization;
import org.sharpscope.nn.model.Parameterization;
import org.sharpscope.nn.model.UvNetwork;
import org.sharpscope.nn.source.NetworkSource;
import org.sharpscope.run.RunDirectory;
import org.sharpscope.uv.EosManifoldMap;
import org.sharpscope.uv.LearningRate;
import org.sharpscope.uv.UvTheory;

/**
 * The Lyapunov exponents of GD on the UV network (one example x, target y; float64, μP) against
 * the exact UV maps of core. With a = U x̂ and v, the update is linear in (a, v) with coefficient
 * X = η√κ Δf: p = a + v scales by (1 − X), m = a − v by (1 + X), the directions of p and m stay put.
 * On the EoS manifold (m = 0) the tangent map is therefore block-triangular: the radial direction of
 * p carries the manifold map g (exponent λ_g), rotations of p have exponent ⟨ln|1 − X|⟩ = 0 (‖p‖ is
 * bounded), every direction of m has ⟨ln|1 + X|⟩ = half the transverse exponent of Q = 0 (Q ∝ ‖m‖²,
 * Q' = (1 − X²)²Q), and U's components orthogonal to x are untouched (0). The Gauss–Newton matrix
 * ∇f∇fᵀ has the single direction ∇f — the radial one — so the exponent seen by the loss is λ_g.
 * Y = η/η_c = η√κ|y|, κ = c_s²‖x‖² (docs/theory.md §4); with μP, x = (1, 0, …), c_s = 1 and Y = η|y|.
 */
class UvNetworkLyapunovTest {
    @TempDir
    Path tmp;

    /** GD on the UV network of width n, input dimension d at Y = η/η_c, target 1. */
    private TrainSummary run(int n, int d, long seed, double bigY, int steps, int warmup, int lyapunov) {
        ModelConfig mc = new ModelConfig(ModelKind.UV, 2, n, Activation.LINEAR, false, Parameterization.interpolated(1),
                false, 1.0, Normalization.NONE);
        double[] x = new double[d];
        x[0] = 1;
        double y = 1;
        Dataset data = new Dataset("uv", new long[] {d}, x, new double[] {y}, 1, null);
        double cs = ((UvNetwork) mc.build(new long[] {d}, 1)).cs();
        double kappa = cs * cs; // ‖x‖ = 1
        double eta = bigY / (Math.sqrt(kappa) * y);
        TrainConfig cfg = new TrainConfig(mc, null, Loss.MSE, Dtype.FLOAT64, 0, Optimizer.GD, LearningRate.eta(eta), 0, 0,
                steps, seed, 100, 0, 0, 1, false, 1e-10, 500, 1, lyapunov, warmup, 0);
        NetworkSource source = new NetworkSource() {
            @Override
            public Dataset loadData() {
                return data;
            }

            @Override
            public Network buildNetwork(Dataset examples) {
                return mc.build(examples.exampleShape(), 1);
            }
        };
        return new Trainer(cfg, source, RunDirectory.create(tmp.resolve("Y" + bigY + "n" + n)), null).run();
    }

    /**
     * Period-2 EoS (1 &lt; Y &lt; √5 − 1): the orbit is exact, so every exponent is exact to rounding:
     * width 2 and d = 1 (4 weights) have the spectrum {0, λ_g, μ, μ} (λ_g = ½ ln|7 − 4Y − 2Y²|,
     * μ = half the transverse exponent); the largest weight-space exponent is 0, while the one
     * seen by the loss is λ_g &lt; 0.
     */
    @Test
    void periodTwoSpectrumIsExact() {
        periodTwo(1.2);
    }

    /** As {@link #periodTwoSpectrumIsExact} just past the onset, Y = 1.05, where the m pair (μ = −0.053) lies above λ_g = −0.26. */
    @Tag("slow")
    @Test
    void periodTwoSpectrumJustPastTheOnset() {
        periodTwo(1.05);
    }

    private void periodTwo(double bigY) {
        TrainSummary s = run(2, 1, 2, bigY, 800, 400, 4);
        assertThat(s.period()).isEqualTo(2);
        double g = UvTheory.periodTwoLyapunov(bigY);
        double mu = new EosManifoldMap(bigY).transverseLyapunov(UvTheory.periodTwoX(bigY)[0], 0, 2) / 2;
        double[] expected = {0, g, mu, mu};
        java.util.Arrays.sort(expected);
        LyapunovExponents l = s.lyapunov();
        for (int i = 0; i < 4; i++) assertThat(l.weightSpace()[i]).as("exponent %d", i + 1).isCloseTo(expected[3 - i], within(1e-6));
        assertThat(l.largest()).isCloseTo(0, within(1e-6));
        assertThat(l.loss()).isCloseTo(g, within(1e-6));
        assertThat(l.lossSubspaceRotation()).isCloseTo(0, within(1e-9));
    }

    /** A wider UV network (n = 16, d = 4: 80 weights, 12 of them flat) at Y = 1.2: weight space reads 0, the loss λ_g. */
    @Test
    void wideNetworkInPeriodTwoReadsZeroInWeightSpace() {
        TrainSummary s = run(16, 4, 2, 1.2, 800, 400, 2);
        LyapunovExponents l = s.lyapunov();
        assertThat(l.weightSpace()[0]).isCloseTo(0, within(1e-6));
        assertThat(l.weightSpace()[1]).isCloseTo(0, within(1e-6));
        assertThat(l.loss()).isCloseTo(UvTheory.periodTwoLyapunov(1.2), within(1e-6));
    }

    /**
     * Chaotic EoS (Y = 1.9): the largest weight-space exponent is the manifold map's λ_g &gt; 0
     * (core: 10⁶ steps of g), and so is the loss-seen one, within 4 standard errors; the second is
     * the rotation exponent 0 and the m pair is half the transverse exponent.
     */
    @Test
    void chaoticLargestExponentIsTheManifoldMaps() {
        chaotic(1.9);
    }

    /** As {@link #chaoticLargestExponentIsTheManifoldMaps} at Y = 1.5 (longer). */
    @Tag("slow")
    @Test
    void chaoticLargestExponentAtOnePointFive() {
        chaotic(1.5);
    }

    private void chaotic(double bigY) {
        TrainSummary s = run(2, 1, 2, bigY, 2400, 800, 4);
        EosManifoldMap map = new EosManifoldMap(bigY);
        double g = Lyapunov.largest(map, 0.1, 1000, 1_000_000);
        double mu = map.transverseLyapunov(0.1, 1000, 1_000_000) / 2;
        LyapunovExponents l = s.lyapunov();
        double[] se = l.weightSpaceError();
        System.out.printf("Y = %.2f: weight space %s ± %s, loss %.5f ± %.5f; manifold map %.5f, transverse/2 %.5f%n", bigY,
                java.util.Arrays.toString(l.weightSpace()), java.util.Arrays.toString(se), l.loss(), l.lossError(), g, mu);
        assertThat(g).isPositive();
        assertThat(l.largest()).isCloseTo(g, within(4 * se[0]));
        assertThat(l.weightSpace()[1]).isCloseTo(0, within(4 * se[1]));
        assertThat(l.weightSpace()[2]).isCloseTo(mu, within(4 * se[2]));
        assertThat(l.weightSpace()[3]).isCloseTo(mu, within(4 * se[3]));
        assertThat(l.loss()).isCloseTo(g, within(4 * l.lossError()));
        // Both follow the same orbit's radial direction: they agree far below the statistical error.
        assertThat(l.loss()).isCloseTo(l.largest(), within(1e-3));
    }
}
