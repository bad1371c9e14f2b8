package org.sharpscope.nn;

import org.bytedeco.openblas.presets.openblas_nolapack;
import org.bytedeco.pytorch.global.torch;

/**
 * Thread counts of the native libraries. libtorch's {@code set_num_threads} does not reach the
 * OpenBLAS that the bytedeco build calls for matrix products, whose own pool otherwise uses every
 * core and, on a busy machine, made HVPs about twice as slow (bench/hvp-vs-python.sh); both are
 * set here.
 */
public final class NativeThreads {
    private NativeThreads() {}

    /** Sets libtorch intra-op threads and OpenBLAS threads to {@code n} (≥ 1). */
    public static void set(int n) {
        set(n, n);
    }

    /**
     * Sets libtorch intra-op threads and OpenBLAS threads separately. On an oversubscribed machine
     * (more runnable threads than cores) a single OpenBLAS thread is much faster: its pool's
     * synchronisation degrades badly when its threads are descheduled.
     */
    public static void set(int torchThreads, int blasThreads) {
        if (torchThreads < 1 || blasThreads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + torchThreads + " and " + blasThreads);
        }
        torch.set_num_threads(torchThreads);
        openblas_nolapack.blas_set_num_threads(blasThreads);
    }

    /** libtorch's intra-op thread count. */
    public static int get() {
        return torch.get_num_threads();
    }
}
