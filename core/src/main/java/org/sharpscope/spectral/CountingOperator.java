package org.sharpscope.spectral;

import java.util.concurrent.atomic.AtomicLong;

/** Wraps an operator and counts the products applied through it (a block of b counts as b). */
public final class CountingOperator implements LinearOperator {
    private final LinearOperator inner;
    private final AtomicLong count = new AtomicLong();

    public CountingOperator(LinearOperator inner) {
        this.inner = inner;
    }

    /** Products applied so far. */
    public long products() {
        return count.get();
    }

    public void reset() {
        count.set(0);
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public void apply(double[] x, double[] y) {
        count.incrementAndGet();
        inner.apply(x, y);
    }

    @Override
    public void applyBlock(double[][] xs, double[][] ys) {
        count.addAndGet(xs.length);
        inner.applyBlock(xs, ys);
    }
}
