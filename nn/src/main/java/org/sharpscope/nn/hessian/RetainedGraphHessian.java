package org.sharpscope.nn.hessian;

import org.sharpscope.spectral.LinearOperator;

/**
 * The exact Hessian with every chunk's ∇L graph kept: a {@link HessianOperator} with an
 * {@link HessianOperator#UNLIMITED} memory budget, whose graphs are built here (one forward and one
 * create-graph backward per chunk) so that every product is a single backward pass. The default
 * {@link HessianOperator} does the same within a memory budget; this class remains for callers
 * that want the graphs unconditionally. Frees them on {@link #close()}.
 */
public final class RetainedGraphHessian implements LinearOperator, AutoCloseable {
    private final HessianOperator hessian;

    public RetainedGraphHessian(TrainingObjective objective) {
        this.hessian = new HessianOperator(objective, HessianOperator.UNLIMITED);
        hessian.prepare();
    }

    public TrainingObjective objective() {
        return hessian.objective();
    }

    /** Products computed so far. */
    public long products() {
        return hessian.products();
    }

    @Override
    public int dimension() {
        return hessian.dimension();
    }

    @Override
    public void apply(double[] x, double[] y) {
        hessian.apply(x, y);
    }

    @Override
    public void applyBlock(double[][] xs, double[][] ys) {
        hessian.applyBlock(xs, ys);
    }

    /** Releases the retained graphs. */
    @Override
    public void close() {
        hessian.close();
    }
}
