package org.sharpscope.uv;

import org.sharpscope.regime.Divergence;

/**
 * Runs GD on a {@link UvEngine} for a number of steps and records every step. A run that
 * diverges ({@link Divergence}) stops at that step, which is recorded; it is a result, not an error.
 */
public final class UvSimulation {
    private UvSimulation() {}

    /** Runs {@code steps} GD steps of size {@code eta} from the engine's current state. */
    public static UvTrajectory run(UvEngine engine, double eta, int steps) {
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0");
        int cap = steps + 1;
        long[] step = new long[cap];
        double[] f = new double[cap], res = new double[cap], loss = new double[cap], ntk = new double[cap],
                sharp = new double[cap], q = new double[cap], nu = new double[cap], nv = new double[cap];
        double kappa = engine.kappa();
        double y = engine.target();
        double loss0 = Double.NaN;
        Long divergedAt = null;
        int size = 0;
        for (int t = 0; t <= steps; t++) {
            if (t > 0) engine.step(eta);
            double out = engine.output();
            double df = engine.residual();
            double lam = engine.ntk();
            step[size] = t;
            f[size] = out;
            res[size] = df;
            loss[size] = 0.5 * df * df;
            ntk[size] = lam;
            sharp[size] = UvSharpness.sharpness(df, lam, kappa, y);
            q[size] = FunctionSpaceMap.q(out, lam, kappa);
            nu[size] = engine.normU();
            nv[size] = engine.normV();
            if (t == 0) loss0 = loss[0];
            size++;
            if (Divergence.isDiverged(loss[size - 1], loss0) || !Double.isFinite(lam)) {
                divergedAt = (long) t;
                break;
            }
        }
        return new UvTrajectory(eta, kappa, y, size, step, f, res, loss, ntk, sharp, q, nu, nv, divergedAt);
    }
}
