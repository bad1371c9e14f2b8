package org.sharpscope.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.loss.Loss;

/**
 * The Fashion-MNIST subset bundled in the jar: stratified, the package's bytes, used when the
 * package is absent, the full set's examples for seed-0 stratified draws, one-line error beyond it.
 */
class BundledFashionMnistTest {
    /** Where no package is installed. */
    static final Path NO_PACKAGE = Path.of("/nonexistent/sharpscope-test/fashion-mnist");

    static DataConfig fashion(int subset, boolean stratified, long seed) {
        return new DataConfig(DatasetKind.FASHION_MNIST, null, subset, stratified, true, 1.0, new long[] {1}, 1, seed);
    }

    static int[] perClass(int[] labels) {
        int[] n = new int[10];
        for (int l : labels) n[l]++;
        return n;
    }

    @Test
    void bundledSplitsAreStratifiedAndDescribed() {
        BundledFashionMnist.Split train = BundledFashionMnist.train();
        assertThat(train.size()).isEqualTo(6000);
        assertThat(train.fullSize()).isEqualTo(60000);
        assertThat(train.images().exampleShape()).containsExactly(1, 28, 28);
        assertThat(perClass(train.images().labels())).containsOnly(600);
        assertThat(train.fullClassCounts()).containsOnly(6000);
        BundledFashionMnist.Split test = BundledFashionMnist.test();
        assertThat(test.size()).isEqualTo(2000);
        assertThat(test.fullSize()).isEqualTo(10000);
        assertThat(perClass(test.images().labels())).containsOnly(200);
        assertThat(test.fullClassCounts()).containsOnly(1000);
        for (BundledFashionMnist.Split s : new BundledFashionMnist.Split[] {train, test}) {
            for (int i = 1; i < s.size(); i++) assertThat(s.fullIndex()[i]).isGreaterThan(s.fullIndex()[i - 1]);
            for (int i = 0; i < s.size(); i++) {
                assertThat(s.classPosition()[i]).isBetween(0, s.fullClassCounts()[s.images().labels()[i]] - 1);
            }
        }
    }

    /** Images and labels are byte for byte the package's, and each split is its seed-0 stratified draw. */
    @Test
    void bundledExamplesAreThePackagesBytes() {
        Path pkg = DatasetLoader.FASHION_MNIST_DEFAULT;
        Assumptions.assumeTrue(DatasetLoader.fashionMnistInstalled(), "dataset-fashion-mnist is not installed");
        for (String prefix : new String[] {"train", "t10k"}) {
            BundledFashionMnist.Split s = prefix.equals("train") ? BundledFashionMnist.train() : BundledFashionMnist.test();
            LabeledImages full = IdxFile.readLabeled(pkg.resolve(prefix + "-images-idx3-ubyte.gz"),
                    pkg.resolve(prefix + "-labels-idx1-ubyte.gz"), 10);
            assertThat(perClass(full.labels())).containsExactly(s.fullClassCounts());
            int[] draw = DatasetLoader.subsetIndices(full.labels(), 10, s.size(), true, 0);
            assertThat(s.fullIndex()).containsExactly(draw);
            int[] seen = new int[10];
            int[] position = new int[full.size()];
            for (int i = 0; i < full.size(); i++) position[i] = seen[full.labels()[i]]++;
            int per = full.exampleSize();
            for (int i = 0; i < s.size(); i++) {
                int j = s.fullIndex()[i];
                assertThat(s.images().labels()[i]).isEqualTo(full.labels()[j]);
                assertThat(s.classPosition()[i]).isEqualTo(position[j]);
                assertThat(Arrays.equals(s.images().pixels(), i * per, (i + 1) * per, full.pixels(), j * per, (j + 1) * per))
                        .as("%s example %d (full index %d)", prefix, i, j).isTrue();
            }
        }
    }

