package org.sharpscope.nn.torchscript;

import org.sharpscope.UserInputException;

/**
 * The mode a TorchScript module runs in (its {@code training} flag, as set by PyTorch's
 * {@code module.eval()} / {@code module.train()}):
 *
 * <ul>
 *   <li>{@link #EVAL} (the default): BatchNorm normalises with the running statistics stored in
 *       the file, dropout is off. The network is then a function of each example alone, so the
 *       loss is the plain mean over examples: it does not depend on {@code --chunk}, and the
 *       Hessian is that of the stated loss whatever the chunking.
 *   <li>{@link #TRAIN}: BatchNorm normalises with the statistics of the batch it is given, which
 *       is each chunk of {@code --chunk} examples (all of them with {@code --chunk 0}) for the
 *       loss, its gradient and every Hessian product, and the mini-batch (in chunks) for SGD. The
 *       loss is then the sum over chunks of each chunk's share, a function of how the examples are
 *       grouped; the Hessian is the exact Hessian of that function. Modules with dropout are
 *       refused (their outputs would be random, and the Hessian undefined).
 * </ul>
 *
 * <p>In both modes the module's buffers are constants: running statistics keep the values of the
 * file (a train-mode pass updates a throwaway copy), so forward is a pure function of the
 * parameters and checkpoints and resumes are exact. A module saved with {@code torch.jit.trace}
 * runs as it was traced: tracing records the mode it was traced in, which this setting cannot
 * change, so trace in the mode you want (or use {@code torch.jit.script}).
 */
public enum ModuleMode {
    EVAL, TRAIN;

    public String key() {
        return name().toLowerCase();
    }

    public static ModuleMode parse(String text) {
        for (ModuleMode m : values()) if (m.key().equalsIgnoreCase(text.trim())) return m;
        throw new UserInputException("unknown module mode '" + text + "': use eval or train");
    }
}
