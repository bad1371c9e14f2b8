package org.sharpscope.nn.hessian;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.sharpscope.nn.HostTensors;
import org.sharpscope.spectral.LinearOperator;

/**
 * A matrix over the flattened parameters of a {@link TrainingObjective} that is a sum over its
 * example chunks: the common body of the Hessian, retained-graph Hessian and Gauss-Newton
 * operators. Each product moves v to the objective's dtype once, sums the chunks' flat products
 * inside one {@link PointerScope} (so native memory is freed per product) and counts it.
 */
public abstract class ChunkSumOperator implements LinearOperator {
    protected final TrainingObjective objective;
    private long products;

    protected ChunkSumOperator(TrainingObjective objective) {
        this.objective = objective;
    }

    public TrainingObjective objective() {
        return objective;
    }

    @Override
    public int dimension() {
        return objective.dimension();
    }

    /** Products computed so far. */
    public long products() {
        return products;
    }

    /** Counts {@code n} products computed by a subclass's own block product. */
    protected void countProducts(long n) {
        products += n;
    }

    /**
     * Chunk {@code c}'s term of the product with {@code v} as a flat tensor, or null when it is
     * zero because v does not reach the chunk's graph.
     */
    protected abstract Tensor chunkProduct(int c, Tensor v);

    @Override
    public final void apply(double[] x, double[] y) {
        try (PointerScope scope = new PointerScope()) {
            Tensor v = HostTensors.fromDoubles(x, new long[] {x.length}, objective.parameters().dtype());
            Tensor acc = null;
            for (int c = 0; c < objective.chunks(); c++) {
                Tensor flat = chunkProduct(c, v);
                if (flat != null) acc = acc == null ? flat : acc.add_(flat);
            }
            if (acc == null) {
                java.util.Arrays.fill(y, 0);
            } else {
                System.arraycopy(HostTensors.toDoubles(acc), 0, y, 0, y.length);
            }
        }
        products++;
    }
}
