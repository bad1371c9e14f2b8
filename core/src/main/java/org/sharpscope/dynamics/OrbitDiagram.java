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
 * @param parameters the parameter values, in order
 * @param recorded   samples recorded per parameter
 * @param names      one name per observable
 * @param values     per observable, a row-major parameters × recorded array (NaN after divergence)
 * @param lyapunov   the largest Lyapunov exponent over the recorded window per parameter, or null
 *                   when not asked for (NaN after divergence)
 * @param periods    the period of the first observable per parameter (0: none ≤ maxPeriod, so
 *                   chaotic or unsettled; −1: diverged)
 */
public record OrbitDiagram(double[] parameters, int recorded, List<String> names, double[][] values,
                           double[] lyapunov, int[] periods) {
    private static final int BLOCK = 64;
    /** Per-thread scratch for one block's recorded states (BLOCK × recorded), reused across calls. */
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
        int maxPeriod = Math.min(spec.maxPeriod(), r / 2);
        if (family instanceof ScalarMap scalar) {
            IntStream.range(0, nBlocks).parallel().forEach(b -> {
                int from = b * BLOCK;
                int to = Math.min(np, (b + 1) * BLOCK);
                scalarBlock(scalar, parameters, initial, spec, from, to, values, lyap);
                for (int i = from; i < to; i++) periods[i] = period(values[0], i, r, maxPeriod);
            });
        } else {
            IntStream.range(0, np).parallel().forEach(i -> {
                general(family.at(parameters[i]), i, initial.apply(parameters[i]), spec, values, lyap);
                periods[i] = period(values[0], i, r, maxPeriod);
            });
        }
        return new OrbitDiagram(parameters.clone(), r, spec.names(), values, lyap, periods);
    }

    private static void scalarBlock(ScalarMap map, double[] params, DoubleFunction<double[]> initial, Spec spec, int from, int to,
                                    double[][] values, double[] lyap) {
        int n = to - from;
        double[] x = new double[n];
        double[] p = new double[n];
        System.arraycopy(params, from, p, 0, n);
        for (int j = 0; j < n; j++) x[j] = initial.apply(p[j])[0];
        map.advance(x, p, 0, n, spec.transientSteps());
        // Record: states are stepped t-major (independent chains, vectorisable) in chunks and
        // transposed into a block-local raw buffer (parameter-major, cache-resident, reused per
        // thread); observables are then applied row by row into the output, written once.
        int r = spec.recorded();
        List<Observable> obs = spec.observables();
        double[] raw = RAW.get();
        if (raw.length < n * r) {
            raw = new double[n * r];
            RAW.set(raw);
        }
        double[] chunk = new double[CHUNK * n];
        for (int t0 = 0; t0 < r; t0 += CHUNK) {
            int tn = Math.min(CHUNK, r - t0);
            for (int t = 0; t < tn; t++) {
                System.arraycopy(x, 0, chunk, t * n, n);
                map.advance(x, p, 0, n, 1);
            }
            for (int j = 0; j < n; j++) {
                int row = j * r + t0;
                for (int t = 0; t < tn; t++) raw[row + t] = chunk[t * n + j];
            }
        }
        double[] state = new double[1];
        for (int j = 0; j < n; j++) {
            int row = j * r;
            int outRow = (from + j) * r;
            double pj = p[j];
            boolean bad = false;
            for (int t = 0; t < r && !bad; t++) bad = !(Math.abs(raw[row + t]) < DIVERGED);
            if (lyap != null) {
                double sum = 0;
                for (int t = 0; t < r; t++) {
                    double xt = raw[row + t];
                    sum += Math.abs(xt) < DIVERGED ? Math.log(Math.abs(map.derivative(xt, pj))) : Double.NaN;
                }
                lyap[from + j] = sum / r;
            }
            for (int k = 0; k < obs.size(); k++) {
                Observable o = obs.get(k);
                double[] out = values[k];
                if (!bad && o instanceof Observable.Scalar sc) {
                    for (int t = 0; t < r; t++) out[outRow + t] = sc.value(raw[row + t], pj);
                    continue;
                }
                for (int t = 0; t < r; t++) {
                    double xt = raw[row + t];
                    state[0] = xt;
                    out[outRow + t] = Math.abs(xt) < DIVERGED ? o.value(state, pj) : Double.NaN;
                }
            }
        }
    }

    private static void general(DiscreteMap map, int i, double[] x0, Spec spec, double[][] values, double[] lyap) {
        double[] x = x0.clone();
        int r = spec.recorded();
        for (int t = 0; t < spec.transientSteps(); t++) map.step(x, x);
        double[] start = x.clone();
        for (int t = 0; t < r; t++) {
            boolean ok = finite(x);
            for (int k = 0; k < values.length; k++) {
                values[k][i * r + t] = ok ? spec.observables().get(k).value(x, map.parameter()) : Double.NaN;
            }
            map.step(x, x);
        }
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
