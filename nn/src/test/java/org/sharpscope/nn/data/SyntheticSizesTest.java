package org.sharpscope.nn.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.loss.Loss;

/** Issue 16: sizes of synthetic data are checked before anything is allocated; a data directory of generated data is refused. */
class SyntheticSizesTest {
    private static DataConfig synthetic(DatasetKind kind, int subset, long[] shape, int outputs) {
        return new DataConfig(kind, null, subset, false, true, 1.0, shape, outputs, 0);
    }

    /** Regression: --subset 2147483647 was a NegativeArraySizeException, a huge --synthetic-shape an ArithmeticException. */
    @Test
    void hugeSizesAreOneLineErrors() {
        assertThatThrownBy(() -> DatasetLoader.load(synthetic(DatasetKind.SYNTHETIC, Integer.MAX_VALUE, new long[] {4}, 10), Loss.MSE, true))
                .isInstanceOf(UserInputException.class)
                .hasMessage("2147483647 examples of shape 4 with 10 outputs need more than 2147483639 values in one array; "
                        + "use a smaller --subset or --synthetic-shape or --synthetic-outputs");
        assertThatThrownBy(() -> DatasetLoader.load(synthetic(DatasetKind.SYNTHETIC, 16, new long[] {Long.MAX_VALUE, 2}, 10), Loss.MSE, true))
                .isInstanceOf(UserInputException.class).hasMessageStartingWith("an example of shape 9223372036854775807x2 has more than");
        assertThatThrownBy(() -> DatasetLoader.load(synthetic(DatasetKind.SYNTHETIC, 16, new long[] {4}, Integer.MAX_VALUE), Loss.MSE, true))
                .isInstanceOf(UserInputException.class).hasMessageContaining("need more than 2147483639 values");
        assertThatThrownBy(() -> DatasetLoader.load(synthetic(DatasetKind.SYNTHETIC_MIXTURE, 100_000, new long[] {100_000}, 1), Loss.MSE, true))
                .isInstanceOf(UserInputException.class).hasMessageContaining("use a smaller --subset or --synthetic-shape");
    }

    @Test
    void aDataDirectoryForGeneratedDataIsRefused() {
        assertThatThrownBy(() -> new DataConfig(DatasetKind.SYNTHETIC, Path.of("/data"), 16, false, true, 1.0, new long[] {4}, 10, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessage("--data-dir is for datasets read from disk, but synthetic data is generated; drop --data-dir "
                        + "(or choose --dataset fashion-mnist, mnist or cifar10)");
    }
}
