package org.sharpscope.uv;

/**
 * GD on the weights U ∈ R^{n×d}, v ∈ R^n in double precision, O(n·d) per step and no allocation
 * per step: one fused pass updates U and v and accumulates the next output, NTK and norms, so a
 * step reads and writes each weight once (bandwidth bound; usable at n = 10⁶).
 * <p>With g = η Δf c_s the update is v ← v − g·Ux, U ← U − g·v xᵀ (both from the old weights).
 */
public final class WeightsEngine implements UvEngine {
    private final double[] u;
    private final double[] v;
    private final double[] x;
    private final int n;
    private final int d;
    private final double cs;
    private final double y;
    private final double xx;
    private double f;
    private double vv;
    private double zz;
    private double uu;

    /**
     * Wraps the given weights (U row-major n×d, used in place, not copied), input x, output scale
     * c_s and target y.
     */
    public WeightsEngine(double[] u, double[] v, double[] x, double outputScale, double target) {
        this.n = v.length;
        this.d = x.length;
        if (u.length != (long) n * d) {
            throw new IllegalArgumentException("U has " + u.length + " entries, expected n·d = " + (long) n * d);
        }
        this.u = u;
        this.v = v;
        this.x = x.clone();
        this.cs = outputScale;
        this.y = target;
        this.xx = UvConfig.norm2(x);
        recompute();
    }

    /** Recomputes output, NTK and norms from the weights with one plain pass. */
    private void recompute() {
        double fa = 0, sv = 0, sz = 0, su = 0;
        for (int i = 0; i < n; i++) {
            double z = 0;
            int base = i * d;
            for (int j = 0; j < d; j++) {
                double uij = u[base + j];
                z += uij * x[j];
                su += uij * uij;
            }
            fa += v[i] * z;
            sv += v[i] * v[i];
            sz += z * z;
        }
        f = cs * fa;
        vv = sv;
        zz = sz;
        uu = su;
    }

    @Override
    public void step(double eta) {
        double g = eta * (f - y) * cs;
        if (d == 1) stepScalarInput(g);
        else stepVectorInput(g);
    }

    /** d = 1: four independent accumulator chains so the loop runs at memory speed. */
    private void stepScalarInput(double g) {
        final double x0 = x[0];
        final double gx = g * x0;
        final double[] u = this.u, v = this.v;
        double fa0 = 0, fa1 = 0, sv0 = 0, sv1 = 0, su0 = 0, su1 = 0;
        int i = 0;
        int end = n - 1;
        for (; i < end; i += 2) {
            double ua = u[i], va = v[i];
            double ub = u[i + 1], vb = v[i + 1];
            double nva = va - gx * ua;
            double nua = ua - gx * va;
            double nvb = vb - gx * ub;
            double nub = ub - gx * vb;
            u[i] = nua;
            v[i] = nva;
            u[i + 1] = nub;
            v[i + 1] = nvb;
            fa0 += nva * nua;
            fa1 += nvb * nub;
            sv0 += nva * nva;
            sv1 += nvb * nvb;
            su0 += nua * nua;
            su1 += nub * nub;
        }
        for (; i < n; i++) {
            double ua = u[i], va = v[i];
            double nva = va - gx * ua;
            double nua = ua - gx * va;
            u[i] = nua;
            v[i] = nva;
            fa0 += nva * nua;
            sv0 += nva * nva;
            su0 += nua * nua;
        }
        double su = su0 + su1;
        f = cs * x0 * (fa0 + fa1);
        vv = sv0 + sv1;
        uu = su;
        zz = su * x0 * x0;
    }

    private void stepVectorInput(double g) {
        final double[] u = this.u, v = this.v, x = this.x;
        double fa = 0, sv = 0, sz = 0, su = 0;
        for (int i = 0; i < n; i++) {
            int base = i * d;
            double z = 0;
            for (int j = 0; j < d; j++) z += u[base + j] * x[j];
            double vi = v[i];
            double nv = vi - g * z;
            double a = g * vi;
            double nz = 0;
            for (int j = 0; j < d; j++) {
                double nu = u[base + j] - a * x[j];
                u[base + j] = nu;
                nz += nu * x[j];
                su += nu * nu;
            }
            v[i] = nv;
            fa += nv * nz;
            sv += nv * nv;
            sz += nz * nz;
        }
        f = cs * fa;
        vv = sv;
        zz = sz;
        uu = su;
    }

    @Override
    public double output() {
        return f;
    }

    @Override
    public double ntk() {
        return cs * cs * (xx * vv + zz);
    }

    @Override
    public double kappa() {
        return cs * cs * xx;
    }

    @Override
    public double target() {
        return y;
    }

    @Override
    public double normU() {
        return Math.sqrt(uu);
    }

    @Override
    public double normV() {
        return Math.sqrt(vv);
    }

    /** Width n. */
    public int width() {
        return n;
    }

    /** A copy of the current U (row-major n×d). */
    public double[] weightsU() {
        return u.clone();
    }

    /** A copy of the current v. */
    public double[] weightsV() {
        return v.clone();
    }
}
