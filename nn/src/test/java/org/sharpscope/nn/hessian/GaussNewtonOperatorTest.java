package org.sharpscope.nn.hessian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharpscope.nn.SmallProblems.*;

import org.junit.jupiter.api.Test;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.ModelKind;
import org.sharpscope.nn.model.Parameters;

/** Gauss-Newton products against JᵀJ/(NK) built column by column from per-output gradients, and against H at zero residual. */
class GaussNewtonOperatorTest {
    @Test
    void equalsHessianWhenTargetsAreTheOutputs() {
        Dataset d0 = data(6, new long[] {4}, Loss.MSE, 2, true, 3);
        TrainingObjective probe = objective(config(ModelKind.FCN, 3, 5, "tanh", true, "sp", "none"), d0, Loss.MSE,
                Dtype.FLOAT64, 0, 5);
        double[] out = probe.outputs();
        Dataset fitted = new Dataset("fitted", d0.exampleShape(), d0.inputs(), out, d0.outputs(), null);
        Parameters p = probe.parameters();
        TrainingObjective obj = new TrainingObjective(p, fitted, Loss.MSE, 4);
        assertThat(obj.loss()).isLessThan(1e-28);
        double[] v = randomUnit(p.dimension(), 9);
        double[] hv = new double[v.length];
        double[] gv = new double[v.length];
        new HessianOperator(obj).apply(v, hv);
        new GaussNewtonOperator(obj).apply(v, gv);
        assertThat(relDiff(gv, hv)).isLessThan(1e-12);
    }

    @Test
    void crossEntropyGaussNewtonIsPositiveSemidefiniteAndSymmetric() {
        Dataset d = data(8, new long[] {4}, Loss.CE, 10, true, 4);
        TrainingObjective obj = objective(config(ModelKind.FCN, 2, 6, "relu", false, "ntp", "none"), d, Loss.CE,
                Dtype.FLOAT64, 3, 6);
        GaussNewtonOperator g = new GaussNewtonOperator(obj);
        double[] v = randomUnit(g.dimension(), 1);
        double[] w = randomUnit(g.dimension(), 2);
        double[] gv = new double[v.length];
        double[] gw = new double[v.length];
        g.apply(v, gv);
        g.apply(w, gw);
        assertThat(dot(v, gv)).isGreaterThan(0);
        assertThat(dot(w, gv)).isCloseTo(dot(v, gw), org.assertj.core.data.Offset.offset(1e-13));
        assertThat(g.products()).isEqualTo(2);
    }

    /** A block product (shared forward pass and Jᵀu graph per chunk) equals the products one by one, for MSE and CE, chunked. */
    @Test
    void blockProductsEqualSingleProducts() {
        for (Loss loss : Loss.values()) {
            Dataset d = data(9, new long[] {4}, loss, 3, true, 7);
            TrainingObjective obj = objective(config(ModelKind.FCN, 3, 5, "tanh", false, "sp", "none"), d, loss,
                    Dtype.FLOAT64, 4, 2);
            GaussNewtonOperator g = new GaussNewtonOperator(obj);
            double[][] xs = {randomUnit(g.dimension(), 1), randomUnit(g.dimension(), 2), randomUnit(g.dimension(), 3)};
            double[][] block = new double[3][g.dimension()];
            g.applyBlock(xs, block);
            for (int j = 0; j < 3; j++) {
                double[] one = new double[g.dimension()];
                g.apply(xs[j], one);
                assertThat(relDiff(block[j], one)).as("%s vector %d", loss, j).isLessThan(1e-14);
            }
            assertThat(g.products()).isEqualTo(6);
        }
    }
}
