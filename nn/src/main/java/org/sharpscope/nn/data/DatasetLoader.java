package org.sharpscope.nn.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.loss.Loss;

/**
 * Finds, reads and prepares a dataset: subset, scaling to [0, 1], per-channel standardisation,
 * one-hot targets (× target scale for MSE; plain for cross-entropy), optional flattening.
 * Fashion-MNIST without {@code --data-dir} and without Debian's package comes from the subset
 * bundled with the program ({@link BundledFashionMnist}), announced once on stderr and recorded
 * in {@link Dataset#source()}. Held-out examples ({@link #load(DataConfig, Integer, Loss, boolean)})
 * come from the dataset's test split (synthetic data: further draws of the same distribution)
 * and are prepared as the training examples, standardised with the training examples' statistics.
 */
public final class DatasetLoader {
    /** Debian's dataset-fashion-mnist installs here. */
    public static final Path FASHION_MNIST_DEFAULT = Path.of("/usr/share/datasets/fashion-mnist");
    public static final Path MNIST_DEFAULT = Path.of("/usr/share/datasets/mnist");
    public static final Path CIFAR10_DEFAULT = Path.of("/usr/share/datasets/cifar10");

    private static final AtomicBoolean BUNDLED_ANNOUNCED = new AtomicBoolean();

    /** Chosen examples of an on-disk dataset (indices into {@code images}) and where they came from, in words. */
    record Selection(LabeledImages images, int[] indices, String source) {}

    /** The training examples and the held-out examples (null when none were asked for), prepared alike. */
    public record Splits(Dataset train, Dataset test) {
        Splits flattened(boolean flatten) {
            return flatten ? new Splits(train.flattened(), test == null ? null : test.flattened()) : this;
        }
    }

    /** The part of a dataset a selection is drawn from: the training split, or the test split for held-out examples. */
    enum Part {
        TRAIN("train", "training", "--subset"), TEST("t10k", "test", "--test-subset");

        final String idxPrefix;
        final String words;
        final String flag;

        Part(String idxPrefix, String words, String flag) {
            this.idxPrefix = idxPrefix;
            this.words = words;
            this.flag = flag;
        }
    }

    private DatasetLoader() {}

    /** The prepared training examples for {@code config}; inputs flattened when {@code flatten}. */
    public static Dataset load(DataConfig config, Loss loss, boolean flatten) {
        return load(config, loss, flatten, FASHION_MNIST_DEFAULT);
    }

    /** As {@link #load(DataConfig, Loss, boolean)}, with Debian's Fashion-MNIST folder at {@code fashionMnistDir}. */
    static Dataset load(DataConfig config, Loss loss, boolean flatten, Path fashionMnistDir) {
        return load(config, null, loss, flatten, fashionMnistDir).train();
    }

    /**
     * The prepared training examples for {@code config} and, when {@code testSubset} is not null,
     * that many held-out examples (≥ 1): drawn from the dataset's test split as {@code --subset}
     * draws from the training split (same subset mode and seed), or for synthetic data the next
     * draws after the training examples. Both are prepared alike; standardisation uses the
     * training examples' per-channel statistics. The training examples are those of
     * {@link #load(DataConfig, Loss, boolean)}.
     */
    public static Splits load(DataConfig config, Integer testSubset, Loss loss, boolean flatten) {
        return load(config, testSubset, loss, flatten, FASHION_MNIST_DEFAULT);
    }

    static Splits load(DataConfig config, Integer testSubset, Loss loss, boolean flatten, Path fashionMnistDir) {
        if (testSubset != null && testSubset < 1) {
            throw new UserInputException("--test-subset must be >= 1 held-out examples, got " + testSubset);
        }
        int extra = testSubset == null ? 0 : testSubset;
        Splits s = switch (config.dataset()) {
            case SYNTHETIC -> SyntheticData.teacher(config, extra);
            case SYNTHETIC_MIXTURE -> SyntheticData.mixture(config, loss, extra);
            default -> fromImages(config, select(config, fashionMnistDir),
                    testSubset == null ? null : selectTest(config, testSubset, fashionMnistDir), loss);
        };
        if (s.train().labels() == null && loss == Loss.CE) {
            throw new UserInputException("--loss ce needs class labels but " + config.dataset().key()
                    + " is a regression set; use --loss mse or a classification dataset");
        }
        return s.flattened(flatten);
    }

