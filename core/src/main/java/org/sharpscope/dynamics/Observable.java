package org.sharpscope.dynamics;

/** A scalar read off a state (what an orbit diagram records), such as ηλ or ηλ^H. */
@FunctionalInterface
public interface Observable {
    double value(double[] state, double parameter);

    /**
     * An observable of a 1-D state, {@code value(x, p)}: orbit diagrams of {@link ScalarMap}s
     * evaluate it in a tight loop the JIT can vectorise.
     */
    @FunctionalInterface
    interface Scalar extends Observable {
        double value(double x, double parameter);

        @Override
        default double value(double[] state, double parameter) {
            return value(state[0], parameter);
        }
    }

    /** A {@link Scalar} observable from a function of (x, p). */
    static Scalar scalar(Scalar f) {
        return f;
    }

    /** The i-th state coordinate. */
    static Observable coordinate(int i) {
        return (s, p) -> s[i];
    }
}
