package org.sharpscope.nn.hessian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharpscope.nn.SmallProblems.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.Dataset;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.ModelKind;

/** Native memory is released per product: resident memory stays flat (within 10%) over 2,000 HVPs after a
 * 1,000-product warm-up. */
class NativeMemoryTest {
    private static long residentKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        throw new IllegalStateException("no VmRSS");
    }

    @Test
    void twoThousandHvpsKeepResidentMemoryFlat() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/status")));
        Dataset d = data(64, new long[] {3, 8, 8}, Loss.CE, 10, true, 1);
        TrainingObjective obj = objective(config(ModelKind.FCN, 3, 64, "tanh", true, "sp", "none"), d, Loss.CE,
                Dtype.FLOAT32, 32, 2);
        HessianOperator h = new HessianOperator(obj);
        double[] v = randomUnit(h.dimension(), 1);
        double[] y = new double[v.length];
        // Warm-up: the allocator's caches and the JVM's young generation reach their working size.
        for (int i = 0; i < 1000; i++) h.apply(v, y);
        // A full collection before each reading: the Java heap, which other tests in this JVM leave at
        // whatever size, must not grow between the readings and read as native memory kept.
        System.gc();
        long warm = residentKb();
        for (int i = 0; i < 2000; i++) h.apply(v, y);
        System.gc();
        long end = residentKb();
        assertThat(h.products()).isEqualTo(3000);
        assertThat((double) end).as("VmRSS after 2,000 HVPs (kB) vs after the 1,000-product warm-up (%d kB)", warm).isLessThanOrEqualTo(1.10 * warm);
    }
}
