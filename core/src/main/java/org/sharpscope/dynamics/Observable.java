package org.sharpscope.dynamics;

/** A scalar read off a state (what an orbit diagram records), such as ηλ or ηλ^H. */
@FunctionalInterface
public interface Observable {
    double value(double[] state, double parameter);

    /** The i-th state coordinate. */
    static Observable coordinate(int i) {
        return (s, p) -> s[i];
    }
}
