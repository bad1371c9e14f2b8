package org.sharpscope.nn.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.run.Safetensors;

/**
 * A user's examples in one safetensors file: tensor {@code inputs} [examples, ...input shape]
 * (F32 or F64) and tensor {@code targets} [examples, ...]: floating regression targets, or class
 * labels as integer class indices [examples] (I64, I32 or U8) or one-hot rows [examples, K].
 * {@link #read} checks the file on its own; {@link #toDataset} checks the targets against the
 * model's per-example output shape and prepares them as {@link Dataset} targets [n, outputs]:
 * regression targets flattened per example (MSE: their shape must equal the outputs' shape up to
 * size-1 axes), class labels one-hot (for CE always; for MSE one-hot with 1 as the hot value, as
 * the built-in classification sets). Inputs are used as stored (no scaling or standardisation).
 * Every problem is a one-line {@link UserInputException} naming the file, the flag and the fix.
 */
public final class SafetensorsDataset {
    public static final String INPUTS = "inputs";
    public static final String TARGETS = "targets";

    private final Path file;
    private final String flag;
    private final long[] exampleShape;
    private final double[] inputs;
    private final long[] targetShape;
    private final double[] targets;
    private final boolean integerTargets;
    private final int size;

    private SafetensorsDataset(Path file, String flag, long[] exampleShape, double[] inputs, long[] targetShape,
                               double[] targets, boolean integerTargets, int size) {
        this.file = file;
        this.flag = flag;
        this.exampleShape = exampleShape;
        this.inputs = inputs;
        this.targetShape = targetShape;
        this.targets = targets;
        this.integerTargets = integerTargets;
        this.size = size;
    }

