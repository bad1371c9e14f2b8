package org.sharpscope.dynamics;

/**
 * The late-time behaviour of one orbit: iterate a transientSteps, then record one observable, and
 * decide its period with {@link Periodicity}.
 */
public final class Attractor {
    /** Default relative tolerance for period detection on recorded orbits. */
    public static final double PERIOD_TOL = 1e-6;

    private Attractor() {}

    /**
     * The observable along n recorded steps after {@code transientSteps}. The orbit runs under a {@link RepellerGuard}, so one that rounding puts exactly on an
     * unstable cycle is restarted from a perturbed state instead of being recorded as periodic; NaN
     * entries once the orbit escaped ({@link Escape}).
     */
    public static double[] record(DiscreteMap map, double[] x0, int transientSteps, int n, Observable obs) {
        double[] x = x0.clone();
        RepellerGuard guard = new RepellerGuard(map);
        guard.check(x);
        for (int i = 0; i < transientSteps && !Escape.escaped(x); i++) {
            map.step(x, x);
            guard.check(x);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = !Escape.escaped(x) ? obs.value(x, map.parameter()) : Double.NaN;
            map.step(x, x);
            guard.check(x);
        }
        return out;
    }

    /** Period (≤ maxPeriod) of the recorded series; 0 when chaotic, unsettled or diverged. */
    public static int period(double[] recorded, int maxPeriod) {
        return Periodicity.period(recorded, maxPeriod, PERIOD_TOL);
    }
}
