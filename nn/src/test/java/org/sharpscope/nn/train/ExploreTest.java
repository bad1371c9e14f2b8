package org.sharpscope.nn.train;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.data.DataConfig;
import org.sharpscope.nn.data.DatasetKind;
import org.sharpscope.nn.loss.Loss;
import org.sharpscope.nn.model.*;
import org.sharpscope.run.RunDirectory;

class ExploreTest {
    @Test
    void explore() throws Exception {
        for (String spec : Files.readAllLines(Path.of("/tmp/explore.txt"))) {
            if (spec.isBlank()) continue;
            String[] a = spec.trim().split("\\s+");
            String act = a[0]; int depth = Integer.parseInt(a[1]); int width = Integer.parseInt(a[2]);
            String ds = a[3]; int n = Integer.parseInt(a[4]); double c = Double.parseDouble(a[5]); int steps = Integer.parseInt(a[6]);
            String param = a.length > 7 ? a[7] : "sp"; double alpha = a.length > 8 ? Double.parseDouble(a[8]) : 1.0;
            ModelConfig mc = new ModelConfig(ModelKind.FCN, depth, width, Activation.parse(act), false, Parameterization.parse(param), false, alpha, Normalization.NONE);
            DataConfig dc = new DataConfig(DatasetKind.parse(ds), null, n, false, true, 1.0, new long[] {10}, 1, 0);
            TrainConfig tc = new TrainConfig(mc, dc, Loss.MSE, Dtype.FLOAT64, 0, Optimizer.GD, Double.NaN, c, 0, 0.0,
                    steps, 0, 10, 20, 0, 1, false, 1e-6, 500, 1);
            Path d = Files.createTempDirectory("explore");
            long t0 = System.nanoTime();
            Trainer tr = new Trainer(tc, RunDirectory.create(d), null);
            var s = tr.run();
            StringBuilder sb = new StringBuilder();
            for (Probe p : tr.metrics().probes()) if (p.step() % 50 == 0) sb.append(String.format(" %d:%.3f/%.2g", p.step(), p.top() * tr.eta(), p.loss()));
            System.out.printf("%s | %.1fs lam0=%.3f state=%s eos=%s hvp/probe=%.1f |%s%n", spec, (System.nanoTime() - t0) / 1e9, s.get("lambda0"), s.get("regime"), s.get("eos_entered_at"), s.get("hvps_per_probe"), sb);
        }
    }
}
