package org.sharpscope.nn.train;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.sharpscope.UserInputException;
import org.sharpscope.dynamics.BatchMeans;
import org.sharpscope.dynamics.TangentFrame;
import org.sharpscope.spectral.Davidson;
import org.sharpscope.spectral.LinearOperator;
import org.sharpscope.spectral.SolverOptions;

/**
 * The Lyapunov exponents of the training map, measured along the run by the QR (Benettin) method
 * with exact Hessian-vector products (docs/train.md, "Lyapunov exponents"). At step t (weights θ_t)
 * the tangent map of the update is
 *
 * <ul>
 *   <li>gd and sgd: δθ' = (I − ηH_t)δθ, H_t the Hessian of the loss the step descends (the full
 *       batch, or step t's mini-batch);</li>
 *   <li>momentum (v' = βv + g, θ' = θ − ηv'): on (δθ, δv), δv' = βδv + H_tδθ, δθ' = δθ − ηδv'.</li>
 * </ul>
 *
 * <p><b>Weight space.</b> K orthonormal tangent vectors (P-dimensional, 2P for momentum) are mapped
 * each step (K products) and re-orthonormalised; the mean of ln R_ii is the i-th exponent.
 *
 * <p><b>Seen by the loss.</b> The tangent map restricted to the top-k eigenspace of the Gauss–Newton
 * matrix G = Jᵀ H_out J (k = the run's {@code topK}; for momentum the 2k-dimensional pairs (δθ, δv)
 * in that space): with V_t its orthonormal basis at θ_t, tracked by warm-started Davidson, the step's
 * map in coordinates is M_t = V_{t+1}ᵀ(I − ηH_t)V_t (k more products, H_tV_t), and a k×k frame is
 * carried by QR through the M_t. The map of step t is completed at step t+1, when V_{t+1} is known.
 *
 * <p>The frames start at step {@code transient/2} (random for weight space, seeded, so that the second
 * half of the transient aligns them) and their logs are averaged from step {@code transient} on. All
 * state is exposed as {@link State} for checkpoints, so a resumed run continues bit for bit.
 */
public final class TangentExponents {
    /** About this many batches for the batch-means standard errors. */
    static final int BATCHES = 16;
    /** Ritz vectors carried to the next step's Gauss–Newton solve beyond the k tracked (as the probes' tracker does). */
    private static final int GUARD = 1;

    /**
     * The run state of the measurement: the weight-space frame (K × P, or K × 2P), the loss frame
     * (m × m, m = k or 2k), the basis V and product H·V of the step whose loss map is pending (null
     * when none), the Gauss–Newton tracker's warm-start vectors (null before its first call), the
     * batch means' rows and counts (weight space, loss, subspace rotation), their batch length, and
     * the products used so far.
     */
    public record State(double[][] weightFrame, double[][] lossFrame, double[][] pendingBasis,
                        double[][] pendingProducts, double[][] subspaceVectors, double[][] weightRows,
                        double[][] lossRows, double[][] rotationRows, long weightCount, long lossCount,
                        long rotationCount, int batchLength, long hessianProducts, long gaussNewtonProducts) {}

    private final int dimension;
    private final int k;
    private final double beta;
    private final int start;
    private final int transientSteps;
    private final TangentFrame weights;
    private final TangentFrame loss;
    private final SolverOptions subspaceOptions;
    /** The Gauss–Newton tracking's warm start: the k tracked Ritz vectors and one more (null before the first step). */
    private double[][] subspaceWarm;
    private final BatchMeans weightMeans;
    private final BatchMeans lossMeans;
    private final BatchMeans rotation;
    private double[][] pendingBasis;
    private double[][] pendingProducts;
    private long hessianProducts;
    private long gaussNewtonProducts;

