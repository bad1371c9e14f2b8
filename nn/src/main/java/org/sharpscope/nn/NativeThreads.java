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
        if (n < 1) throw new IllegalArgumentException("threads must be >= 1, got " + n);
        torch.set_num_threads(n);
        openblas_nolapack.blas_set_num_threads(n);
    }

    /** libtorch's intra-op thread count. */
    public static int get() {
        return torch.get_num_threads();
    }
}