    /** Without the package: real Fashion-MNIST from the jar, the bundled pixels, said in the source. */
    @Test
    void withoutThePackageLoadsTheBundledSubset() {
        Dataset d = DatasetLoader.load(fashion(1000, true, 0), Loss.MSE, true, NO_PACKAGE);
        assertThat(d.size()).isEqualTo(1000);
        assertThat(d.exampleShape()).containsExactly(784);
        assertThat(d.outputs()).isEqualTo(10);
        assertThat(perClass(d.labels())).containsOnly(100);
        assertThat(d.source()).contains("bundled with sharpscope").contains("6000 of the 60000")
                .contains("are the examples the full set gives").doesNotContain("\n");
        // The pixels are the bundled bytes of the chosen rows, scaled (no standardisation).
        DataConfig raw = new DataConfig(DatasetKind.FASHION_MNIST, null, 1000, true, false, 1.0, new long[] {1}, 1, 0);
        Dataset r = DatasetLoader.load(raw, Loss.MSE, true, NO_PACKAGE);
        BundledFashionMnist.Split s = BundledFashionMnist.train();
        int[] rows = BundledFashionMnist.sameAsFull(s, 1000, true, 0);
        for (int i = 0; i < 1000; i += 97) {
            assertThat(r.labels()[i]).isEqualTo(s.images().labels()[rows[i]]);
            for (int j = 0; j < 784; j += 13) {
                assertThat(r.inputs()[i * 784 + j]).isEqualTo((s.images().pixels()[rows[i] * 784 + j] & 0xff) / 255.0);
            }
        }
        Dataset other = DatasetLoader.load(fashion(500, true, 3), Loss.MSE, true, NO_PACKAGE);
        assertThat(perClass(other.labels())).containsOnly(50);
        assertThat(other.source()).contains("drawn from the bundled examples, not the examples the full set gives");
        Dataset first = DatasetLoader.load(fashion(40, false, 0), Loss.MSE, true, NO_PACKAGE);
        assertThat(first.size()).isEqualTo(40);
        assertThat(DatasetLoader.load(fashion(6000, true, 0), Loss.MSE, true, NO_PACKAGE).size()).isEqualTo(6000);
    }

    /** Seed-0 stratified draws (every reproduction run) give the same tensors with and without the package. */
    @ParameterizedTest
    @ValueSource(ints = {64, 256, 512, 1000, 2000, 5000, 6000})
    void seedZeroDrawsMatchThePackage(int k) {
        Assumptions.assumeTrue(DatasetLoader.fashionMnistInstalled(), "dataset-fashion-mnist is not installed");
        Dataset pkg = DatasetLoader.load(fashion(k, true, 0), Loss.MSE, true);
        Dataset bundled = DatasetLoader.load(fashion(k, true, 0), Loss.MSE, true, NO_PACKAGE);
        assertThat(pkg.source()).contains(DatasetLoader.FASHION_MNIST_DEFAULT.toString()).doesNotContain("bundled");
        assertThat(bundled.labels()).containsExactly(pkg.labels());
        assertThat(Arrays.equals(bundled.inputs(), pkg.inputs())).isTrue();
        assertThat(Arrays.equals(bundled.targets(), pkg.targets())).isTrue();
    }

    /** Draws the full set would give are rebuilt exactly when bundled, whatever the data (no package needed). */
    @Test
    void fullSetDrawsAreRebuiltFromABundledDraw() {
        Random rng = new Random(5);
        int[] labels = new int[700];
        for (int i = 0; i < labels.length; i++) labels[i] = rng.nextInt(10);
        int[] counts = perClass(labels);
        int[] position = new int[labels.length];
        int[] seen = new int[10];
        for (int i = 0; i < labels.length; i++) position[i] = seen[labels[i]]++;
        int[] kept = DatasetLoader.subsetIndices(labels, 10, 200, true, 0);
        int[] keptLabels = Arrays.stream(kept).map(i -> labels[i]).toArray();
        int[] keptPosition = Arrays.stream(kept).map(i -> position[i]).toArray();
        BundledFashionMnist.Split split = new BundledFashionMnist.Split("toy",
                new LabeledImages(new long[] {1}, new byte[kept.length], keptLabels, 10), kept, keptPosition, counts);
        for (int k = 1; k <= 200; k++) {
            int[] rows = BundledFashionMnist.sameAsFull(split, k, true, 0);
            assertThat(rows).as("k = %d", k).isNotNull();
            assertThat(Arrays.stream(rows).map(r -> kept[r]).toArray())
                    .containsExactly(DatasetLoader.subsetIndices(labels, 10, k, true, 0));
        }
        assertThat(BundledFashionMnist.sameAsFull(split, 150, true, 1)).isNull();
        assertThat(BundledFashionMnist.sameAsFull(split, 201, true, 0)).isNull();
        assertThat(BundledFashionMnist.sameAsFull(split, 300, false, 0)).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6001, 20000})
    void moreThanBundledIsAOneLineError(int k) {
        assertThatThrownBy(() -> DatasetLoader.load(fashion(k, true, 0), Loss.MSE, true, NO_PACKAGE))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("6000 Fashion-MNIST training examples bundled")
                .hasMessageContaining("apt-get install dataset-fashion-mnist").hasMessageContaining("--data-dir")
                .hasMessageNotContaining("\n");
    }

    /** An explicit --data-dir without the files is still an error, never the bundled subset. */
    @Test
    void explicitDataDirIsNeverReplacedByTheBundle() {
        DataConfig c = new DataConfig(DatasetKind.FASHION_MNIST, NO_PACKAGE, 100, true, true, 1.0, new long[] {1}, 1, 0);
        assertThatThrownBy(() -> DatasetLoader.load(c, Loss.MSE, true, NO_PACKAGE)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("not found");
    }
}
