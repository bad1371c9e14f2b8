package org.sharpscope.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sharpscope.nn.data.BundledFashionMnistTest.NO_PACKAGE;
import static org.sharpscope.nn.data.BundledFashionMnistTest.perClass;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.loss.Loss;

/**
 * Held-out examples ({@code --test-subset N}): drawn from the dataset's test split as the
 * training subset is drawn from the training split, prepared alike with the training examples'
 * standardisation, and leaving the training examples exactly as without them.
 */
class HeldOutDataTest {
    static DataConfig fashion(int subset, boolean standardize) {
        return new DataConfig(DatasetKind.FASHION_MNIST, null, subset, true, standardize, 1.0, new long[] {1}, 1, 0);
    }

    static DataConfig synthetic(DatasetKind kind, int subset) {
        return new DataConfig(kind, null, subset, false, true, 1.0, new long[] {6}, 2, 4);
    }

    @Test
    void bundledTestSplitIsStratifiedAndStandardisedWithTrainingStatistics() {
        DatasetLoader.Splits s = DatasetLoader.load(fashion(200, true), 100, Loss.MSE, true, NO_PACKAGE);
        Dataset alone = DatasetLoader.load(fashion(200, true), Loss.MSE, true, NO_PACKAGE);
        assertThat(s.train().inputs()).isEqualTo(alone.inputs());
        assertThat(s.train().targets()).isEqualTo(alone.targets());
        Dataset test = s.test();
        assertThat(test.size()).isEqualTo(100);
        assertThat(perClass(test.labels())).containsOnly(10);
        assertThat(test.exampleShape()).containsExactly(784);
        assertThat(test.source()).contains("2000 of the 10000 test examples").contains("these 100 (stratified with seed 0)");

        // standardised with the training examples' mean and deviation, not their own
        DatasetLoader.Splits raw = DatasetLoader.load(fashion(200, false), 100, Loss.MSE, true, NO_PACKAGE);
        double[] x = raw.train().inputs();
        double mean = 0;
        double sq = 0;
        for (double v : x) {
            mean += v;
            sq += v * v;
        }
        mean /= x.length;
        double sd = Math.sqrt(sq / x.length - mean * mean);
        for (int i = 0; i < test.inputs().length; i += 97) {
            assertThat(test.inputs()[i]).isCloseTo((raw.test().inputs()[i] - mean) / sd, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void theFullTestSplitIsReadFromThePackage() {
        Assumptions.assumeTrue(DatasetLoader.fashionMnistInstalled(), "dataset-fashion-mnist is not installed");
        DatasetLoader.Splits s = DatasetLoader.load(fashion(100, true), 3000, Loss.CE, false);
        assertThat(s.test().size()).isEqualTo(3000);
        assertThat(s.test().exampleShape()).containsExactly(1, 28, 28);
        assertThat(s.test().source()).contains("3000 (stratified with seed 0) of the 10000 test examples");
    }

    @Test
    void syntheticHeldOutExamplesAreFurtherDraws() {
        for (DatasetKind kind : new DatasetKind[] {DatasetKind.SYNTHETIC, DatasetKind.SYNTHETIC_MIXTURE}) {
            Loss loss = kind == DatasetKind.SYNTHETIC ? Loss.MSE : Loss.CE;
            DatasetLoader.Splits s = DatasetLoader.load(synthetic(kind, 40), 30, loss, false);
            Dataset alone = DatasetLoader.load(synthetic(kind, 40), loss, false);
            assertThat(s.train().inputs()).as(kind.key()).isEqualTo(alone.inputs());
            assertThat(s.train().targets()).as(kind.key()).isEqualTo(alone.targets());
            assertThat(s.test().size()).isEqualTo(30);
            assertThat(s.test().outputs()).isEqualTo(alone.outputs());
            assertThat(s.test().source()).contains("30 held-out examples").contains("after the 40 training examples");
        }
        // the teacher's held-out targets follow the same teacher: the first 10 of 50 examples are the first 10 of 40
        DatasetLoader.Splits more = DatasetLoader.load(synthetic(DatasetKind.SYNTHETIC, 50), null, Loss.MSE, false);
        DatasetLoader.Splits split = DatasetLoader.load(synthetic(DatasetKind.SYNTHETIC, 40), 10, Loss.MSE, false);
        assertThat(split.test().targets()).isEqualTo(java.util.Arrays.copyOfRange(more.train().targets(), 80, 100));
        assertThat(more.test()).isNull();
    }

    @Test
    void tooManyHeldOutExamplesIsAOneLineError() {
        assertThatThrownBy(() -> DatasetLoader.load(fashion(200, true), 3000, Loss.MSE, true, NO_PACKAGE))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--test-subset 3000")
                .hasMessageContaining("2000 Fashion-MNIST test examples bundled").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> DatasetLoader.load(fashion(200, true), 0, Loss.MSE, true, NO_PACKAGE))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--test-subset must be >= 1");
        Path nowhere = Path.of("/nonexistent/sharpscope-test/mnist");
        DataConfig mnist = new DataConfig(DatasetKind.MNIST, nowhere, 10, true, true, 1.0, new long[] {1}, 1, 0);
        assertThatThrownBy(() -> DatasetLoader.load(mnist, 10, Loss.MSE, true)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("train-images-idx3-ubyte");
    }
}
