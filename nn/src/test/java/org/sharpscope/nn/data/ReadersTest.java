package org.sharpscope.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.loss.Loss;

/** IDX and CIFAR-10 readers on files written in the test; errors on damaged files. */
class ReadersTest {
    @TempDir
    Path dir;

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void idxRoundTripsInOneToThreeDimensions(int ndims) {
        int[] dims = java.util.Arrays.copyOf(new int[] {5, 4, 3}, ndims);
        int total = 1;
        for (int s : dims) total *= s;
        byte[] data = randomBytes(total, ndims);
        for (boolean gz : new boolean[] {false, true}) {
            Path p = dir.resolve("a" + ndims + (gz ? ".gz" : ""));
            IdxFile.write(p, dims, data, gz);
            IdxFile.Array a = IdxFile.read(p);
            assertThat(a.dims()).containsExactly(dims);
            assertThat(a.data()).containsExactly(data);
        }
    }

    @Test
    void idxErrorsNameTheProblem() throws Exception {
        Path p = dir.resolve("img");
        IdxFile.write(p, new int[] {4, 2, 2}, randomBytes(16, 1), false);
        byte[] full = Files.readAllBytes(p);
        Path cut = dir.resolve("cut");
        Files.write(cut, java.util.Arrays.copyOf(full, full.length - 3));
        assertThatThrownBy(() -> IdxFile.read(cut)).isInstanceOf(UserInputException.class).hasMessageContaining("truncated");
        Path header = dir.resolve("header");
        Files.write(header, java.util.Arrays.copyOf(full, 6));
        assertThatThrownBy(() -> IdxFile.read(header)).isInstanceOf(UserInputException.class).hasMessageContaining("truncated");
        Path bad = dir.resolve("bad");
        byte[] b = full.clone();
        b[0] = 0x50;
        Files.write(bad, b);
        assertThatThrownBy(() -> IdxFile.read(bad)).isInstanceOf(UserInputException.class).hasMessageContaining("bad magic");
        Path labels = dir.resolve("labels");
        IdxFile.write(labels, new int[] {3}, new byte[] {1, 2, 3}, true);
        assertThatThrownBy(() -> IdxFile.readLabeled(p, labels, 10)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("4 images").hasMessageContaining("3 labels");
    }

    @Test
    void cifarRoundTripsAndRejectsDamage() throws Exception {
        int n = 7;
        byte[] px = randomBytes(n * 3072, 2);
        int[] labels = {0, 9, 3, 3, 1, 5, 2};
        LabeledImages im = new LabeledImages(new long[] {3, 32, 32}, px, labels, 10);
        Path f1 = dir.resolve("data_batch_1.bin");
        Cifar10Binary.write(f1, im);
        LabeledImages back = Cifar10Binary.read(List.of(f1, f1));
        assertThat(back.size()).isEqualTo(2 * n);
        assertThat(back.labels()).startsWith(labels).endsWith(labels);
        assertThat(java.util.Arrays.copyOf(back.pixels(), px.length)).containsExactly(px);
        byte[] raw = Files.readAllBytes(f1);
        Path cut = dir.resolve("cut.bin");
        Files.write(cut, java.util.Arrays.copyOf(raw, raw.length - 1));
        assertThatThrownBy(() -> Cifar10Binary.read(List.of(cut))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("truncated");
        raw[Cifar10Binary.RECORD] = 42;
        Path badLabel = dir.resolve("bad.bin");
        Files.write(badLabel, raw);
        assertThatThrownBy(() -> Cifar10Binary.read(List.of(badLabel))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("label byte 42");
    }

    @Test
    void loaderFindsFilesInDataDirAndPreparesThem() {
        int n = 40;
        byte[] px = randomBytes(n * 9, 3);
        byte[] lb = new byte[n];
        for (int i = 0; i < n; i++) lb[i] = (byte) (i % 10);
        IdxFile.write(dir.resolve("train-images-idx3-ubyte.gz"), new int[] {n, 3, 3}, px, true);
        IdxFile.write(dir.resolve("train-labels-idx1-ubyte"), new int[] {n}, lb, false);
        DataConfig c = new DataConfig(DatasetKind.MNIST, dir, 20, true, true, 5.0, new long[] {1}, 1, 9);
        Dataset d = DatasetLoader.load(c, Loss.MSE, false);
        assertThat(d.size()).isEqualTo(20);
        assertThat(d.exampleShape()).containsExactly(1, 3, 3);
        int[] perClass = new int[10];
        for (int l : d.labels()) perClass[l]++;
        assertThat(perClass).containsOnly(2);
        double mean = 0;
        double sq = 0;
        for (double v : d.inputs()) {
            mean += v;
            sq += v * v;
        }
        mean /= d.inputs().length;
        assertThat(mean).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(sq / d.inputs().length).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
        for (int i = 0; i < d.size(); i++) {
            for (int k = 0; k < 10; k++) assertThat(d.targets()[i * 10 + k]).isEqualTo(k == d.labels()[i] ? 5.0 : 0.0);
        }
        Dataset same = DatasetLoader.load(c, Loss.MSE, true);
        assertThat(same.exampleShape()).containsExactly(9);
        assertThat(same.inputs()).containsExactly(d.inputs());
        Dataset ce = DatasetLoader.load(c, Loss.CE, false);
        assertThat(ce.targets()).contains(1.0).doesNotContain(5.0);

        DataConfig first = new DataConfig(DatasetKind.MNIST, dir, 5, false, false, 1.0, new long[] {1}, 1, 9);
        Dataset f = DatasetLoader.load(first, Loss.MSE, false);
        assertThat(f.labels()).containsExactly(0, 1, 2, 3, 4);
        assertThat(f.inputs()[0]).isEqualTo((px[0] & 0xff) / 255.0);
    }

    @Test
    void missingDatasetGivesOneLineErrorWithTheFix() {
        DataConfig c = new DataConfig(DatasetKind.FASHION_MNIST, dir.resolve("nowhere"), 0, true, true, 1, new long[] {1}, 1, 0);
        assertThatThrownBy(() -> DatasetLoader.load(c, Loss.MSE, false)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("nowhere").hasMessageContaining("apt-get install dataset-fashion-mnist")
                .hasMessageContaining("--data-dir").hasMessageNotContaining("\n");
        DataConfig cifar = new DataConfig(DatasetKind.CIFAR10, dir, 0, true, true, 1, new long[] {1}, 1, 0);
        assertThatThrownBy(() -> DatasetLoader.load(cifar, Loss.MSE, false)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("data_batch_1.bin").hasMessageContaining("--data-dir");
    }

    @Test
    void installedFashionMnistLoadsWhenPresent() {
        org.junit.jupiter.api.Assumptions.assumeTrue(DatasetLoader.fashionMnistInstalled());
        DataConfig c = new DataConfig(DatasetKind.FASHION_MNIST, null, 100, true, true, 1, new long[] {1}, 1, 0);
        Dataset d = DatasetLoader.load(c, Loss.MSE, true);
        assertThat(d.size()).isEqualTo(100);
        assertThat(d.exampleShape()).containsExactly(784);
        assertThat(d.outputs()).isEqualTo(10);
    }

    @Test
    void syntheticSetsAreSeeded() {
        DataConfig c = new DataConfig(DatasetKind.SYNTHETIC, null, 12, true, true, 2.0, new long[] {2, 2}, 3, 4);
        Dataset a = DatasetLoader.load(c, Loss.MSE, false);
        Dataset b = DatasetLoader.load(c, Loss.MSE, false);
        assertThat(a.inputs()).containsExactly(b.inputs());
        assertThat(a.targets()).containsExactly(b.targets());
        assertThat(a.outputs()).isEqualTo(3);
        assertThatThrownBy(() -> DatasetLoader.load(c, Loss.CE, false)).isInstanceOf(UserInputException.class);
        DataConfig m = new DataConfig(DatasetKind.SYNTHETIC_MIXTURE, null, 30, true, true, 1.0, new long[] {4}, 1, 4);
        Dataset mix = DatasetLoader.load(m, Loss.CE, false);
        assertThat(mix.size()).isEqualTo(30);
        assertThat(mix.labels()).contains(0, 9);
    }
}