    /** True when Debian's dataset-fashion-mnist (its training files) is installed in {@link #FASHION_MNIST_DEFAULT}. */
    public static boolean fashionMnistInstalled() {
        return fashionMnistInstalled(FASHION_MNIST_DEFAULT);
    }

    static boolean fashionMnistInstalled(Path dir) {
        List<Path> dirs = List.of(dir);
        return find(dirs, "train-images-idx3-ubyte") != null && find(dirs, "train-labels-idx1-ubyte") != null;
    }

    /**
     * Reads the raw training split of an on-disk dataset, with a one-line error when it is missing;
     * Fashion-MNIST without --data-dir and without the package is the bundled subset.
     */
    public static LabeledImages readRaw(DataConfig config) {
        if (bundled(config, FASHION_MNIST_DEFAULT)) return BundledFashionMnist.train().images();
        return readDisk(config, FASHION_MNIST_DEFAULT, Part.TRAIN);
    }

    private static boolean bundled(DataConfig config, Path fashionMnistDir) {
        return config.dataset() == DatasetKind.FASHION_MNIST && config.dataDir() == null
                && !fashionMnistInstalled(fashionMnistDir);
    }

    private static LabeledImages readDisk(DataConfig config, Path fashionMnistDir, Part split) {
        return switch (config.dataset()) {
            case FASHION_MNIST -> readIdx(config, fashionMnistDir, "apt-get install dataset-fashion-mnist", split);
            case MNIST -> readIdx(config, MNIST_DEFAULT, "download the MNIST IDX files", split);
            case CIFAR10 -> readCifar(config, split);
            default -> throw new IllegalArgumentException(config.dataset() + " is not on disk");
        };
    }

    /** The examples of an on-disk dataset for {@code config}: read from disk, or from the bundled Fashion-MNIST subset. */
    static Selection select(DataConfig config, Path fashionMnistDir) {
        if (bundled(config, fashionMnistDir)) {
            Selection s = BundledFashionMnist.select(config);
            announceBundled(fashionMnistDir);
            return s;
        }
        return select(config, readDisk(config, fashionMnistDir, Part.TRAIN), config.subset(), Part.TRAIN, fashionMnistDir);
    }

    /** {@code k} held-out examples of an on-disk dataset's test split, drawn as {@link #select} draws training examples. */
    static Selection selectTest(DataConfig config, int k, Path fashionMnistDir) {
        if (bundled(config, fashionMnistDir)) {
            Selection s = BundledFashionMnist.selectTest(config, k);
            announceBundled(fashionMnistDir);
            return s;
        }
        return select(config, readDisk(config, fashionMnistDir, Part.TEST), k, Part.TEST, fashionMnistDir);
    }

    private static Selection select(DataConfig config, LabeledImages raw, int k, Part split, Path fashionMnistDir) {
        int[] idx = subsetIndices(raw.labels(), raw.classes(), k, config.stratified(), config.seed(), split.flag);
        String how = idx.length == raw.size() ? "all" : config.stratified() ? "stratified with seed " + config.seed()
                : "the first " + idx.length;
        return new Selection(raw, idx, config.dataset().key() + ": " + idx.length + " (" + how + ") of the "
                + raw.size() + " " + split.words + " examples in " + sourceDir(config, fashionMnistDir));
    }

    private static void announceBundled(Path fashionMnistDir) {
        if (!BUNDLED_ANNOUNCED.getAndSet(true)) {
            System.err.println("note: Fashion-MNIST is not installed in " + fashionMnistDir + "; using the "
                    + BundledFashionMnist.train().size() + " examples bundled with sharpscope (for all "
                    + BundledFashionMnist.train().fullSize() + ": apt-get install dataset-fashion-mnist)");
        }
    }

    private static String sourceDir(DataConfig config, Path fashionMnistDir) {
        if (config.dataDir() != null) return config.dataDir().toString();
        return switch (config.dataset()) {
            case FASHION_MNIST -> fashionMnistDir.toString();
            case MNIST -> MNIST_DEFAULT.toString();
            default -> CIFAR10_DEFAULT.toString();
        };
    }

    private static List<Path> searchPath(DataConfig config, Path defaultDir, String subdir) {
        List<Path> dirs = new ArrayList<>();
        if (config.dataDir() != null) {
            dirs.add(config.dataDir());
            dirs.add(config.dataDir().resolve(subdir));
        } else {
            dirs.add(defaultDir);
        }
        return dirs;
    }

