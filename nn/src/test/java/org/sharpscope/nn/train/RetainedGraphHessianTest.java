package org.sharpscope.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.DataConfig;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.data.DatasetKind;
import org.sharpscope.nn.data.DatasetLoader;
import org.sharpscope.nn.hessian.HessianOperator;
import org.sharpscope.nn.hessian.RetainedGraphHessian;
import org.sharpscope.nn.hessian.TrainingObjective;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.Parameters;

/** Products through the retained ∇L graph equal fresh double-backward products, many times over. */
class RetainedGraphHessianTest {
    @Test
    void sameProductsAsTheHessianOperator() {
        DataConfig dc = new DataConfig(DatasetKind.SYNTHETIC_MIXTURE, null, 40, false, true, 1.0, new long[] {10}, 1, 3);
        Dataset d = DatasetLoader.load(dc, Loss.MSE, true);
        var net = TrainerTest.fcn("tanh", 12, 0.5).build(d.exampleShape(), d.outputs());
        Parameters p = Parameters.initialize(net, Dtype.FLOAT64, 5);
        for (int chunk : new int[] {0, 15}) {
            TrainingObjective o = new TrainingObjective(p, d, Loss.MSE, chunk);
            HessianOperator h = new HessianOperator(o);
            try (RetainedGraphHessian r = new RetainedGraphHessian(o)) {
                java.util.Random rng = new java.util.Random(1);
                for (int rep = 0; rep < 5; rep++) {
                    double[] x = new double[o.dimension()];
                    for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
                    double[] a = new double[x.length];
                    double[] b = new double[x.length];
                    h.apply(x, a);
                    r.apply(x, b);
                    double diff = 0, norm = 0;
                    for (int i = 0; i < x.length; i++) {
                        diff = Math.max(diff, Math.abs(a[i] - b[i]));
                        norm = Math.max(norm, Math.abs(a[i]));
                    }
                    assertThat(diff).isLessThanOrEqualTo(1e-13 * norm);
                }
                assertThat(r.products()).isEqualTo(5);
            }
        }
    }
}