    /** Reads and checks {@code file}; {@code flag} (e.g. "--data", "--test-data") names it in errors. */
    public static SafetensorsDataset read(Path file, String flag) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(flag + " " + file + " does not exist; give the safetensors file of the examples");
        }
        Safetensors.Contents c;
        try {
            c = Safetensors.read(file);
        } catch (UserInputException e) {
            String m = e.getMessage();
            throw new UserInputException(m.contains(file.toString()) ? flag + ": " + m
                    : flag + " " + file + ": " + m, e);
        }
        Safetensors.Tensor x = c.tensors().get(INPUTS);
        Safetensors.Tensor y = c.tensors().get(TARGETS);
        if (x == null || y == null) {
            throw new UserInputException(flag + " " + file + " has no tensor '" + (x == null ? INPUTS : TARGETS)
                    + "' (it has " + (c.tensors().isEmpty() ? "none" : String.join(", ", c.tensors().keySet()))
                    + "); save the examples as 'inputs' [examples, ...input shape] and 'targets' [examples, ...]");
        }
        if (!x.dtype().startsWith("F")) {
            throw new UserInputException(flag + " " + file + ": 'inputs' is " + x.dtype() + "; store the inputs as "
                    + "F32 or F64 (integer inputs such as token ids for nn.Embedding are not supported)");
        }
        if (x.shape().length < 2 || x.shape()[0] < 1) {
            throw new UserInputException(flag + " " + file + ": 'inputs' has shape " + Arrays.toString(x.shape())
                    + "; it must be [examples, ...input shape] with at least one example (scalar inputs: [examples, 1])");
        }
        if (y.shape().length < 1 || y.shape()[0] != x.shape()[0]) {
            throw new UserInputException(flag + " " + file + ": 'targets' has shape " + Arrays.toString(y.shape())
                    + " but 'inputs' has " + x.shape()[0] + " examples; give one target row per example");
        }
        long per = 1;
        for (int i = 1; i < x.shape().length; i++) per *= x.shape()[i];
        if (per == 0) throw new UserInputException(flag + " " + file + ": 'inputs' has an empty example shape "
                + Arrays.toString(x.shape()));
        long n = x.shape()[0];
        if (n > Integer.MAX_VALUE || x.numel() > Integer.MAX_VALUE - 8 || y.numel() > Integer.MAX_VALUE - 8) {
            throw new UserInputException(flag + " " + file + " is too large (at most 2^31 values per tensor); use fewer examples");
        }
        boolean integer = !y.dtype().startsWith("F");
        double[] t = y.toDoubles();
        for (double v : t) {
            if (!Double.isFinite(v)) {
                throw new UserInputException(flag + " " + file + ": 'targets' holds " + v + "; all targets must be finite");
            }
        }
        double[] xv = x.toDoubles();
        for (double v : xv) {
            if (!Double.isFinite(v)) {
                throw new UserInputException(flag + " " + file + ": 'inputs' holds " + v + "; all inputs must be finite");
            }
        }
        return new SafetensorsDataset(file, flag, Arrays.copyOfRange(x.shape(), 1, x.shape().length), xv,
                Arrays.copyOfRange(y.shape(), 1, y.shape().length), t, integer, (int) n);
    }

    public Path file() {
        return file;
    }

    /** Shape of one input example. */
    public long[] exampleShape() {
        return exampleShape.clone();
    }

    /** Shape of one target (empty for class indices or scalar targets). */
    public long[] targetShape() {
        return targetShape.clone();
    }

    /** Whether the targets are integers (class indices). */
    public boolean integerTargets() {
        return integerTargets;
    }

    public int size() {
        return size;
    }

    /**
     * The examples for a model whose output per example has shape {@code outputShape}, under
     * {@code loss}: {@code subset} examples (0: all), the first ones or, for class labels when
     * {@code stratified}, subset/classes per class drawn with {@code seed} (as the built-in sets).
     */
    public Dataset toDataset(Loss loss, long[] outputShape, int subset, boolean stratified, long seed) {
        long outputsL = 1;
        for (long s : outputShape) outputsL *= s;
        int outputs = Math.toIntExact(outputsL);
        int[] labels = labels(loss, outputShape, outputs);
        int[] idx;
        if (labels != null) {
            idx = DatasetLoader.subsetIndices(labels, outputs, subset, stratified, seed);
        } else {
            if (subset > size) throw new UserInputException("--subset " + subset + " exceeds the " + size
                    + " examples of " + flag + " " + file);
            idx = DatasetLoader.subsetIndices(new int[size], 1, subset, false, seed);
        }
        int per = inputs.length / size;
        double[] x = new double[idx.length * per];
        double[] y = new double[idx.length * outputs];
        int[] sub = labels == null ? null : new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(inputs, idx[i] * per, x, i * per, per);
            if (labels != null) {
                sub[i] = labels[idx[i]];
                y[i * outputs + sub[i]] = 1;
            } else {
                System.arraycopy(targets, idx[i] * outputs, y, i * outputs, outputs);
            }
        }
        String how = idx.length == size ? "all" : labels != null && stratified ? "stratified with seed " + seed
                : "the first " + idx.length;
        return new Dataset(file.getFileName().toString(), exampleShape.clone(), x, y, outputs, sub,
                file + ": " + idx.length + " (" + how + ") of its " + size + " examples");
    }

    /** Class labels (null for regression targets), after checking the targets fit the outputs. */
    private int[] labels(Loss loss, long[] outputShape, int outputs) {
        String where = flag + " " + file + ": ";
        boolean twoD = outputShape.length == 1;
        if (integerTargets) {
            if (targetShape.length != 0) {
                throw new UserInputException(where + "integer 'targets' of shape " + shape(size, targetShape)
                        + " are read as class indices and must be [examples]; store regression targets as F32 or F64");
            }
            if (!twoD) {
                throw new UserInputException(where + "'targets' are class indices but the model's output per example has shape "
                        + Arrays.toString(outputShape) + "; class labels need outputs [batch, classes]");
            }
            int[] labels = new int[size];
            for (int i = 0; i < size; i++) {
                double v = targets[i];
                if (v < 0 || v >= outputs) {
                    throw new UserInputException(where + "'targets' holds class index " + (long) v + " (example " + i
                            + ") but the model has " + outputs + " outputs; class indices must lie in [0, " + outputs + ")");
                }
                labels[i] = (int) v;
            }
            return labels;
        }
        if (loss == Loss.CE) {
            if (!twoD || targetShape.length != 1 || targetShape[0] != outputs) {
                throw new UserInputException(where + "--loss ce needs class indices [examples] (integer) or one-hot "
                        + "targets [examples, " + (twoD ? outputs : "classes") + "], got 'targets' of shape "
                        + shape(size, targetShape) + " for model outputs " + outputs(outputShape));
            }
            int[] labels = new int[size];
            for (int i = 0; i < size; i++) {
                int hot = -1;
                for (int j = 0; j < outputs; j++) {
                    double v = targets[i * outputs + j];
                    if (v == 1 && hot < 0) {
                        hot = j;
                    } else if (v != 0) {
                        hot = -2;
                        break;
                    }
                }
                if (hot < 0) {
                    throw new UserInputException(where + "row " + i + " of 'targets' is not one-hot; --loss ce needs "
                            + "class indices [examples] or one-hot rows (one 1, the rest 0)");
                }
                labels[i] = hot;
            }
            return labels;
        }
        if (!sameUpToOnes(targetShape, outputShape)) {
            throw new UserInputException(where + "'targets' has shape " + shape(size, targetShape)
                    + " but the model outputs " + outputs(outputShape) + "; for --loss mse give targets "
                    + shape(size, outputShape));
        }
        return null;
    }

    private static boolean sameUpToOnes(long[] a, long[] b) {
        return Arrays.equals(Arrays.stream(a).filter(s -> s != 1).toArray(), Arrays.stream(b).filter(s -> s != 1).toArray());
    }

    private static String shape(int n, long[] per) {
        return "[" + n + (per.length == 0 ? "" : ", " + join(per)) + "]";
    }

    private static String outputs(long[] per) {
        return "[batch" + (per.length == 0 ? "" : ", " + join(per)) + "]";
    }

    private static String join(long[] s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length; i++) b.append(i == 0 ? "" : ", ").append(s[i]);
        return b.toString();
    }
}
