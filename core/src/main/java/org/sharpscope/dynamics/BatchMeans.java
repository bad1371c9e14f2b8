package org.sharpscope.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The running mean of a series of vectors (per-step log growths along an orbit) with standard
 * errors by the method of batch means: the series is cut into consecutive batches of a fixed
 * length, long enough for their means to be nearly independent, and the standard error of the
 * mean is the spread of the completed batch means over √(batches). A batch length that is even
 * keeps a period-2 series from adding spurious spread. The state ({@link #rows()},
 * {@link #count()}) can be stored and restored exactly.
 */
public final class BatchMeans {
    private final int dims;
    private final int batchLength;
    private long count;
    private final double[] total;
    private final double[] partial;
    private final List<double[]> batches = new ArrayList<>();

    /** Empty means of {@code dims}-vectors in batches of {@code batchLength} values. */
    public BatchMeans(int dims, int batchLength) {
        if (dims < 1 || batchLength < 1) throw new IllegalArgumentException("dims and batch length must be >= 1");
        this.dims = dims;
        this.batchLength = batchLength;
        this.total = new double[dims];
        this.partial = new double[dims];
    }

    /**
     * The batch length for about {@code batches} batches over {@code steps} values: even, at least 2.
     */
    public static int batchLength(long steps, int batches) {
        return (int) Math.max(2, 2 * (steps / (2L * batches)));
    }

    /** Means restored from {@link #rows()} and {@link #count()}. */
    public static BatchMeans restore(int batchLength, long count, double[][] rows) {
        BatchMeans m = new BatchMeans(rows[0].length, batchLength);
        m.count = count;
        System.arraycopy(rows[0], 0, m.total, 0, m.dims);
        System.arraycopy(rows[1], 0, m.partial, 0, m.dims);
        for (int i = 2; i < rows.length; i++) m.batches.add(rows[i].clone());
        return m;
    }

    public void add(double[] x) {
        for (int i = 0; i < dims; i++) {
            total[i] += x[i];
            partial[i] += x[i];
        }
        count++;
        if (count % batchLength == 0) {
            batches.add(partial.clone());
            Arrays.fill(partial, 0);
        }
    }

    public long count() {
        return count;
    }

    public int batchLength() {
        return batchLength;
    }

    /** Completed batches. */
    public int batches() {
        return batches.size();
    }

    /** The mean of every component (NaN before the first value). */
    public double[] mean() {
        double[] m = new double[dims];
        for (int i = 0; i < dims; i++) m[i] = count == 0 ? Double.NaN : total[i] / count;
        return m;
    }

    /** The standard error of each mean from the completed batches (NaN with fewer than two). */
    public double[] standardError() {
        double[] se = new double[dims];
        int b = batches.size();
        for (int i = 0; i < dims; i++) {
            if (b < 2) {
                se[i] = Double.NaN;
                continue;
            }
            double mean = 0;
            for (double[] s : batches) mean += s[i] / batchLength;
            mean /= b;
            double ss = 0;
            for (double[] s : batches) {
                double d = s[i] / batchLength - mean;
                ss += d * d;
            }
            se[i] = Math.sqrt(ss / ((double) b * (b - 1)));
        }
        return se;
    }

    /** The state as rows: the total, the open batch's sum, then each completed batch's sum. */
    public double[][] rows() {
        double[][] r = new double[2 + batches.size()][];
        r[0] = total.clone();
        r[1] = partial.clone();
        for (int i = 0; i < batches.size(); i++) r[2 + i] = batches.get(i).clone();
        return r;
    }
}
