package org.sharpscope.nn.train;

import java.util.Arrays;
import java.util.Random;

/**
 * Which examples each SGD step uses: epoch e is a permutation of the n examples drawn from a
 * {@link Random} seeded by (seed, e), cut into consecutive batches (the last one of an epoch may
 * be smaller). Step t's batch is a pure function of (seed, t), so a resumed run draws exactly the
 * batches an uninterrupted one would, with no RNG state to save.
 */
public final class BatchSchedule {
    private final int n;
    private final int batchSize;
    private final long seed;
    private final int batchesPerEpoch;
    private int cachedEpoch = -1;
    private int[] cachedOrder;

    public BatchSchedule(int examples, int batchSize, long seed) {
        if (batchSize < 1 || examples < 1) throw new IllegalArgumentException("need examples >= 1 and batchSize >= 1");
        this.n = examples;
        this.batchSize = Math.min(batchSize, examples);
        this.seed = seed;
        this.batchesPerEpoch = (examples + this.batchSize - 1) / this.batchSize;
    }

    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** The example order of epoch {@code epoch}. */
    public int[] epochOrder(int epoch) {
        if (epoch != cachedEpoch) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Random rng = new Random(seed * 0x9E3779B97F4A7C15L + 31L * epoch + 7);
            for (int i = n - 1; i > 0; i--) { // Fisher–Yates
                int j = rng.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            cachedEpoch = epoch;
            cachedOrder = order;
        }
        return cachedOrder.clone();
    }

    /** The (sorted) example indices of the batch used at step {@code step}. */
    public int[] batch(int step) {
        int epoch = step / batchesPerEpoch;
        int b = step % batchesPerEpoch;
        int[] order = epochOrder(epoch);
        int from = b * batchSize;
        int[] idx = Arrays.copyOfRange(order, from, Math.min(from + batchSize, n));
        Arrays.sort(idx);
        return idx;
    }
}
