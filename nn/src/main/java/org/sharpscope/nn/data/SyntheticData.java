package org.sharpscope.nn.data;

import java.util.Arrays;
import java.util.Random;

/**
 * Data for tests and machines without datasets, drawn from the config's seed: a teacher
 * regression (inputs x ~ N(0, I), targets = target scale · a random one-hidden-layer tanh
 * teacher of width 64 with unit-variance weights and 1/√fan-in scaling) and a Gaussian mixture
 * of 10 classes. The subset size is the number of examples drawn (default 1000). Held-out
 * examples are further draws from the same stream after the training examples (same teacher,
 * same class means), so the training examples do not depend on how many are held out.
 */
public final class SyntheticData {
    private static final int TEACHER_WIDTH = 64;
    private static final int MIXTURE_CLASSES = 10;
    private static final int DEFAULT_SIZE = 1000;

    private SyntheticData() {}

    private static int size(DataConfig c) {
        return c.subset() == 0 ? DEFAULT_SIZE : c.subset();
    }

    /**
     * The size of one example, after checking that {@code n} examples of it and their
     * {@code outputs} targets fit in Java arrays and in the heap (as doubles here, then again as
     * the network's tensors), so that a huge --subset or --synthetic-shape is a one-line error
     * before anything is allocated.
     */
    private static int dim(DataConfig c, int n, int outputs) {
        long d = 1;
        for (long s : c.syntheticShape()) {
            if (s > MAX_ARRAY / d) throw tooLarge(c, n, "an example of shape " + shape(c) + " has more than " + MAX_ARRAY + " values");
            d *= s;
        }
        if (d > MAX_ARRAY / n || (long) outputs > MAX_ARRAY / n || (long) outputs > MAX_ARRAY / TEACHER_WIDTH
                || d > MAX_ARRAY / Math.max(TEACHER_WIDTH, MIXTURE_CLASSES)) {
            throw tooLarge(c, n, n + " examples of shape " + shape(c) + " with " + outputs + " outputs need more than "
                    + MAX_ARRAY + " values in one array");
        }
        org.sharpscope.Memory.require(2.0 * 8 * n * (d + outputs), n + " synthetic examples of shape " + shape(c)
                + " with " + outputs + " outputs", "use a smaller --subset or --synthetic-shape");
        return (int) d;
    }

    /** The most elements of a Java array (a few below Integer.MAX_VALUE, as the JVM reserves some). */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private static String shape(DataConfig c) {
        return java.util.Arrays.stream(c.syntheticShape()).mapToObj(Long::toString)
                .collect(java.util.stream.Collectors.joining("x"));
    }

    private static org.sharpscope.UserInputException tooLarge(DataConfig c, int n, String what) {
        return new org.sharpscope.UserInputException(what + "; use a smaller --subset or --synthetic-shape"
                + (c.dataset() == DatasetKind.SYNTHETIC ? " or --synthetic-outputs" : ""));
    }

    /** Teacher-network regression with {@code syntheticOutputs} outputs. */
    public static Dataset teacher(DataConfig c) {
        return teacher(c, 0).train();
    }

    /** Teacher-network regression, and {@code heldOut} further examples of the same teacher (none when 0). */
    static DatasetLoader.Splits teacher(DataConfig c, int heldOut) {
        int train = size(c);
        int n = train + heldOut;
        int k = c.syntheticOutputs();
        int d = dim(c, n, k);
        Random rng = new Random(c.seed() * 0x9E3779B97F4A7C15L + 1);
        double[] w1 = new double[TEACHER_WIDTH * d];
        double[] w2 = new double[k * TEACHER_WIDTH];
        for (int i = 0; i < w1.length; i++) w1[i] = rng.nextGaussian() / Math.sqrt(d);
        for (int i = 0; i < w2.length; i++) w2[i] = rng.nextGaussian() / Math.sqrt(TEACHER_WIDTH);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
        double[] y = new double[n * k];
        double[] h = new double[TEACHER_WIDTH];
        for (int e = 0; e < n; e++) {
            for (int j = 0; j < TEACHER_WIDTH; j++) {
                double s = 0;
                for (int i = 0; i < d; i++) s += w1[j * d + i] * x[e * d + i];
                h[j] = Math.tanh(s);
            }
            for (int o = 0; o < k; o++) {
                double s = 0;
                for (int j = 0; j < TEACHER_WIDTH; j++) s += w2[o * TEACHER_WIDTH + j] * h[j];
                y[e * k + o] = c.targetScale() * s;
            }
        }
        Dataset t = new Dataset("synthetic", c.syntheticShape().clone(), Arrays.copyOf(x, train * d),
                Arrays.copyOf(y, train * k), k, null, "synthetic teacher regression: " + train + " examples drawn with seed " + c.seed());
        Dataset test = heldOut == 0 ? null : new Dataset("synthetic", c.syntheticShape().clone(),
                Arrays.copyOfRange(x, train * d, n * d), Arrays.copyOfRange(y, train * k, n * k), k, null,
                "synthetic teacher regression: " + heldOut + " held-out examples drawn with seed " + c.seed()
                        + " after the " + train + " training examples");
        return new DatasetLoader.Splits(t, test);
    }

    /**
     * Gaussian mixture of 10 classes: class means with N(0, 1) entries, examples = mean + N(0, 1)
     * noise, labels cycling 0..9 (every class has the same count); standardised and one-hot
     * encoded like the image sets.
     */
    public static Dataset mixture(DataConfig c, org.sharpscope.nn.loss.Loss loss) {
        return mixture(c, loss, 0).train();
    }

    /**
     * The Gaussian mixture, and {@code heldOut} further examples (none when 0), standardised with
     * the training examples' statistics.
     */
    static DatasetLoader.Splits mixture(DataConfig c, org.sharpscope.nn.loss.Loss loss, int heldOut) {
        int train = size(c);
        int n = train + heldOut;
        int d = dim(c, n, MIXTURE_CLASSES);
        Random rng = new Random(c.seed() * 0x9E3779B97F4A7C15L + 2);
        double[] means = new double[MIXTURE_CLASSES * d];
        for (int i = 0; i < means.length; i++) means[i] = rng.nextGaussian();
        int[] labels = new int[n];
        double[] x = new double[n * d];
        for (int e = 0; e < n; e++) {
            labels[e] = e % MIXTURE_CLASSES;
            for (int i = 0; i < d; i++) x[e * d + i] = means[labels[e] * d + i] + rng.nextGaussian();
        }
        double[] xTrain = Arrays.copyOf(x, train * d);
        int[] labelsTrain = Arrays.copyOf(labels, train);
        double[][] stats = c.standardize() ? DatasetLoader.channelStats(xTrain, train, c.syntheticShape()) : null;
        Dataset t = DatasetLoader.classification(c, c.syntheticShape(), xTrain, labelsTrain, MIXTURE_CLASSES, loss,
                "synthetic Gaussian mixture: " + train + " examples drawn with seed " + c.seed(), stats);
        Dataset test = heldOut == 0 ? null : DatasetLoader.classification(c, c.syntheticShape(),
                Arrays.copyOfRange(x, train * d, n * d), Arrays.copyOfRange(labels, train, n), MIXTURE_CLASSES, loss,
                "synthetic Gaussian mixture: " + heldOut + " held-out examples drawn with seed " + c.seed()
                        + " after the " + train + " training examples", stats);
        return new DatasetLoader.Splits(t, test);
    }
}
