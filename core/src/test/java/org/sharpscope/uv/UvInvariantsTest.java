package org.sharpscope.uv;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.sharpscope.regime.LateState;
import org.sharpscope.regime.Regime;

/** Invariants of docs/theory.md §2, §4 and §7 checked on explicit GD on the weights. */
class UvInvariantsTest {

    /**
     * Q_{t+1} = (1 − η²κΔf_t²)² Q_t and λ ≥ 2√κ|f| along weights GD, for random models and
     * learning rates (Q is computed from the weights each step, the prediction from step t).
     */
    @Property(tries = 60)
    void qRecursionAndCauchySchwarzBound(@ForAll @IntRange(min = 2, max = 40) int n,
                                         @ForAll @IntRange(min = 1, max = 4) int d,
                                         @ForAll @DoubleRange(min = 0, max = 1) double s,
                                         @ForAll @DoubleRange(min = 0.2, max = 2) double sigma,
                                         @ForAll @DoubleRange(min = -2, max = 2) double y,
                                         @ForAll @DoubleRange(min = 0.05, max = 3.5) double c,
                                         @ForAll long seed) {
        UvConfig cfg = new UvConfig(n, UvConfig.unitInput(d), y, sigma, s, seed);
        WeightsEngine w = cfg.initialWeights();
        double eta = LearningRate.c(c).resolve(UvConstants.of(w, 1).sharpness0(), 1);
        double kappa = w.kappa();
        double loss0 = 0.5 * w.residual() * w.residual();
        for (int t = 0; t < 100; t++) {
            double f = w.output();
            double lam = w.ntk();
            double df = w.residual();
            assertThat(lam).isGreaterThanOrEqualTo(2 * Math.sqrt(kappa) * Math.abs(f) * (1 - 1e-12));
            double q = FunctionSpaceMap.q(f, lam, kappa);
            double factor = 1 - eta * eta * kappa * df * df;
            w.step(eta);
            if (0.5 * w.residual() * w.residual() > 1e8 * Math.max(loss0, 1e-300)) break; // escaping
            double qNext = FunctionSpaceMap.q(w.output(), w.ntk(), kappa);
            // Q is a difference of squares: compare on the scale of its terms.
            double scale = w.ntk() * w.ntk() + lam * lam * factor * factor;
            assertThat(Math.abs(qNext - factor * factor * q)).as("step %d", t)
                    .isLessThanOrEqualTo(1e-12 * Math.max(scale, 1e-300));
        }
    }

    /** η_c = 1/(√κ|y|) with κ = ‖x‖²/n^{1−s}; the balanced minimum λ_min = 2√κ|y| flips exactly there. */
    @Test
    void criticalLearningRate() {
        double[] x = {0.6, -1.2, 2.0};
        double xx = 0.36 + 1.44 + 4.0;
        for (double s : new double[] {0, 0.5, 1}) {
            UvConfig cfg = new UvConfig(50, x, -0.7, 1, s, 1);
            double kappa = xx / Math.pow(50, 1 - s);
            assertThat(cfg.kappa()).isCloseTo(kappa, org.assertj.core.data.Percentage.withPercentage(1e-12));
            double etaC = UvConstants.criticalEta(cfg.kappa(), cfg.target());
            assertThat(etaC).isCloseTo(1 / (Math.sqrt(kappa) * 0.7), org.assertj.core.data.Percentage.withPercentage(1e-12));
            double lambdaMin = 2 * Math.sqrt(kappa) * 0.7;
            // Linearization of the map at the balanced minimum: ∂Δf'/∂Δf = 1 − ηλ_min = −1 at η_c.
            double h = 1e-7;
            double slope = (FunctionSpaceMap.nextResidual(h, lambdaMin, etaC, kappa, -0.7)
                    - FunctionSpaceMap.nextResidual(-h, lambdaMin, etaC, kappa, -0.7)) / (2 * h);
            assertThat(slope).isCloseTo(-1, org.assertj.core.data.Offset.offset(1e-6));
            // Dynamics: just below η_c GD settles on the flattest minimum, just above it cannot.
            double f0 = -0.7 * (1 - 1e-3); // near the balanced minimum, on the f/y > 0 side
            FunctionStart start = new FunctionStart(f0, lambdaMin, kappa);
            UvTrajectory below = UvSimulation.run(new FunctionEngine(start, -0.7), 0.98 * etaC, 4000);
            UvTrajectory above = UvSimulation.run(new FunctionEngine(start, -0.7), 1.02 * etaC, 4000);
            assertThat(below.regime().lateState()).isEqualTo(LateState.CONVERGED);
            assertThat(above.regime().lateState()).isEqualTo(LateState.EOS);
        }
    }

    /**
     * Persistent EoS for 1 < Y < √5 − 1: weights GD from a small μP init settles on the period-2
     * orbit of §7, ηλ = 1 + Y ± sqrt((Y − 1)(Y + 3)), with X = η√κΔf solving
     * X² + (Y − 1)X + (1 − Y) = 0 and Q → 0 (balanced).
     */
    @Test
    void periodTwoOrbitMatchesClosedForm() {
        for (double bigY : new double[] {1.05, 1.2}) {
            UvConfig cfg = new UvConfig(1000, UvConfig.unitInput(2), 1.0, 0.5, 1, 3);
            WeightsEngine w = cfg.initialWeights();
            double eta = LearningRate.etaOverEtaC(bigY).resolve(1, UvConstants.criticalEta(w.kappa(), 1.0));
            UvTrajectory t = UvSimulation.run(w, eta, 3000);
            Regime r = t.regime();
            assertThat(r.lateState()).isEqualTo(LateState.EOS);
            assertThat(r.period()).isEqualTo(2);
            double root = Math.sqrt((bigY - 1) * (bigY + 3));
            double hi = 1 + bigY + root;
            double lo = 1 + bigY - root;
            double[] ntk = t.ntk();
            double[] res = t.residual();
            double[] q = t.q();
            int last = t.size() - 1;
            double a = eta * ntk[last];
            double b = eta * ntk[last - 1];
            assertThat(Math.max(a, b)).isCloseTo(hi, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(Math.min(a, b)).isCloseTo(lo, org.assertj.core.data.Offset.offset(1e-9));
            for (int k : new int[] {last, last - 1}) {
                double x = eta * Math.sqrt(w.kappa()) * res[k];
                assertThat(x * x + (bigY - 1) * x + (1 - bigY)).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(q[k]).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9 * ntk[k] * ntk[k]));
            }
        }
    }

    /** Gradient flow end point λ_∞ = sqrt(λ₀² − 4κf₀² + 4κy²): GD at a tiny step lands there. */
    @Test
    void gradientFlowEndPoint() {
        FunctionStart start = new FunctionStart(0.3, 1.1, 0.8);
        double y = 1.5;
        double lambdaInf = UvConstants.gradientFlowEndPoint(0.3, 1.1, 0.8, y);
        assertThat(lambdaInf).isCloseTo(Math.sqrt(1.21 - 4 * 0.8 * 0.09 + 4 * 0.8 * 2.25), org.assertj.core.data.Offset.offset(1e-14));
        double eta = 1e-3;
        UvTrajectory t = UvSimulation.run(new FunctionEngine(start, y), eta, 40000);
        double end = t.ntk()[t.size() - 1];
        // GD lowers Q by (1 − η²κΔf²)² a step: O(η) below gradient flow, never above it.
        assertThat(end).isLessThanOrEqualTo(lambdaInf).isGreaterThan(lambdaInf * (1 - 1e-3));
    }
}
