package org.sharpscope.uv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sharpscope.regime.LateState;
import org.sharpscope.regime.Regime;

/**
 * The exact function-space map (docs/theory.md §2) against explicit GD on the weights.
 * <ul>
 * <li>Free running for 200 steps from the same initial weights, f and λ agree to 1e-12 relative
 *     error, for s ∈ {0, 0.5, 1}, d ∈ {1, 3} and a grid of init scales and learning rates whose
 *     trajectories cover every regime of §6 (convergence with sharpening or reduction, catapult,
 *     transient and persistent EoS, divergence). Chaotic orbits, and the transient chaos before a
 *     period-3 window, amplify rounding exponentially (two runs of the same engine differ in the
 *     same way), so they are checked by the one-step test below instead; a diverging orbit is
 *     compared until its loss passes 1e4·L₀, after which it escapes cubically.</li>
 * <li>One step at a time along every trajectory of the grid (chaos included): the map applied to
 *     the weights' (f, λ) gives the weights' next (f, λ) to 1e-13.</li>
 * </ul>
 */
class EnginesAgreeTest {
    static final double TOL = 1e-12;
    static final double ONE_STEP_TOL = 1e-13;
    static final int STEPS = 200;
    static final double ESCAPE_LOSS_FACTOR = 1e4;

    static final LearningRate[] RATES = {
            LearningRate.c(0.2), LearningRate.c(2.2), LearningRate.c(2.6), LearningRate.etaOverEtaC(0.99),
            LearningRate.etaOverEtaC(1.2), LearningRate.etaOverEtaC(2.5)};
    static final double[] SIGMAS = {0.3, 0.5, 0.8, 1.0};

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5, 1.0})
    void functionMapEqualsWeightsGdOver200Steps(double s) {
        Set<LateState> seen = EnumSet.noneOf(LateState.class);
        boolean catapult = false, sharpening = false, reduction = false;
        int compared = 0;
        for (int d : new int[] {1, 3}) {
            for (double sigma : SIGMAS) {
                for (LearningRate lr : RATES) {
                    UvConfig cfg = config(d, sigma, s);
                    double eta = eta(cfg, lr);
                    // The regime is read off a long run of the map (200 steps can be too short to settle).
                    Regime r = UvSimulation.run(FunctionEngine.from(cfg.initialWeights()), eta, 3000).regime();
                    if (r.lateState() == LateState.CHAOTIC || r.period() > 2) continue;
                    WeightsEngine w = cfg.initialWeights();
                    FunctionEngine fn = FunctionEngine.from(w);
                    compare(UvSimulation.run(w, eta, STEPS), UvSimulation.run(fn, eta, STEPS),
                            "s=" + s + " d=" + d + " σ=" + sigma + " " + lr);
                    compared++;
                    seen.add(r.lateState());
                    catapult |= r.catapult();
                    sharpening |= r.earlyTrend() == org.sharpscope.regime.EarlyTrend.PROGRESSIVE_SHARPENING;
                    reduction |= r.earlyTrend() == org.sharpscope.regime.EarlyTrend.SHARPNESS_REDUCTION;
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(20);
        assertThat(seen).as("late states compared at s=" + s)
                .contains(LateState.CONVERGED, LateState.EOS, LateState.DIVERGED);
        assertThat(catapult && sharpening && reduction).as("catapult, sharpening and reduction at s=" + s).isTrue();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5, 1.0})
    void mapIsExactOneStepAlongEveryTrajectory(double s) {
        for (int d : new int[] {1, 3}) {
            for (double sigma : SIGMAS) {
                for (LearningRate lr : RATES) {
                    UvConfig cfg = config(d, sigma, s);
                    double eta = eta(cfg, lr);
                    WeightsEngine w = cfg.initialWeights();
                    double loss0 = 0.5 * w.residual() * w.residual();
                    for (int t = 0; t < STEPS; t++) {
                        // Error scales: the size of the terms each update adds up (λ' can be a small
                        // difference of O(1) terms near the origin), plus the rounding of the state
                        // itself (Δf = f − y is known to ε·max(|Δf|, |y|), times ∂λ'/∂Δf); |y| for f.
                        double df = w.residual(), lam = w.ntk(), k = w.kappa(), y = w.target();
                        double dLamDdf = Math.abs(eta * k * (2 * eta * lam * df - 4 * (2 * df + y)));
                        double lamScale = lam + Math.abs(eta * k * df) * (Math.abs(eta * lam * df) + 4 * Math.abs(w.output()))
                                + dLamDdf * Math.max(Math.abs(df), Math.abs(y));
                        double fScale = Math.max(1, Math.abs(df) * (1 + eta * lam + eta * eta * k * Math.abs(df * w.output())));
                        FunctionEngine fn = FunctionEngine.from(w);
                        fn.step(eta);
                        w.step(eta);
                        if (0.5 * w.residual() * w.residual() > ESCAPE_LOSS_FACTOR * loss0) break;
                        assertThat(Math.abs(fn.output() - w.output()))
                                .as("s=%s d=%d σ=%s %s step %d", s, d, sigma, lr, t)
                                .isLessThanOrEqualTo(ONE_STEP_TOL * fScale);
                        assertThat(Math.abs(fn.ntk() - w.ntk())).as("s=%s d=%d σ=%s %s step %d λ=%s→%s Δf=%s κ=%s η=%s", s, d, sigma, lr, t, lam, w.ntk(), df, k, eta).isLessThanOrEqualTo(ONE_STEP_TOL * lamScale);
                    }
                }
            }
        }
    }

    /** Width 24 keeps κ = O(1) even for NTP, so every regime is reachable at every s. */
    static UvConfig config(int d, double sigma, double s) {
        return new UvConfig(24, UvConfig.unitInput(d), 1.0, sigma, s, 7);
    }

    static double eta(UvConfig cfg, LearningRate lr) {
        UvConstants k = UvConstants.of(cfg.initialWeights(), 1);
        return lr.resolve(k.sharpness0(), k.etaC());
    }

    /** Compares every step both runs reached; a diverging run until its loss passes 1e4·L₀. */
    static void compare(UvTrajectory a, UvTrajectory b, String what) {
        int last = Math.min(a.lastFinite(), b.lastFinite());
        double[] loss = b.loss();
        for (int t = 0; t <= last; t++) {
            if (loss[t] > ESCAPE_LOSS_FACTOR * loss[0]) {
                last = t - 1;
                break;
            }
        }
        double y = Math.abs(a.target());
        double[] fa = a.output(), fb = b.output(), la = a.ntk(), lb = b.ntk();
        for (int t = 0; t <= last; t++) {
            double fScale = Math.max(Math.abs(fb[t]), y);
            assertThat(Math.abs(fa[t] - fb[t])).as("%s: f at step %d (%s vs %s)", what, t, fa[t], fb[t])
                    .isLessThanOrEqualTo(TOL * fScale);
            assertThat(Math.abs(la[t] - lb[t])).as("%s: λ at step %d (%s vs %s)", what, t, la[t], lb[t])
                    .isLessThanOrEqualTo(TOL * Math.abs(lb[t]));
        }
    }
}
