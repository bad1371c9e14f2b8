package org.sharpscope.nn.hessian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sharpscope.nn.SmallProblems.*;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.ModelConfig;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Parameters;

/**
 * The default Hessian operator (∇L graph retained within a memory budget) against the operator
 * that rebuilds the graph for every product (budget 0, the former default) and against finite
 * differences, in float64, for FCN, Myrtle and ResNet; the memory budget's fallbacks; blocks;
 * and products after the weights change in place.
 */
class HessianOperatorTest {
    static Stream<Arguments> networks() {
        long[] flat = {6};
        long[] image = {3, 8, 8};
        return Stream.of(
                Arguments.of("fcn tanh mse", config(ModelKind.FCN, 3, 7, "tanh", true, "sp", "none"), flat, Loss.MSE),
                Arguments.of("fcn relu ce", config(ModelKind.FCN, 3, 7, "relu", false, "ntp", "none"), flat, Loss.CE),
                Arguments.of("myrtle5 relu mse", config(ModelKind.MYRTLE, 5, 4, "relu", false, "sp", "none"), image, Loss.MSE),
                Arguments.of("resnet8 plain relu ce", config(ModelKind.RESNET, 8, 2, "relu", false, "sp", "none"), image, Loss.CE),
                Arguments.of("resnet8 layernorm tanh mse", config(ModelKind.RESNET, 8, 2, "tanh", false, "sp", "layer"), image, Loss.MSE),
                Arguments.of("resnet8 batchnorm relu mse", config(ModelKind.RESNET, 8, 2, "relu", false, "sp", "batch"), image, Loss.MSE));
    }

    private static Dataset dataFor(ModelConfig mc, long[] shape, Loss loss, int n) {
        return data(n, shape, loss, loss == Loss.CE ? 10 : 3, mc.model() == ModelKind.FCN, 7);
    }

    /**
     * Central differences of the exact gradient with Richardson extrapolation (steps ε and ε/2),
     * error O(ε⁴) plus rounding: g(θ ± εv).
     */
    static double[] finiteDifference(TrainingObjective obj, double[] v, double eps) {
        Parameters p = obj.parameters();
        double[] theta = p.flatten();
        double[] d1 = centralDifference(obj, theta, v, eps);
        double[] d2 = centralDifference(obj, theta, v, eps / 2);
        p.assign(theta);
        double[] out = new double[theta.length];
        for (int i = 0; i < out.length; i++) out[i] = (4 * d2[i] - d1[i]) / 3;
        return out;
    }