    /**
     * The measurement of {@code cfg.lyapunov()} exponents for a network of {@code dimension}
     * parameters, fresh (restored null) or continued from a checkpoint's {@link State}.
     */
    public TangentExponents(TrainConfig cfg, int dimension, State restored) {
        this.dimension = dimension;
        this.k = cfg.topK();
        this.beta = cfg.beta();
        this.start = cfg.lyapunovTransient() / 2;
        this.transientSteps = cfg.lyapunovTransient();
        // No multiplicity check: copies of the k-th eigenvalue would make the subspace itself ill-defined (docs/train.md).
        this.subspaceOptions = SolverOptions.defaults().withTol(cfg.tol()).withMaxProducts(cfg.maxProducts())
                .withMultiplicityCheck(false);
        int stateDim = beta > 0 ? 2 * dimension : dimension;
        int lossDim = beta > 0 ? 2 * k : k;
        if (cfg.lyapunov() > stateDim) {
            throw new UserInputException("--lyapunov " + cfg.lyapunov() + " asks for more exponents than the " + stateDim
                    + " dimensions of the training map; lower it");
        }
        if (k > dimension) {
            throw new UserInputException("--top-k " + k + " exceeds the " + dimension + " parameters; lower it");
        }
        if (restored == null) {
            weights = initialFrame(cfg.lyapunov(), stateDim, cfg.seed());
            loss = TangentFrame.identity(lossDim, lossDim);
            int length = BatchMeans.batchLength(cfg.steps() - (long) transientSteps, BATCHES);
            weightMeans = new BatchMeans(cfg.lyapunov(), length);
            lossMeans = new BatchMeans(lossDim, length);
            rotation = new BatchMeans(1, length);
        } else {
            weights = new TangentFrame(restored.weightFrame());
            loss = new TangentFrame(restored.lossFrame());
            subspaceWarm = restored.subspaceVectors();
            weightMeans = BatchMeans.restore(restored.batchLength(), restored.weightCount(), restored.weightRows());
            lossMeans = BatchMeans.restore(restored.batchLength(), restored.lossCount(), restored.lossRows());
            rotation = BatchMeans.restore(restored.batchLength(), restored.rotationCount(), restored.rotationRows());
            pendingBasis = restored.pendingBasis();
            pendingProducts = restored.pendingProducts();
            hessianProducts = restored.hessianProducts();
            gaussNewtonProducts = restored.gaussNewtonProducts();
            if (weights.dimension() != stateDim || loss.dimension() != lossDim || weights.size() != cfg.lyapunov()) {
                throw new UserInputException("the checkpoint's Lyapunov state does not match --lyapunov " + cfg.lyapunov()
                        + " and --top-k " + k + "; resume with the run's own settings");
            }
        }
    }

    /** The weight-space frame a run of {@code seed} starts with: K random orthonormal vectors in the map's dimensions. */
    static TangentFrame initialFrame(int count, int stateDim, long seed) {
        return TangentFrame.random(count, stateDim, seed ^ 0x4c79617075L);
    }

    /** Whether step t does any work (the frames start at half the transient). */
    public boolean active(int t) {
        return t >= start;
    }

    /**
     * Step t at weights θ_t: tracks the Gauss–Newton subspace V_t ({@code gaussNewton} at θ_t),
     * completes the loss map of step t−1, and, unless {@code last} (the run ends at θ_t), maps both
     * frames with step t's tangent map at step size {@code eta}, {@code hessian} being the Hessian
     * of the loss that step descends, at θ_t.
     */
    public void step(int t, double eta, LinearOperator hessian, LinearOperator gaussNewton, boolean last) {
        if (!active(t)) return;
        Davidson.Tracked tracked = new Davidson().track(gaussNewton, k, GUARD,
                subspaceOptions.withWarmStart(subspaceWarm));
        gaussNewtonProducts += tracked.result().products();
        subspaceWarm = tracked.basis();
        double[][] basis = new double[k][];
        for (int i = 0; i < k; i++) basis[i] = tracked.result().vectors()[i].clone();
        if (pendingBasis != null) completeLossMap(t - 1, eta, basis);
        pendingBasis = null;
        pendingProducts = null;
        if (last) return;

        int kw = weights.size();
        double[][] in = new double[kw + k][];
        double[][] out = new double[kw + k][dimension];
        for (int i = 0; i < kw; i++) in[i] = beta > 0 ? Arrays.copyOf(weights.vectors()[i], dimension) : weights.vectors()[i];
        System.arraycopy(basis, 0, in, kw, k);
        hessian.applyBlock(in, out);
        hessianProducts += kw + k;

        double[][] images = new double[kw][];
        for (int i = 0; i < kw; i++) images[i] = tangentImage(weights.vectors()[i], out[i], eta);
        double[] logs = weights.advance(images);
        if (t >= transientSteps) weightMeans.add(logs);
        pendingBasis = basis;
        pendingProducts = Arrays.copyOfRange(out, kw, kw + k);
    }

