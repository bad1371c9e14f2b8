package org.sharpscope.uv;

import java.util.Arrays;
import java.util.List;
import org.sharpscope.regime.Regime;
import org.sharpscope.regime.RegimeAnalysis;
import org.sharpscope.run.CsvTable;

/**
 * A recorded UV trajectory, one entry per step from 0 (the initial state) to the last step run:
 * output f, residual Δf, loss ½Δf², NTK λ, sharpness λ^H, Q = λ² − 4κf², ‖U‖ and ‖v‖ (NaN for the
 * function engine). When the run diverged, the last entry is the diverged step.
 */
public final class UvTrajectory {
    /** Columns of {@link #toTable()}, in order. */
    public static final List<String> COLUMNS = List.of(
            "step", "f", "residual", "loss", "ntk", "sharpness", "q", "norm_u", "norm_v",
            "eta_ntk", "eta_sharpness");

    private final double eta;
    private final double kappa;
    private final double target;
    private final long[] step;
    private final double[] f, residual, loss, ntk, sharpness, q, normU, normV;
    private final Long divergedAt;

    UvTrajectory(double eta, double kappa, double target, int size, long[] step, double[] f,
                 double[] residual, double[] loss, double[] ntk, double[] sharpness, double[] q,
                 double[] normU, double[] normV, Long divergedAt) {
        this.eta = eta;
        this.kappa = kappa;
        this.target = target;
        this.step = Arrays.copyOf(step, size);
        this.f = Arrays.copyOf(f, size);
        this.residual = Arrays.copyOf(residual, size);
        this.loss = Arrays.copyOf(loss, size);
        this.ntk = Arrays.copyOf(ntk, size);
        this.sharpness = Arrays.copyOf(sharpness, size);
        this.q = Arrays.copyOf(q, size);
        this.normU = Arrays.copyOf(normU, size);
        this.normV = Arrays.copyOf(normV, size);
        this.divergedAt = divergedAt;
    }

    public int size() { return step.length; }
    public double eta() { return eta; }
    public double kappa() { return kappa; }
    public double target() { return target; }
    public long[] step() { return step.clone(); }
    public double[] output() { return f.clone(); }
    public double[] residual() { return residual.clone(); }
    public double[] loss() { return loss.clone(); }
    public double[] ntk() { return ntk.clone(); }
    public double[] sharpness() { return sharpness.clone(); }
    public double[] q() { return q.clone(); }
    public double[] normU() { return normU.clone(); }
    public double[] normV() { return normV.clone(); }

    /** The step at which the run diverged (and stopped), or null. */
    public Long divergedAt() {
        return divergedAt;
    }

    /** The last recorded index whose values are finite (the last before divergence). */
    public int lastFinite() {
        int i = size() - 1;
        while (i > 0 && !(Double.isFinite(loss[i]) && Double.isFinite(sharpness[i]))) i--;
        return i;
    }

    /** The regime of this trajectory by {@link RegimeAnalysis#analyze} on loss and sharpness λ^H. */
    public Regime regime() {
        return RegimeAnalysis.analyze(step, loss, sharpness, eta);
    }

    /** Every step as a table with the {@link #COLUMNS}. */
    public CsvTable toTable() {
        CsvTable t = new CsvTable(COLUMNS);
        for (int i = 0; i < size(); i++) {
            t.add(step[i], f[i], residual[i], loss[i], ntk[i], sharpness[i], q[i], normU[i], normV[i],
                    eta * ntk[i], eta * sharpness[i]);
        }
        return t;
    }
}