    private static double[] centralDifference(TrainingObjective obj, double[] theta, double[] v, double eps) {
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        for (int i = 0; i < theta.length; i++) {
            plus[i] += eps * v[i];
            minus[i] -= eps * v[i];
        }
        obj.parameters().assign(plus);
        double[] gp = obj.gradient();
        obj.parameters().assign(minus);
        double[] gm = obj.gradient();
        double[] d = new double[theta.length];
        for (int i = 0; i < d.length; i++) d[i] = (gp[i] - gm[i]) / (2 * eps);
        return d;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void retainedGraphProductsEqualRebuiltOnesAndFiniteDifferences(String name, ModelConfig mc, long[] shape, Loss loss) {
        Dataset data = dataFor(mc, shape, loss, 12);
        TrainingObjective obj = objective(mc, data, loss, Dtype.FLOAT64, 0, 11);
        HessianOperator retained = new HessianOperator(obj, HessianOperator.UNLIMITED);
        HessianOperator rebuilt = new HessianOperator(obj, 0);
        int n = obj.dimension();
        for (int rep = 0; rep < 3; rep++) {
            double[] v = randomUnit(n, 100 + rep);
            double[] a = new double[n];
            double[] b = new double[n];
            retained.apply(v, a);
            rebuilt.apply(v, b);
            assertThat(norm(a)).isGreaterThan(1e-6);
            assertThat(relDiff(a, b)).as("retained vs rebuilt").isLessThanOrEqualTo(1e-12);
        }
        assertThat(retained.plan().allRetained()).isTrue();
        assertThat(retained.graphsBuilt()).as("one ∇L graph for three products").isEqualTo(1);
        assertThat(rebuilt.graphsBuilt()).isEqualTo(3);

        double[] v = randomUnit(n, 7);
        double[] hv = new double[n];
        retained.apply(v, hv);
        // Smooth networks: a large step, extrapolated; ReLU networks: a step small enough not to cross kinks.
        boolean smooth = mc.activation() == org.sharpscope.nn.model.Activation.TANH;
        double[] fd = finiteDifference(obj, v, smooth ? 1e-3 : 1e-6);
        assertThat(relDiff(hv, fd)).as("HVP vs Richardson-extrapolated central differences").isLessThanOrEqualTo(smooth ? 1e-10 : 1e-7);

        // The weights change in place (as in training): the operator notices and rebuilds.
        double[] theta = obj.parameters().flatten();
        double[] moved = theta.clone();
        for (int i = 0; i < n; i++) moved[i] += 0.05 * v[i];
        obj.parameters().assign(moved);
        double[] after = new double[n];
        double[] fresh = new double[n];
        retained.apply(v, after);
        new HessianOperator(obj, 0).apply(v, fresh);
        assertThat(relDiff(after, fresh)).as("after an in-place update").isLessThanOrEqualTo(1e-12);
        assertThat(relDiff(after, hv)).as("the Hessian did change").isGreaterThan(1e-6);
        assertThat(retained.graphsBuilt()).isEqualTo(2);
        obj.parameters().assign(theta);
        retained.close();
    }

    @Test
    void blocksEqualSingleProducts() {
        ModelConfig mc = config(ModelKind.FCN, 3, 9, "tanh", false, "sp", "none");
        TrainingObjective obj = objective(mc, data(30, new long[] {5}, Loss.MSE, 3, true, 3), Loss.MSE, Dtype.FLOAT64, 10, 4);
        for (long budget : new long[] {0, HessianOperator.UNLIMITED}) {
            HessianOperator h = new HessianOperator(obj, budget);
            int n = h.dimension();
            double[][] xs = {randomUnit(n, 1), randomUnit(n, 2), randomUnit(n, 3)};
            double[][] ys = {new double[n], new double[n], new double[n]};
            h.applyBlock(xs, ys);
            for (int j = 0; j < 3; j++) {
                double[] y = new double[n];
                h.apply(xs[j], y);
                assertThat(relDiff(ys[j], y)).isLessThanOrEqualTo(1e-14);
            }
            assertThat(h.products()).isEqualTo(6);
            // A block builds each chunk's graph once: 3 chunks, retained or not.
            assertThat(h.graphsBuilt()).isEqualTo(budget == 0 ? 3 + 9 : 3);
        }
    }

    /**
     * A budget below one chunk's graph splits the examples into smaller pieces (none retained when
     * two pieces do not fit); with four chunks, a budget for three retains two (room is kept for
     * the graph built per product); a large one retains all. Products agree in every case.
     */
    @Test
    void memoryBudgetFallsBackToSmallerPiecesWithTheSameProducts() {
        ModelConfig mc = config(ModelKind.FCN, 3, 12, "tanh", true, "sp", "none");
        Dataset data = data(200, new long[] {8}, Loss.MSE, 3, true, 5);
        TrainingObjective obj = objective(mc, data, Loss.MSE, Dtype.FLOAT64, 0, 6);
        HessianOperator.Plan estimate = new HessianOperator(obj, 1L << 40).plan();
        assertThat(estimate.pieces()).isEqualTo(1);
        assertThat(estimate.allRetained()).isTrue();
        assertThat(estimate.bytesPerExample()).isPositive();
        long piece60 = estimate.fixedBytes() + 60 * estimate.bytesPerExample();
        int n = obj.dimension();
        double[] v = randomUnit(n, 9);
        double[] want = new double[n];
        new HessianOperator(obj, 0).apply(v, want);

        HessianOperator tiny = new HessianOperator(obj, piece60 + 1);
        assertThat(tiny.plan().examplesPerPiece()).isEqualTo(60);
        assertThat(tiny.plan().pieces()).isEqualTo(4);
        assertThat(tiny.plan().retainedPieces()).isZero();
        // Chunks of 50 that fit: the budget for three retains two, rebuilding the other two per product.
        TrainingObjective chunked = new TrainingObjective(obj.parameters(), data, Loss.MSE, 50);
        HessianOperator three = new HessianOperator(chunked, 3 * (estimate.fixedBytes() + 50 * estimate.bytesPerExample()) + 1);
        assertThat(three.plan().pieces()).isEqualTo(4);
        assertThat(three.plan().examplesPerPiece()).isEqualTo(50);
        assertThat(three.plan().retainedPieces()).isEqualTo(2);
        assertThat(three.plan().retainedBytes()).isLessThanOrEqualTo(three.budget());
        for (HessianOperator h : new HessianOperator[] {tiny, three}) {
            double[] y = new double[n];
            for (int rep = 0; rep < 2; rep++) {
                h.apply(v, y);
                assertThat(relDiff(y, want)).isLessThanOrEqualTo(1e-12);
            }
        }
        assertThat(tiny.graphsBuilt()).isEqualTo(8);
        assertThat(three.graphsBuilt()).as("2 retained once + 2 rebuilt per product").isEqualTo(2 + 4);

        // Below the smallest piece, pieces stay at the minimum size (nothing retained).
        HessianOperator none = new HessianOperator(obj, 1);
        assertThat(none.plan().examplesPerPiece()).isEqualTo(HessianOperator.MIN_PIECE);
        assertThat(none.plan().retainedPieces()).isZero();
        double[] y = new double[n];
        none.apply(v, y);
        assertThat(relDiff(y, want)).isLessThanOrEqualTo(1e-12);
    }

    /** With batch normalisation the chunks define the loss: a small budget never re-splits them. */
    @Test
    void batchNormChunksAreNeverSplit() {
        ModelConfig mc = config(ModelKind.RESNET, 8, 2, "relu", false, "sp", "batch");
        Dataset data = data(80, new long[] {3, 8, 8}, Loss.MSE, 3, false, 8);
        TrainingObjective obj = objective(mc, data, Loss.MSE, Dtype.FLOAT64, 40, 9);
        HessianOperator small = new HessianOperator(obj, 1);
        assertThat(small.plan().pieces()).isEqualTo(2);
        assertThat(small.plan().examplesPerPiece()).isEqualTo(40);
        assertThat(small.plan().retainedPieces()).isZero();
        int n = obj.dimension();
        double[] v = randomUnit(n, 2);
        double[] a = new double[n];
        double[] b = new double[n];
        small.apply(v, a);
        new HessianOperator(obj, HessianOperator.UNLIMITED).apply(v, b);
        assertThat(relDiff(a, b)).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void budgetsParse() {
        assertThat(HessianOperator.parseBytes("2g")).isEqualTo(2L << 30);
        assertThat(HessianOperator.parseBytes("512M")).isEqualTo(512L << 20);
        assertThat(HessianOperator.parseBytes("1.5k")).isEqualTo(1536);
        assertThat(HessianOperator.parseBytes("64kb")).isEqualTo(64L << 10);
        assertThat(HessianOperator.parseBytes("0")).isZero();
        assertThat(HessianOperator.parseBytes("123456")).isEqualTo(123456);
        assertThat(HessianOperator.parseBytes("unlimited")).isEqualTo(HessianOperator.UNLIMITED);
        assertThatThrownBy(() -> HessianOperator.parseBytes("lots")).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> HessianOperator.parseBytes("-1g")).isInstanceOf(UserInputException.class);
        String old = System.getProperty(HessianOperator.MEMORY_PROPERTY);
        try {
            System.setProperty(HessianOperator.MEMORY_PROPERTY, "3m");
            assertThat(HessianOperator.defaultBudget()).isEqualTo(3L << 20);
        } finally {
            if (old == null) System.clearProperty(HessianOperator.MEMORY_PROPERTY);
            else System.setProperty(HessianOperator.MEMORY_PROPERTY, old);
        }
        if (System.getenv(HessianOperator.MEMORY_ENV) == null) {
            assertThat(HessianOperator.defaultBudget()).isEqualTo(org.bytedeco.javacpp.Pointer.totalPhysicalBytes() / 4);
        }
    }

    /** float32 operator: retained and rebuilt products agree to float32 rounding. */
    @Test
    void float32RetainedMatchesRebuilt() {
        ModelConfig mc = config(ModelKind.MYRTLE, 5, 4, "relu", false, "sp", "none");
        TrainingObjective obj = objective(mc, data(16, new long[] {3, 8, 8}, Loss.MSE, 3, false, 1), Loss.MSE, Dtype.FLOAT32, 0, 2);
        int n = obj.dimension();
        double[] v = randomUnit(n, 3);
        double[] a = new double[n];
        double[] b = new double[n];
        new HessianOperator(obj, HessianOperator.UNLIMITED).apply(v, a);
        new HessianOperator(obj, 0).apply(v, b);
        assertThat(relDiff(a, b)).isLessThanOrEqualTo(1e-5);
    }
}
