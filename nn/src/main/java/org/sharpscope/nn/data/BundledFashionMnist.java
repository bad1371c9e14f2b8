package org.sharpscope.nn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sharpscope.UserInputException;

/**
 * The stratified Fashion-MNIST subset shipped inside the program (resource folder
 * {@value #RESOURCE}, made by {@code tools/MakeFashionMnistSubset.java} from Debian's
 * {@code dataset-fashion-mnist}; MIT licence, © 2017 Zalando SE, see the README there), used
 * when that package is not installed. Each split is the stratified draw with seed 0 of
 * {@link DatasetLoader#subsetIndices} from the full split (600 per class of the 60,000 training
 * examples, 200 per class of the 10,000 test examples), stored in the full split's order, with
 * each example's index in the full split and its position among the full split's examples of
 * its class ({@code *-index.txt}).
 *
 * <p>Because a stratified draw of k examples takes, class by class, a prefix of an order that
 * depends only on the seed and the full split's class counts, every draw the full split would
 * give whose examples are all bundled — in particular every stratified draw with seed 0 of at
 * most 6,000 examples, which is what the reproduction uses — is rebuilt here exactly: the same
 * examples in the same order as with the package. Other draws come from the bundled examples
 * (with the same seed and algorithm) and say so in their source.
 */
public final class BundledFashionMnist {
    /** Class-path folder of the bundled files. */
    public static final String RESOURCE = "/org/sharpscope/nn/data/fashion-mnist-subset/";
    static final int CLASSES = 10;

    /** One bundled split: the examples, their indices and class positions in the full split, and its class counts. */
    public record Split(String name, LabeledImages images, int[] fullIndex, int[] classPosition, int[] fullClassCounts) {
        public int size() {
            return images.size();
        }

        public int fullSize() {
            return Arrays.stream(fullClassCounts).sum();
        }

        /** What a run trained on this split records as its data source. */
        String describe() {
            return "the Fashion-MNIST subset bundled with sharpscope (" + size() + " of the " + fullSize() + " "
                    + name + " examples, stratified; Debian's dataset-fashion-mnist is not installed)";
        }
    }

    private static Split train;
    private static Split test;

    private BundledFashionMnist() {}

    /** The bundled training examples (6,000: 600 per class). */
    public static synchronized Split train() {
        if (train == null) train = read("train", "training");
        return train;
    }

    /** The bundled test examples (2,000: 200 per class). */
    public static synchronized Split test() {
        if (test == null) test = read("t10k", "test");
        return test;
    }

    private static Split read(String prefix, String name) {
        String images = prefix + "-images-idx3-ubyte.gz";
        String labels = prefix + "-labels-idx1-ubyte.gz";
        LabeledImages li = IdxFile.labeled(array(images), array(labels), RESOURCE + images, RESOURCE + labels, CLASSES);
        String indexName = prefix + "-index.txt";
        int[] counts = null;
        List<int[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(indexName), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split("\\s+");
                if (f[0].equals("class-counts")) {
                    counts = new int[f.length - 1];
                    for (int i = 1; i < f.length; i++) counts[i - 1] = Integer.parseInt(f[i]);
                } else {
                    rows.add(new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (counts == null || counts.length != CLASSES || rows.size() != li.size()) {
            throw new IllegalStateException(RESOURCE + indexName + " does not describe the bundled " + name + " examples");
        }
        int[] index = rows.stream().mapToInt(a -> a[0]).toArray();
        int[] position = rows.stream().mapToInt(a -> a[1]).toArray();
        return new Split(name, li, index, position, counts);
    }

    private static IdxFile.Array array(String file) {
        try (InputStream in = open(file)) {
            return IdxFile.read(in, RESOURCE + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = BundledFashionMnist.class.getResourceAsStream(RESOURCE + file);
        if (in == null) throw new IllegalStateException("resource " + RESOURCE + file + " is missing from this build");
        return in;
    }

    /**
     * Indices into {@code split} of the examples {@link DatasetLoader#subsetIndices} would pick from
     * the full split ({@code k} examples, stratified or first, seeded), or null when some of them
     * are not bundled.
     */
    static int[] sameAsFull(Split split, int k, boolean stratified, long seed) {
        int n = split.size();
        int full = split.fullSize();
        if (k <= 0 || k > full) return null;
        if (!stratified) {
            int[] rows = new int[k];
            int m = 0;
            for (int i = 0; i < n && m < k; i++) if (split.fullIndex()[i] < k) rows[m++] = i;
            return m == k ? rows : null;
        }
        int[][] order = DatasetLoader.stratifiedOrder(split.fullClassCounts(), seed);
        int[][] rowOf = new int[CLASSES][];
        for (int c = 0; c < CLASSES; c++) {
            rowOf[c] = new int[split.fullClassCounts()[c]];
            Arrays.fill(rowOf[c], -1);
        }
        int[] labels = split.images().labels();
        for (int i = 0; i < n; i++) rowOf[labels[i]][split.classPosition()[i]] = i;
        int[] rows = new int[k];
        int m = 0;
        for (int c = 0; c < CLASSES; c++) {
            int want = k / CLASSES + (c < k % CLASSES ? 1 : 0);
            if (want > order[c].length) return null;
            for (int j = 0; j < want; j++) {
                int row = rowOf[c][order[c][j]];
                if (row < 0) return null;
                rows[m++] = row;
            }
        }
        Arrays.sort(rows);
        return rows;
    }

    /**
     * The training examples for {@code config} from the bundled subset: the full set's draw when
     * every example of it is bundled, else a draw from the bundled examples; a one-line error
     * when more examples are asked for than are bundled.
     */
    static DatasetLoader.Selection select(DataConfig config) {
        return select(train(), config.subset(), config, "--subset");
    }

    /** {@code k} held-out examples from the bundled test split, drawn as {@link #select} draws training examples. */
    static DatasetLoader.Selection selectTest(DataConfig config, int k) {
        return select(test(), k, config, "--test-subset");
    }

    private static DatasetLoader.Selection select(Split s, int k, DataConfig config, String flag) {
        if (k == 0 || k > s.size()) {
            throw new UserInputException(flag + " " + (k == 0 ? "0 (all " + s.fullSize() + " examples)" : k)
                    + " needs more than the " + s.size() + " Fashion-MNIST " + s.name() + " examples bundled with sharpscope "
                    + "(Debian's dataset-fashion-mnist is not installed in " + DatasetLoader.FASHION_MNIST_DEFAULT
                    + "); apt-get install dataset-fashion-mnist, pass --data-dir DIR, or use " + flag + " " + s.size()
                    + " or less");
        }
        int[] same = sameAsFull(s, k, config.stratified(), config.seed());
        String how = config.stratified() ? "stratified with seed " + config.seed() : "the first " + k;
        if (same != null) {
            return new DatasetLoader.Selection(s.images(), same, s.describe() + "; these " + k + " (" + how
                    + ") are the examples the full set gives");
        }
        int[] rows = DatasetLoader.subsetIndices(s.images().labels(), CLASSES, k, config.stratified(), config.seed(), flag);
        return new DatasetLoader.Selection(s.images(), rows, s.describe() + "; these " + k + " (" + how
                + ") are drawn from the bundled examples, not the examples the full set gives");
    }
}