    private static Path find(List<Path> dirs, String name) {
        for (Path d : dirs) {
            for (String n : new String[] {name, name + ".gz"}) {
                Path p = d.resolve(n);
                if (Files.isRegularFile(p)) return p;
            }
        }
        return null;
    }

    private static LabeledImages readIdx(DataConfig config, Path defaultDir, String fix, Part split) {
        List<Path> dirs = searchPath(config, defaultDir, config.dataset().key());
        String imageFile = split.idxPrefix + "-images-idx3-ubyte";
        String labelFile = split.idxPrefix + "-labels-idx1-ubyte";
        Path images = find(dirs, imageFile);
        Path labels = find(dirs, labelFile);
        if (images == null || labels == null) {
            throw new UserInputException("dataset " + config.dataset().key() + (split == Part.TEST ? " test split" : "")
                    + " not found: looked for " + imageFile + "[.gz] and " + labelFile + "[.gz] in " + join(dirs)
                    + "; " + fix + " or pass --data-dir DIR");
        }
        return IdxFile.readLabeled(images, labels, 10);
    }

    private static LabeledImages readCifar(DataConfig config, Part split) {
        List<Path> dirs = searchPath(config, CIFAR10_DEFAULT, "cifar-10-batches-bin");
        if (config.dataDir() == null) dirs.add(CIFAR10_DEFAULT.resolve("cifar-10-batches-bin"));
        List<String> names = split == Part.TRAIN ? Cifar10Binary.TRAIN_FILES : List.of(Cifar10Binary.TEST_FILE);
        for (Path d : dirs) {
            List<Path> files = new ArrayList<>();
            for (String f : names) {
                if (Files.isRegularFile(d.resolve(f))) files.add(d.resolve(f));
            }
            if (!files.isEmpty()) return Cifar10Binary.read(files);
        }
        throw new UserInputException("dataset cifar10 not found: looked for "
                + (split == Part.TRAIN ? "data_batch_1.bin .. data_batch_5.bin" : Cifar10Binary.TEST_FILE) + " in "
                + join(dirs) + "; download the CIFAR-10 binary version (cifar-10-binary.tar.gz), unpack it and pass "
                + "--data-dir DIR");
    }

    private static String join(List<Path> dirs) {
        List<String> s = new ArrayList<>();
        for (Path p : dirs) s.add(p.toString());
        return String.join(", ", s);
    }

    /**
     * Per class, the order in which stratified draws with {@code seed} take that class's examples
     * (positions among the class's examples, in file order), for classes of the given sizes: a
     * stratified draw of k takes the first k/classes (+1 for the first k % classes classes) of each.
     * The order depends only on the seed and the class sizes, not on the examples.
     */
    public static int[][] stratifiedOrder(int[] classCounts, long seed) {
        Random rng = new Random(seed);
        int[][] order = new int[classCounts.length][];
        for (int c = 0; c < classCounts.length; c++) {
            List<Integer> pos = new ArrayList<>(classCounts[c]);
            for (int i = 0; i < classCounts[c]; i++) pos.add(i);
            java.util.Collections.shuffle(pos, rng);
            order[c] = pos.stream().mapToInt(Integer::intValue).toArray();
        }
        return order;
    }

    /** Indices of the subset: the first k, or k/classes per class drawn with the seed (sorted). */
    public static int[] subsetIndices(int[] labels, int classes, int k, boolean stratified, long seed) {
        return subsetIndices(labels, classes, k, stratified, seed, "--subset");
    }

