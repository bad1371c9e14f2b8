package org.sharpscope.spectral;

import java.util.Random;

/**
 * Power iteration with deflation, the common baseline (PyHessian's method): one eigenpair at a
 * time, each iterate projected orthogonal to the pairs already found. Power iteration converges
 * to the eigenvalue largest in magnitude; when that one lies at the wrong end (negative for
 * top-k, positive for bottom-k) the run is repeated on A − σI with σ that eigenvalue, which makes
 * the wanted algebraic end dominant. Convergence is linear in |λ₂/λ₁|: slow on clusters. Each
 * pair stops when the residual of the deflated problem is below tol·‖A‖; the reported residuals
 * are the true ‖A v − θ v‖. Exactly repeated eigenvalues are found one copy per deflated run; the
 * multiplicity check that follows (see {@link EigenResult}) confirms that none was missed.
 */
public final class PowerIteration implements EigenSolver {

    @Override
    public EigenResult solve(LinearOperator op, int k, SolverOptions o) {
        int n = op.dimension();
        if (k < 1 || k > n) throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
        Random rnd = new Random(o.seed());
        boolean top = o.which() == SolverOptions.Which.TOP;
        double[][] found = new double[k][];
        double[] values = new double[k];
        double[] res = new double[k];
        boolean[] ok = new boolean[k];
        long products = 0;
        double scale = 0;
        double shift = 0;
        boolean shifted = false;
        double[] y = new double[n];
        for (int i = 0; i < k; i++) {
            double[] x = o.warmStart() != null && i < o.warmStart().length ? o.warmStart()[i].clone() : Vectors.gaussian(n, rnd);
            if (!Vectors.orthonormalizeOrRandom(x, found, i, rnd)) break;
            double theta = 0;
            double r = Double.POSITIVE_INFINITY;
            while (products < o.maxProducts()) {
                op.apply(x, y);
                products++;
                theta = Vectors.dot(x, y);
                scale = Math.max(scale, Math.abs(theta));
                double[] resid = y.clone();
                Vectors.axpy(-theta, x, resid);
                r = Vectors.norm(resid);
                // Stop on the residual of the deflated problem: when earlier pairs are only
                // roughly converged, the true residual of x ⟂ them has a floor above tol.
                double deflated = i == 0 ? r : Vectors.orthogonalize(resid, found, i);
                boolean done = deflated <= o.tol() * scale;
                if (done) {
                    boolean wrongEnd = !shifted && (top ? theta < 0 : theta > 0);
                    if (!wrongEnd) {
                        ok[i] = true;
                        break;
                    }
                    // The dominant eigenvalue is at the other end: shift it to zero and go again.
                    shift = theta;
                    shifted = true;
                }
                double[] next = y.clone();
                if (shifted) Vectors.axpy(-shift, x, next);
                if (!Vectors.orthonormalizeOrRandom(next, found, i, rnd)) break;
                x = next;
            }
            found[i] = x;
            values[i] = theta;
            res[i] = r;
        }
        for (int i = 0; i < k; i++) ok[i] &= found[i] != null;
        // Deflated runs can come out of order when eigenvalues are close; report them sorted.
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> top ? Double.compare(values[b], values[a]) : Double.compare(values[a], values[b]));
        double[] v = new double[k];
        double[] rr = new double[k];
        boolean[] conv = new boolean[k];
        double[][] vec = new double[k][];
        for (int i = 0; i < k; i++) {
            v[i] = values[order[i]];
            rr[i] = res[order[i]];
            conv[i] = ok[order[i]];
            vec[i] = found[order[i]];
        }
        return MultiplicityCheck.finish(op, k, o, v, vec, rr, conv, products, scale, rnd);
    }
}
