package org.sharpscope.cli.sweep;

/** Sets libtorch's intra-op thread count (process-wide), loading libtorch only when called. */
final class TorchThreads {
    private TorchThreads() {}

    static void set(int threads) {
        org.bytedeco.pytorch.global.torch.set_num_threads(threads);
    }
}