    /** {@link #subsetIndices(int[], int, int, boolean, long)}, naming {@code flag} (the size's flag) in errors. */
    public static int[] subsetIndices(int[] labels, int classes, int k, boolean stratified, long seed, String flag) {
        int n = labels.length;
        if (k == 0 || k == n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        if (k > n) throw new UserInputException(flag + " " + k + " exceeds the " + n + " examples available");
        if (!stratified) {
            int[] first = new int[k];
            for (int i = 0; i < k; i++) first[i] = i;
            return first;
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) byClass.add(new ArrayList<>());
        for (int i = 0; i < n; i++) byClass.get(labels[i]).add(i);
        int[] counts = new int[classes];
        for (int c = 0; c < classes; c++) counts[c] = byClass.get(c).size();
        int[][] order = stratifiedOrder(counts, seed);
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            int want = k / classes + (c < k % classes ? 1 : 0);
            List<Integer> pool = byClass.get(c);
            if (want > pool.size()) {
                throw new UserInputException(flag + " " + k + " stratified needs " + want + " examples of class " + c
                        + " but only " + pool.size() + " exist; use a smaller " + flag + " or --subset-mode first");
            }
            for (int j = 0; j < want; j++) chosen.add(pool.get(order[c][j]));
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    static Dataset fromImages(DataConfig config, Selection sel, Loss loss) {
        return fromImages(config, sel, null, loss).train();
    }

    /** The selected training examples and, when {@code test} is not null, the selected held-out ones, prepared alike. */
    static Splits fromImages(DataConfig config, Selection sel, Selection test, Loss loss) {
        LabeledImages raw = sel.images();
        double[] x = pixels(sel);
        int[] labels = labels(sel);
        double[][] stats = config.standardize() ? channelStats(x, labels.length, raw.exampleShape()) : null;
        Dataset train = classification(config, raw.exampleShape(), x, labels, raw.classes(), loss, sel.source(), stats);
        if (test == null) return new Splits(train, null);
        return new Splits(train, classification(config, raw.exampleShape(), pixels(test), labels(test), raw.classes(),
                loss, test.source(), stats));
    }

    /** The selected examples' pixels scaled to [0, 1]. */
    private static double[] pixels(Selection sel) {
        LabeledImages raw = sel.images();
        int[] idx = sel.indices();
        int per = raw.exampleSize();
        double[] x = new double[idx.length * per];
        for (int i = 0; i < idx.length; i++) {
            int src = idx[i] * per;
            for (int j = 0; j < per; j++) x[i * per + j] = (raw.pixels()[src + j] & 0xff) / 255.0;
        }
        return x;
    }

    private static int[] labels(Selection sel) {
        int[] labels = new int[sel.indices().length];
        for (int i = 0; i < labels.length; i++) labels[i] = sel.images().labels()[sel.indices()[i]];
        return labels;
    }

    /** Standardises (when configured, with the examples' own statistics) and attaches one-hot targets to labelled examples. */
    static Dataset classification(DataConfig config, long[] shape, double[] x, int[] labels, int classes, Loss loss,
                                  String source) {
        return classification(config, shape, x, labels, classes, loss, source,
                config.standardize() ? channelStats(x, labels.length, shape) : null);
    }

    /** Standardises with {@code stats} (none when null) and attaches one-hot targets to labelled examples. */
    static Dataset classification(DataConfig config, long[] shape, double[] x, int[] labels, int classes, Loss loss,
                                  String source, double[][] stats) {
        if (stats != null) standardize(x, labels.length, shape, stats);
        double scale = loss == Loss.CE ? 1.0 : config.targetScale();
        double[] t = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) t[i * classes + labels[i]] = scale;
        return new Dataset(config.dataset().key(), shape.clone(), x, t, classes, labels, source);
    }

    /** Per-channel (first axis of a 3-d example shape; one channel otherwise) zero mean, unit variance. */
    static void standardize(double[] x, int n, long[] shape) {
        standardize(x, n, shape, channelStats(x, n, shape));
    }

    /** Per channel (as {@link #standardize(double[], int, long[])} counts them), the mean and the standard deviation (1 when 0). */
    static double[][] channelStats(double[] x, int n, long[] shape) {
        int channels = shape.length == 3 ? (int) shape[0] : 1;
        int per = x.length / Math.max(n, 1);
        int plane = per / channels;
        double[][] stats = new double[channels][];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < plane; j++) {
                    double v = x[i * per + c * plane + j];
                    sum += v;
                    sq += v * v;
                }
            }
            double count = (double) n * plane;
            double mean = sum / count;
            double sd = Math.sqrt(Math.max(sq / count - mean * mean, 0));
            if (sd == 0) sd = 1;
            stats[c] = new double[] {mean, sd};
        }
        return stats;
    }

    /** x ← (x − mean)/sd per channel, with the given statistics (of the training examples, for held-out ones). */
    static void standardize(double[] x, int n, long[] shape, double[][] stats) {
        int channels = stats.length;
        int per = x.length / Math.max(n, 1);
        int plane = per / channels;
        for (int c = 0; c < channels; c++) {
            double mean = stats[c][0];
            double sd = stats[c][1];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < plane; j++) {
                    int a = i * per + c * plane + j;
                    x[a] = (x[a] - mean) / sd;
                }
            }
        }
    }
}
