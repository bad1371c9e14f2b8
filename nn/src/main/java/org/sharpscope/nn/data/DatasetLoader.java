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
 * in {@link Dataset#source()}.
 */
public final class DatasetLoader {
    /** Debian's dataset-fashion-mnist installs here. */
    public static final Path FASHION_MNIST_DEFAULT = Path.of("/usr/share/datasets/fashion-mnist");
    public static final Path MNIST_DEFAULT = Path.of("/usr/share/datasets/mnist");
    public static final Path CIFAR10_DEFAULT = Path.of("/usr/share/datasets/cifar10");

    private static final AtomicBoolean BUNDLED_ANNOUNCED = new AtomicBoolean();

    /** Chosen examples of an on-disk dataset (indices into {@code images}) and where they came from, in words. */
    record Selection(LabeledImages images, int[] indices, String source) {}

    private DatasetLoader() {}

    /** The prepared training examples for {@code config}; inputs flattened when {@code flatten}. */
    public static Dataset load(DataConfig config, Loss loss, boolean flatten) {
        return load(config, loss, flatten, FASHION_MNIST_DEFAULT);
    }

    /** As {@link #load(DataConfig, Loss, boolean)}, with Debian's Fashion-MNIST folder at {@code fashionMnistDir}. */
    static Dataset load(DataConfig config, Loss loss, boolean flatten, Path fashionMnistDir) {
        Dataset d = switch (config.dataset()) {
            case SYNTHETIC -> SyntheticData.teacher(config);
            case SYNTHETIC_MIXTURE -> SyntheticData.mixture(config, loss);
            default -> fromImages(config, select(config, fashionMnistDir), loss);
        };
        if (d.labels() == null && loss == Loss.CE) {
            throw new UserInputException("--loss ce needs class labels but " + config.dataset().key()
                    + " is a regression set; use --loss mse or a classification dataset");
        }
        return flatten ? d.flattened() : d;
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
        return readDisk(config, FASHION_MNIST_DEFAULT);
    }

    private static boolean bundled(DataConfig config, Path fashionMnistDir) {
        return config.dataset() == DatasetKind.FASHION_MNIST && config.dataDir() == null
                && !fashionMnistInstalled(fashionMnistDir);
    }

    private static LabeledImages readDisk(DataConfig config, Path fashionMnistDir) {
        return switch (config.dataset()) {
            case FASHION_MNIST -> readIdx(config, fashionMnistDir, "apt-get install dataset-fashion-mnist");
            case MNIST -> readIdx(config, MNIST_DEFAULT, "download the MNIST IDX files");
            case CIFAR10 -> readCifar(config);
            default -> throw new IllegalArgumentException(config.dataset() + " is not on disk");
        };
    }

    /** The examples of an on-disk dataset for {@code config}: read from disk, or from the bundled Fashion-MNIST subset. */
    static Selection select(DataConfig config, Path fashionMnistDir) {
        if (bundled(config, fashionMnistDir)) {
            Selection s = BundledFashionMnist.select(config);
            if (!BUNDLED_ANNOUNCED.getAndSet(true)) {
                System.err.println("note: Fashion-MNIST is not installed in " + fashionMnistDir + "; using the "
                        + BundledFashionMnist.train().size() + " examples bundled with sharpscope (for all "
                        + BundledFashionMnist.train().fullSize() + ": apt-get install dataset-fashion-mnist)");
            }
            return s;
        }
        LabeledImages raw = readDisk(config, fashionMnistDir);
        int[] idx = subsetIndices(raw.labels(), raw.classes(), config.subset(), config.stratified(), config.seed());
        String how = idx.length == raw.size() ? "all" : config.stratified() ? "stratified with seed " + config.seed()
                : "the first " + idx.length;
        return new Selection(raw, idx, config.dataset().key() + ": " + idx.length + " (" + how + ") of the "
                + raw.size() + " training examples in " + sourceDir(config, fashionMnistDir));
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

    private static LabeledImages readIdx(DataConfig config, Path defaultDir, String fix) {
        List<Path> dirs = searchPath(config, defaultDir, config.dataset().key());
        Path images = find(dirs, "train-images-idx3-ubyte");
        Path labels = find(dirs, "train-labels-idx1-ubyte");
        if (images == null || labels == null) {
            throw new UserInputException("dataset " + config.dataset().key() + " not found: looked for "
                    + "train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz] in " + join(dirs)
                    + "; " + fix + " or pass --data-dir DIR");
        }
        return IdxFile.readLabeled(images, labels, 10);
    }

    private static LabeledImages readCifar(DataConfig config) {
        List<Path> dirs = searchPath(config, CIFAR10_DEFAULT, "cifar-10-batches-bin");
        if (config.dataDir() == null) dirs.add(CIFAR10_DEFAULT.resolve("cifar-10-batches-bin"));
        for (Path d : dirs) {
            List<Path> files = new ArrayList<>();
            for (String f : Cifar10Binary.TRAIN_FILES) {
                if (Files.isRegularFile(d.resolve(f))) files.add(d.resolve(f));
            }
            if (!files.isEmpty()) return Cifar10Binary.read(files);
        }
        throw new UserInputException("dataset cifar10 not found: looked for data_batch_1.bin .. data_batch_5.bin in "
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
        int n = labels.length;
        if (k == 0 || k == n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        if (k > n) throw new UserInputException("--subset " + k + " exceeds the " + n + " examples available");
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
                throw new UserInputException("--subset " + k + " stratified needs " + want + " examples of class " + c
                        + " but only " + pool.size() + " exist; use a smaller --subset or --subset-mode first");
            }
            for (int j = 0; j < want; j++) chosen.add(pool.get(order[c][j]));
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    static Dataset fromImages(DataConfig config, Selection sel, Loss loss) {
        LabeledImages raw = sel.images();
        int[] idx = sel.indices();
        int per = raw.exampleSize();
        double[] x = new double[idx.length * per];
        int[] labels = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            labels[i] = raw.labels()[idx[i]];
            int src = idx[i] * per;
            for (int j = 0; j < per; j++) x[i * per + j] = (raw.pixels()[src + j] & 0xff) / 255.0;
        }
        return classification(config, raw.exampleShape(), x, labels, raw.classes(), loss, sel.source());
    }

    /** Standardises (when configured) and attaches one-hot targets to labelled examples. */
    static Dataset classification(DataConfig config, long[] shape, double[] x, int[] labels, int classes, Loss loss,
                                  String source) {
        if (config.standardize()) standardize(x, labels.length, shape);
        double scale = loss == Loss.CE ? 1.0 : config.targetScale();
        double[] t = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) t[i * classes + labels[i]] = scale;
        return new Dataset(config.dataset().key(), shape.clone(), x, t, classes, labels, source);
    }

    /** Per-channel (first axis of a 3-d example shape; one channel otherwise) zero mean, unit variance. */
    static void standardize(double[] x, int n, long[] shape) {
        int channels = shape.length == 3 ? (int) shape[0] : 1;
        int per = x.length / Math.max(n, 1);
        int plane = per / channels;
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
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < plane; j++) {
                    int a = i * per + c * plane + j;
                    x[a] = (x[a] - mean) / sd;
                }
            }
        }
    }
}
