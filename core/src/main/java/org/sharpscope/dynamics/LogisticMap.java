package org.sharpscope.dynamics;

/** The logistic map x' = r x (1 − x), the known-answer test bed of period doubling (parameter r). */
public record LogisticMap(double r) implements ScalarMap {
    @Override
    public double parameter() {
        return r;
    }

    @Override
    public LogisticMap at(double p) {
        return new LogisticMap(p);
    }

    @Override
    public double next(double x, double p) {
        return p * x * (1 - x);
    }

    @Override
    public void advance(double[] x, double[] p, int from, int to, int steps) {
        for (int t = 0; t < steps; t++) {
            for (int j = from; j < to; j++) x[j] = p[j] * x[j] * (1 - x[j]);
        }
    }

    @Override
    public double derivative(double x, double p) {
        return p * (1 - 2 * x);
    }

    @Override
    public double parameterDerivative(double x, double p) {
        return x * (1 - x);
    }

    @Override
    public String name() {
        return "logistic";
    }
}
