package org.sharpscope.dynamics;

import java.util.List;
import java.util.function.DoubleFunction;
import java.util.stream.IntStream;

/**
 * An orbit (bifurcation) diagram: for each parameter value, iterate a transientSteps from one initial
 * state, then record observables along {@code recorded} further steps. Parameters are processed in
 * parallel (the common ForkJoin pool); 1-D maps run in blocks of independent parameter values in
 * one tight loop, so the CPU overlaps their dependency chains.
 *
 * <p>Orbits run under a {@link RepellerGuard}. For 1-D maps the guard is applied to the kept
 * sequence (the last min(16, transient) transient states and the recorded ones) after the blocked
 * loop, at the cost of 16 comparisons per parameter unless the sequence ends exactly periodic; a
 * trapped column is re-iterated from its first trap on. A trap earlier in the transient shows as a
 * cycle at the start of that sequence and is restarted there; the results equal those of a serial
 * guarded loop over the kept sequence.
 *
 * @param parameters the parameter values, in order
 * @param recorded   samples recorded per parameter
 * @param names      one name per observable
 * @param values     per observable, a row-major parameters × recorded array (NaN after divergence)
 * @param lyapunov   the largest Lyapunov exponent over the recorded window per parameter, or null
 *                   when not asked for (NaN after divergence)
 * @param periods    the period of the first observable per parameter (0: none ≤ maxPeriod, so
 *                   chaotic or unsettled; −1: diverged)
 * @param trappedRestarts per parameter, how often its orbit was found exactly on an unstable
 *                   periodic orbit (a floating-point trap) and restarted from a perturbed state
 *                   ({@link RepellerGuard}); 0 almost everywhere
 */
