package org.sharpscope.dynamics;

import java.util.List;
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
    private static final int BLOCK = 128;
    private static final int CHUNK = 64;
    private static final double DIVERGED = 1e12;

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
        int np = parameters.length;
        int r = spec.recorded();
        double[][] values = new double[spec.observables().size()][(int) Math.min(Integer.MAX_VALUE, (long) np * r)];
        if ((long) np * r > Integer.MAX_VALUE) throw new IllegalArgumentException("parameters × recorded too large");
        double[] lyap = spec.lyapunov() ? new double[np] : null;
        int nBlocks = (np + BLOCK - 1) / BLOCK;
        if (family instanceof ScalarMap scalar) {
            IntStream.range(0, nBlocks).parallel().forEach(b -> scalarBlock(scalar, parameters, x0[0], spec,
                    b * BLOCK, Math.min(np, (b + 1) * BLOCK), values, lyap));
        } else {
            IntStream.range(0, np).parallel().forEach(i -> general(family.at(parameters[i]), i, x0, spec, values, lyap));
        }
        int[] periods = new int[np];
        int maxPeriod = Math.min(spec.maxPeriod(), r / 2);
        IntStream.range(0, np).parallel().forEach(i -> {
            double[] row = java.util.Arrays.copyOfRange(values[0], i * r, (i + 1) * r);
            boolean diverged = false;
            for (double v : row) diverged |= Double.isNaN(v);
            periods[i] = diverged ? -1 : maxPeriod >= 1 ? Attractor.period(row, maxPeriod) : 0;
        });
        return new OrbitDiagram(parameters.clone(), r, spec.names(), values, lyap, periods);
    }

    private static void scalarBlock(ScalarMap map, double[] params, double x0, Spec spec, int from, int to,
                                    double[][] values, double[] lyap) {
        int n = to - from;
        double[] x = new double[n];
        double[] p = new double[n];
        java.util.Arrays.fill(x, x0);
        System.arraycopy(params, from, p, 0, n);
        map.advance(x, p, 0, n, spec.transientSteps());
        // Record in chunks: states are stepped t-major (vectorised), then observables are
        // evaluated while transposing into the parameter-major output rows (contiguous writes).
        int r = spec.recorded();
        List<Observable> obs = spec.observables();
        double[] state = new double[1];
        double[] logSum = new double[n];
        boolean wantLyap = lyap != null;
        double[] chunk = new double[CHUNK * n];
        for (int t0 = 0; t0 < r; t0 += CHUNK) {
            int tn = Math.min(CHUNK, r - t0);
            for (int t = 0; t < tn; t++) {
                System.arraycopy(x, 0, chunk, t * n, n);
                map.advance(x, p, 0, n, 1);
            }
            for (int j = 0; j < n; j++) {
                int row = (from + j) * r + t0;
                double pj = p[j];
                for (int t = 0; t < tn; t++) {
                    double xj = chunk[t * n + j];
                    boolean ok = Math.abs(xj) < DIVERGED;
                    state[0] = xj;
                    for (int k = 0; k < obs.size(); k++) values[k][row + t] = ok ? obs.get(k).value(state, pj) : Double.NaN;
                    if (wantLyap) logSum[j] += ok ? Math.log(Math.abs(map.derivative(xj, pj))) : Double.NaN;
                }
            }
        }
        if (wantLyap) for (int j = 0; j < n; j++) lyap[from + j] = logSum[j] / r;
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
