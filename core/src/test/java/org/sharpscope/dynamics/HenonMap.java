package org.sharpscope.dynamics;

/** Test-only: the Hénon map (x, y) → (1 − a x² + y, b x), parameter a, with b = 0.3. */
record HenonMap(double a) implements DiscreteMap {
    static final double B = 0.3;

    public int dimension() {
        return 2;
    }

    public double parameter() {
        return a;
    }

    public HenonMap at(double p) {
        return new HenonMap(p);
    }

    public void step(double[] s, double[] out) {
        double x = s[0];
        double y = s[1];
        out[0] = 1 - a * x * x + y;
        out[1] = B * x;
    }

    public void jacobian(double[] s, double[] j) {
        j[0] = -2 * a * s[0];
        j[1] = 1;
        j[2] = B;
        j[3] = 0;
    }

    public void parameterDerivative(double[] s, double[] out) {
        out[0] = -s[0] * s[0];
        out[1] = 0;
    }

    public String name() {
        return "henon";
    }
}
