package org.sharpscope.dynamics;

/** Test-only maps with exactly representable traps and neutral cycles. */
final class TrapMaps {
    private TrapMaps() {}

    /** The tent map x → 2 min(x, 1 − x): every double reaches its repelling fixed point 0 (multiplier 2) within ~55 steps. */
    record Tent(double slope) implements ScalarMap {
        public double parameter() {
            return slope;
        }

        public Tent at(double p) {
            return new Tent(p);
        }

        public double next(double x, double p) {
            return p * Math.min(x, 1 - x);
        }

        public double derivative(double x, double p) {
            return x < 0.5 ? p : -p;
        }

        public double parameterDerivative(double x, double p) {
            return Math.min(x, 1 - x);
        }

        public String name() {
            return "tent";
        }
    }

    /** x → −x: every point lies on a neutral 2-cycle (multiplier exactly 1), exactly periodic in floating point. */
    record Negation(double p) implements ScalarMap {
        public double parameter() {
            return p;
        }

        public Negation at(double q) {
            return new Negation(q);
        }

        public double next(double x, double q) {
            return -x;
        }

        public double derivative(double x, double q) {
            return -1;
        }

        public double parameterDerivative(double x, double q) {
            return 0;
        }

        public String name() {
            return "negation";
        }
    }

    /**
     * (x, y) → (r x (1 − x), y / 2): the logistic map times a contraction. From (0.5, 0) it lands
     * exactly on the saddle (0, 0) (multipliers r and ½); at r = 4 its exponents are ln 2 and −ln 2.
     */
    record LogisticTimesHalf(double r) implements DiscreteMap {
        public int dimension() {
            return 2;
        }

        public double parameter() {
            return r;
        }

        public LogisticTimesHalf at(double p) {
            return new LogisticTimesHalf(p);
        }

        public void step(double[] s, double[] out) {
            double x = s[0];
            out[0] = r * x * (1 - x);
            out[1] = s[1] / 2;
        }

        public void jacobian(double[] s, double[] j) {
            j[0] = r * (1 - 2 * s[0]);
            j[1] = 0;
            j[2] = 0;
            j[3] = 0.5;
        }

        public void parameterDerivative(double[] s, double[] out) {
            out[0] = s[0] * (1 - s[0]);
            out[1] = 0;
        }

        public String name() {
            return "logistic-times-half";
        }
    }

    /** (x, y) → (−y, x): a rotation by a quarter turn, exact in floating point; every point is on a neutral 4-cycle. */
    record QuarterTurn(double p) implements DiscreteMap {
        public int dimension() {
            return 2;
        }

        public double parameter() {
            return p;
        }

        public QuarterTurn at(double q) {
            return new QuarterTurn(q);
        }

        public void step(double[] s, double[] out) {
            double x = s[0];
            out[0] = -s[1];
            out[1] = x;
        }

        public void jacobian(double[] s, double[] j) {
            j[0] = 0;
            j[1] = -1;
            j[2] = 1;
            j[3] = 0;
        }

        public void parameterDerivative(double[] s, double[] out) {
            out[0] = 0;
            out[1] = 0;
        }

        public String name() {
            return "quarter-turn";
        }
    }
}
