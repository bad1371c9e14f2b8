package org.sharpscope.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.UserInputException;

class MatrixMarketTest {
    @TempDir
    Path dir;

    /** The 3x3 symmetric matrix [[2, -1, 0], [-1, 2, 4], [0, 4, 5]]. */
    private static final double[][] A = {{2, -1, 0}, {-1, 2, 4}, {0, 4, 5}};

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static void assertIsA(LinearOperator op) {
        assertThat(op.dimension()).isEqualTo(3);
        for (int j = 0; j < 3; j++) {
            double[] e = new double[3];
            e[j] = 1;
            double[] y = new double[3];
            op.apply(e, y);
            for (int i = 0; i < 3; i++) assertThat(y[i]).as("a(%d,%d)", i, j).isEqualTo(A[i][j]);
        }
    }

    @Test
    void readsAllFourLayouts() throws IOException {
        assertIsA(MatrixMarket.read(file("ag.mtx", "%%MatrixMarket matrix array real general\n% comment\n3 3\n2\n-1\n0\n-1\n2\n4\n0\n4\n5\n")));
        assertIsA(MatrixMarket.read(file("as.mtx", "%%MatrixMarket matrix array integer symmetric\n3 3\n2 -1 0\n2 4\n5\n")));
        assertIsA(MatrixMarket.read(file("cs.mtx", "%%MatrixMarket matrix coordinate real symmetric\n3 3 5\n1 1 2\n2 1 -1\n2 2 2.0\n3 2 4e0\n3 3 5\n")));
        // General coordinate with a duplicate entry (summed, as in the format's convention).
        LinearOperator cg = MatrixMarket.read(file("cg.mtx",
                "%%MatrixMarket matrix coordinate real general\n3 3 8\n1 1 2\n1 2 -1\n2 1 -1\n2 2 1.5\n2 2 0.5\n2 3 4\n3 2 4\n3 3 5\n"));
        assertThat(cg).isInstanceOf(SparseMatrixOperator.class);
        assertIsA(cg);
    }

    @Test
    void roundTripsADenseMatrixExactly() {
        DMatrixRMaj a = TestMatrices.withSpectrum(new double[] {3, 1, -2, 0.5, 7}, 9);
        Path p = dir.resolve("rt.mtx");
        MatrixMarket.writeArray(p, a);
        LinearOperator op = MatrixMarket.read(p);
        double[] x = {1, 2, 3, 4, 5};
        double[] y = new double[5];
        double[] z = new double[5];
        op.apply(x, y);
        new DenseMatrixOperator(a).apply(x, z);
        for (int i = 0; i < 5; i++) assertThat(y[i]).isCloseTo(z[i], Offset.offset(1e-14));
    }

    @Test
    void malformedFilesGiveOneLineErrors() throws IOException {
        String[][] cases = {
                {"", "empty file"},
                {"hello\n", "not a Matrix Market header"},
                {"%%MatrixMarket matrix array complex general\n2 2\n", "field 'complex'"},
                {"%%MatrixMarket matrix coordinate pattern symmetric\n2 2 1\n1 1\n", "field 'pattern'"},
                {"%%MatrixMarket matrix array real skew-symmetric\n2 2\n", "symmetry 'skew-symmetric'"},
                {"%%MatrixMarket matrix array real general\n2 3\n1 2 3 4 5 6\n", "2x3"},
                {"%%MatrixMarket matrix array real general\n2 2\n1 2 2\n", "found 3 values, expected 4"},
                {"%%MatrixMarket matrix array real general\n2 2\n1 2 2 x\n", "'x' is not a number"},
                {"%%MatrixMarket matrix array real general\n2 2\n1 2 3 4\n", "not symmetric"},
                {"%%MatrixMarket matrix coordinate real general\n2 2 2\n1 2 1\n2 2 1\n", "not symmetric"},
                {"%%MatrixMarket matrix coordinate real symmetric\n2 2 2\n1 1 1\n", "file ends after 1 of 2 entries"},
                {"%%MatrixMarket matrix coordinate real symmetric\n2 2 1\n3 1 1\n", "outside the 2x2 matrix"},
                {"%%MatrixMarket matrix coordinate real symmetric\n2 2 1\n1 1 1\n2 2 1\n", "more entries"},
                {"%%MatrixMarket matrix coordinate real symmetric\n2 2\n", "size line must have 3 numbers"},
                {"%%MatrixMarket matrix array real symmetric\n2 2\n1 NaN 3\n", "not finite"},
                {"%%MatrixMarket matrix coordinate real symmetric\n2000000000 2000000000 1\n1 1 1\n", "of memory but this JVM has"},
                {"%%MatrixMarket matrix array real symmetric\n30000 30000\n1\n", "too large for memory"},
        };
        for (int c = 0; c < cases.length; c++) {
            Path p = file("bad" + c + ".mtx", cases[c][0]);
            assertThatThrownBy(() -> MatrixMarket.read(p))
                    .isInstanceOf(UserInputException.class)
                    .hasMessageContaining(cases[c][1])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThatThrownBy(() -> MatrixMarket.read(dir.resolve("missing.mtx")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("does not exist");
    }
}