public record OrbitDiagram(double[] parameters, int recorded, List<String> names, double[][] values,
                           double[] lyapunov, int[] periods, int[] trappedRestarts) {
    private static final int BLOCK = 64;
    /** Per-thread scratch for one block's kept states (BLOCK × (kept transient + recorded)), reused across calls. */
    private static final ThreadLocal<double[]> RAW = ThreadLocal.withInitial(() -> new double[0]);
    private static final int CHUNK = 32;
    private static final double DIVERGED = Escape.BOUND;

    /** What to record: named observables, whether to compute Lyapunov exponents, the largest period sought. */
    public record Spec(int transientSteps, int recorded, List<String> names, List<Observable> observables,
                       boolean lyapunov, int maxPeriod) {
        public Spec {
            if (transientSteps < 0 || recorded < 1) throw new IllegalArgumentException("need transientSteps >= 0 and recorded >= 1");
            if (names.size() != observables.size() || names.isEmpty()) {
                throw new IllegalArgumentException("one name per observable, at least one");
            }
            names = List.copyOf(names);
            observables = List.copyOf(observables);
        }
    }

    /** Computes the diagram of {@code family} over {@code parameters} from initial state {@code x0}. */
    public static OrbitDiagram compute(DiscreteMap family, double[] parameters, double[] x0, Spec spec) {
        double[] start = x0.clone();
        return compute(family, parameters, p -> start, spec);
    }

    /** As above, with an initial state that depends on the parameter (such as a start near a manifold). */
    public static OrbitDiagram compute(DiscreteMap family, double[] parameters, DoubleFunction<double[]> initial, Spec spec) {
        int np = parameters.length;
        int r = spec.recorded();
        double[][] values = new double[spec.observables().size()][(int) Math.min(Integer.MAX_VALUE, (long) np * r)];
        if ((long) np * r > Integer.MAX_VALUE) throw new IllegalArgumentException("parameters × recorded too large");
        double[] lyap = spec.lyapunov() ? new double[np] : null;
        int nBlocks = (np + BLOCK - 1) / BLOCK;
        int[] periods = new int[np];
        int[] trapped = new int[np];
        int maxPeriod = Math.min(spec.maxPeriod(), r / 2);
        if (family instanceof ScalarMap scalar) {
            IntStream.range(0, nBlocks).parallel().forEach(b -> {
                int from = b * BLOCK;
                int to = Math.min(np, (b + 1) * BLOCK);
                scalarBlock(scalar, parameters, initial, spec, from, to, values, lyap, trapped);
                for (int i = from; i < to; i++) periods[i] = period(values[0], i, r, maxPeriod);
            });
        } else {
            IntStream.range(0, np).parallel().forEach(i -> {
                general(family.at(parameters[i]), i, initial.apply(parameters[i]), spec, values, lyap, trapped);
                periods[i] = period(values[0], i, r, maxPeriod);
            });
        }
        return new OrbitDiagram(parameters.clone(), r, spec.names(), values, lyap, periods, trapped);
    }

    // scalarBlock is split into small methods, one per hot loop: the JIT compiles each on its own
    // and soon, where one large method took C2 about half a second of CPU (three times over, with
    // on-stack replacement) in a run of a second or two.
    private static void scalarBlock(ScalarMap map, double[] params, DoubleFunction<double[]> initial, Spec spec, int from, int to,
                                    double[][] values, double[] lyap, int[] trapped) {
        int n = to - from;
        double[] x = new double[n];
        double[] p = new double[n];
        System.arraycopy(params, from, p, 0, n);
        for (int j = 0; j < n; j++) x[j] = initial.apply(p[j])[0];
        int r = spec.recorded();
        // The last h transient states are kept with the recorded ones, so that the repeller guard
        // sees a trap met in the transient as a cycle at the start of the kept sequence.
        int h = Math.min(RepellerGuard.MAX_PERIOD, spec.transientSteps());
        int len = h + r;
        map.advance(x, p, 0, n, spec.transientSteps() - h);
        double[] raw = keptStates(map, x, p, n, len);
        List<Observable> obs = spec.observables();
        double[] state = new double[1];
        for (int j = 0; j < n; j++) {
            double pj = p[j];
            if (RepellerGuard.endsPeriodic(raw, j * len, len)) {
                trapped[from + j] = new RepellerGuard(map.at(pj)).guardRecorded(raw, j * len, len);
            }
            int row = j * len + h;
            int outRow = (from + j) * r;
            boolean bad = !allBelow(raw, row, r);
            if (lyap != null) lyap[from + j] = meanLogDerivative(map, raw, row, r, pj);
            for (int k = 0; k < obs.size(); k++) {
                Observable o = obs.get(k);
                if (!bad && o instanceof Observable.Scalar sc) {
                    observeScalar(sc, raw, row, r, pj, values[k], outRow);
                } else {
                    observe(o, raw, row, r, pj, values[k], outRow, state);
                }
            }
        }
    }

    /**
     * The last {@code len} states of each of the n orbits, parameter-major: states are stepped
     * t-major (independent chains, vectorisable) in chunks and transposed into a block-local raw
     * buffer (cache-resident, reused per thread).
     */
    private static double[] keptStates(ScalarMap map, double[] x, double[] p, int n, int len) {
        double[] raw = RAW.get();
        if (raw.length < n * len) {
            raw = new double[n * len];
            RAW.set(raw);
        }
        double[] chunk = new double[CHUNK * n];
        for (int t0 = 0; t0 < len; t0 += CHUNK) {
            int tn = Math.min(CHUNK, len - t0);
            for (int t = 0; t < tn; t++) {
                System.arraycopy(x, 0, chunk, t * n, n);
                map.advance(x, p, 0, n, 1);
            }
            for (int j = 0; j < n; j++) {
                int row = j * len + t0;
                for (int t = 0; t < tn; t++) raw[row + t] = chunk[t * n + j];
            }
        }
        return raw;
    }

    /** Whether |v[from + t]| is below the divergence bound for all t < count. */
    private static boolean allBelow(double[] v, int from, int count) {
        for (int t = 0; t < count; t++) {
            if (!(Math.abs(v[from + t]) < DIVERGED)) return false;
        }
        return true;
    }

    /** (1/count) Σ ln|F'(x_t)| over {@code raw[row, row + count)}; NaN once a state diverged. */
    private static double meanLogDerivative(ScalarMap map, double[] raw, int row, int count, double p) {
        double sum = 0;
        for (int t = 0; t < count; t++) {
            double xt = raw[row + t];
            sum += Math.abs(xt) < DIVERGED ? Math.log(Math.abs(map.derivative(xt, p))) : Double.NaN;
        }
        return sum / count;
    }

    private static void observeScalar(Observable.Scalar o, double[] raw, int row, int count, double p, double[] out, int outRow) {
        for (int t = 0; t < count; t++) out[outRow + t] = o.value(raw[row + t], p);
    }

    /** The observable along states that may have diverged (NaN from there on). */
    private static void observe(Observable o, double[] raw, int row, int count, double p, double[] out, int outRow, double[] state) {
        for (int t = 0; t < count; t++) {
            double xt = raw[row + t];
            state[0] = xt;
            out[outRow + t] = Math.abs(xt) < DIVERGED ? o.value(state, p) : Double.NaN;
        }
    }

    private static void general(DiscreteMap map, int i, double[] x0, Spec spec, double[][] values, double[] lyap, int[] trapped) {
        double[] x = x0.clone();
        int r = spec.recorded();
        RepellerGuard guard = new RepellerGuard(map);
        guard.check(x);
        for (int t = 0; t < spec.transientSteps(); t++) {
            map.step(x, x);
            guard.check(x);
        }
        double[] start = x.clone();
        for (int t = 0; t < r; t++) {
            boolean ok = finite(x);
            for (int k = 0; k < values.length; k++) {
                values[k][i * r + t] = ok ? spec.observables().get(k).value(x, map.parameter()) : Double.NaN;
            }
            map.step(x, x);
            guard.check(x);
        }
        trapped[i] = guard.restarts();
        if (lyap != null) lyap[i] = finite(start) ? Lyapunov.spectrum(map, start, 0, r)[0] : Double.NaN;
    }

    /** Period of row i of the first observable: −1 when it diverged (NaN), 0 when none ≤ maxPeriod. */
    private static int period(double[] v, int i, int r, int maxPeriod) {
        for (int t = i * r; t < (i + 1) * r; t++) if (Double.isNaN(v[t])) return -1;
        return maxPeriod >= 1 ? Attractor.period(java.util.Arrays.copyOfRange(v, i * r, (i + 1) * r), maxPeriod) : 0;
    }

    private static boolean finite(double[] x) {
        for (double v : x) if (!(Math.abs(v) < DIVERGED)) return false;
        return true;
    }

    /** Restarts off unstable cycles over all parameters (see {@link RepellerGuard}). */
    public long totalTrappedRestarts() {
        long s = 0;
        for (int v : trappedRestarts) s += v;
        return s;
    }

    /** Number of parameter values. */
    public int size() {
        return parameters.length;
    }

    /** Evenly spaced values from a to b inclusive (n ≥ 2), or {a} when n = 1. */
    public static double[] linspace(double a, double b, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = n == 1 ? a : a + (b - a) * i / (n - 1);
        return v;
    }
}