    /** The image of tangent vector q under step t's map, given h = H_t·(θ-part of q). */
    private double[] tangentImage(double[] q, double[] h, double eta) {
        int p = dimension;
        if (beta == 0) {
            double[] y = new double[p];
            for (int i = 0; i < p; i++) y[i] = q[i] - eta * h[i];
            return y;
        }
        double[] y = new double[2 * p];
        for (int i = 0; i < p; i++) {
            double dv = beta * q[p + i] + h[i];
            y[p + i] = dv;
            y[i] = q[i] - eta * dv;
        }
        return y;
    }

    /**
     * The loss frame through step s's restricted map, now that V_{s+1} ({@code next}) is known:
     * O = V_{s+1}ᵀV_s, S = V_{s+1}ᵀH_sV_s; gd/sgd M = O − ηS; momentum, on (a, b) = coordinates of
     * (δθ, δv): b' = βOb + Sa, a' = Oa − ηb'.
     */
    private void completeLossMap(int s, double eta, double[][] next) {
        double[][] o = new double[k][k];
        double[][] sm = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                o[i][j] = dot(next[i], pendingBasis[j]);
                sm[i][j] = dot(next[i], pendingProducts[j]);
            }
        }
        int m = loss.size();
        double[][] images = new double[m][];
        for (int c = 0; c < m; c++) {
            double[] x = loss.vectors()[c];
            double[] y = new double[m];
            for (int i = 0; i < k; i++) {
                double oa = 0;
                double sa = 0;
                for (int j = 0; j < k; j++) {
                    oa += o[i][j] * x[j];
                    sa += sm[i][j] * x[j];
                }
                if (beta == 0) {
                    y[i] = oa - eta * sa;
                } else {
                    double ob = 0;
                    for (int j = 0; j < k; j++) ob += o[i][j] * x[k + j];
                    double b = beta * ob + sa;
                    y[k + i] = b;
                    y[i] = oa - eta * b;
                }
            }
            images[c] = y;
        }
        double[] logs = loss.advance(images);
        if (s >= transientSteps) {
            lossMeans.add(logs);
            DMatrixRMaj om = new DMatrixRMaj(o);
            rotation.add(new double[] {-Math.log(Math.abs(CommonOps_DDRM.det(om)))});
        }
    }

    /**
     * The running estimates for a metrics row: the K weight-space exponents, largest first, then the
     * largest loss exponent (NaN before the first averaged step).
     */
    public double[] running() {
        double[] w = sortedWithErrors(weightMeans.mean(), weightMeans.mean())[0];
        double[] out = Arrays.copyOf(w, w.length + 1);
        double[] l = lossMeans.mean();
        out[w.length] = lossMeans.count() == 0 ? Double.NaN : Arrays.stream(l).max().orElse(Double.NaN);
        return out;
    }

    /** The exponents averaged so far, each spectrum largest first with its standard errors. */
    public LyapunovExponents result() {
        double[][] w = sortedWithErrors(weightMeans.mean(), weightMeans.standardError());
        double[][] l = sortedWithErrors(lossMeans.mean(), lossMeans.standardError());
        return new LyapunovExponents(transientSteps, (int) weightMeans.count(), w[0], w[1], l[0][0], l[1][0], l[0], l[1],
                k, rotation.mean()[0], hessianProducts, gaussNewtonProducts);
    }

    /** The state to checkpoint (copies). */
    public State state() {
        return new State(copy(weights.vectors()), copy(loss.vectors()), copy(pendingBasis), copy(pendingProducts),
                copy(subspaceWarm), weightMeans.rows(), lossMeans.rows(), rotation.rows(), weightMeans.count(),
                lossMeans.count(), rotation.count(), weightMeans.batchLength(), hessianProducts, gaussNewtonProducts);
    }

    /** {values, errors} ordered by value, largest first (NaN values last). */
    private static double[][] sortedWithErrors(double[] values, double[] errors) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(orderKey(values[b]), orderKey(values[a])));
        double[][] out = new double[2][values.length];
        for (int i = 0; i < order.length; i++) {
            out[0][i] = values[order[i]];
            out[1][i] = errors[order[i]];
        }
        return out;
    }

    private static double orderKey(double x) {
        return Double.isNaN(x) ? Double.NEGATIVE_INFINITY : x;
    }

    private static double[][] copy(double[][] a) {
        if (a == null) return null;
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
