package org.sharpscope.dynamics;

/**
 * The p-th iterate F^p of a {@link DiscreteMap}, with its Jacobian by the chain rule
 * DF^p(x) = DF(x_{p−1}) ⋯ DF(x_0). Not thread-safe (holds scratch arrays); cheap to create.
 */
public final class IteratedMap {
    private final DiscreteMap map;
    private final int p;
    private final int d;
    private final double[] cur;
    private final double[] jStep;
    private final double[] tmp;

    public IteratedMap(DiscreteMap map, int period) {
        if (period < 1) throw new IllegalArgumentException("period must be >= 1");
        this.map = map;
        this.p = period;
        this.d = map.dimension();
        this.cur = new double[d];
        this.jStep = new double[d * d];
        this.tmp = new double[d * d];
    }

    public DiscreteMap map() {
        return map;
    }

    public int period() {
        return p;
    }

    /** Writes F^p(x) into {@code out} and, when {@code jac} is not null, DF^p(x) (row-major). */
    public void apply(double[] x, double[] out, double[] jac) {
        System.arraycopy(x, 0, cur, 0, d);
        if (jac != null) identity(jac);
        for (int k = 0; k < p; k++) {
            if (jac != null) {
                map.jacobian(cur, jStep);
                multiply(jStep, jac, tmp);
                System.arraycopy(tmp, 0, jac, 0, d * d);
            }
            map.step(cur, cur);
        }
        System.arraycopy(cur, 0, out, 0, d);
    }

    /** The p points x, F(x), …, F^{p−1}(x) of the orbit through x. */
    public double[][] orbit(double[] x) {
        double[][] pts = new double[p][];
        double[] c = x.clone();
        for (int k = 0; k < p; k++) {
            pts[k] = c.clone();
            map.step(c, c);
        }
        return pts;
    }

    private void identity(double[] m) {
        java.util.Arrays.fill(m, 0);
        for (int i = 0; i < d; i++) m[i * d + i] = 1;
    }

    private void multiply(double[] a, double[] b, double[] c) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += a[i * d + k] * b[k * d + j];
                c[i * d + j] = s;
            }
        }
    }
}
