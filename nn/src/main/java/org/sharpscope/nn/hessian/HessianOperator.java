package org.sharpscope.nn.hessian;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.HostTensors;
import org.sharpscope.spectral.LinearOperator;

/**
 * The exact Hessian of the training loss with respect to the flattened parameters, through
 * Hessian-vector products ∇(∇L · v), computed in the objective's dtype and returned as doubles.
 *
 * <p><b>Retained graphs.</b> The examples are split into pieces (the objective's chunks). For a
 * piece whose graph is retained, ∇L_piece is computed once with create_graph (one forward and one
 * backward pass) and kept with its graph for as long as the weights do not change; each product is
 * then a single backward pass through it, with v as the gradient of the outputs — about 60% of the
 * cost of rebuilding the forward pass and first backward for every product (the PyTorch idiom).
 * The graphs are built by the first product at given weights; before every product the weights
 * are compared with a copy taken then (one pass over the parameters), and the graphs are rebuilt
 * when they differ, so products are always exact Hessian-vector products at the current weights.
 * {@link #release()} (or {@link #close()}) frees them early, e.g. before training continues.
 *
 * <p><b>Memory budget.</b> Retained graphs must fit {@code budget} bytes ({@link #defaultBudget()}:
 * {@value #MEMORY_PROPERTY} / {@value #MEMORY_ENV}, else a quarter of physical memory). The size
 * of a piece's graph is estimated once, linear in its examples, from the graphs of two small
 * batches ({@link GraphMemory}). Pieces are retained in order while the retained ones, plus room
 * for one more graph built and dropped per product, fit the budget; the rest are recomputed at
 * every product (the old cost). When even one chunk's graph exceeds the budget and the loss is a
 * plain sum over examples, the pieces are made smaller until one fits (automatic chunking, down to
 * {@value #MIN_PIECE} examples); with
 * batch normalisation the chunks define the loss and stay as they are. Budget 0 never retains
 * (every product rebuilds its graph, memory bounded by one chunk); {@link #UNLIMITED} retains every
 * chunk without estimating.
 *
 * <p><b>Overheads.</b> One copy of the vector (or block) in and one copy out per call; the
 * per-parameter pieces of v are views of it, and the products of all pieces are accumulated into
 * views of one flat result. {@link #applyBlock} converts a block at once and runs one backward
 * per vector through each retained graph (a recomputed piece is built once per block).
 */
public final class HessianOperator implements LinearOperator, AutoCloseable {
    /** System property with the graph memory budget, e.g. {@code 2g}, {@code 512m}, {@code 0}, {@code unlimited}. */
    public static final String MEMORY_PROPERTY = "sharpscope.hvp.memory";
    /** Environment variable read when the property is unset. */
    public static final String MEMORY_ENV = "SHARPSCOPE_HVP_MEMORY";
    /** A budget that retains every chunk's graph without estimating its size. */
    public static final long UNLIMITED = Long.MAX_VALUE;
    /**
     * Automatic chunking never makes pieces smaller than this many examples: below it the fixed
     * part of a graph (gradient-sized tensors) dominates and per-piece overheads grow.
     */
    static final int MIN_PIECE = 32;

    private final TrainingObjective objective;
    private final TensorVector params;
    private final long budget;
    private long products;
    private long graphsBuilt;
    private Plan plan;
    private int[] starts;
    private int[] counts;
    private Piece[] retained;
    private Tensor[] snapshot;
    private boolean snapshotValid;

    /**
     * How the operator evaluates products: the pieces (ranges of examples), how many of them keep
     * their graph, and the size estimate behind the choice.
     *
     * @param pieces          number of pieces the examples are split into
     * @param examplesPerPiece examples in each piece (the last may have fewer)
     * @param retainedPieces  pieces whose graph is kept (the first ones)
     * @param fixedBytes      estimated graph bytes of a piece independent of its size (0 when not estimated)
     * @param bytesPerExample estimated graph bytes per example (0 when not estimated)
     * @param budgetBytes     the memory budget
     */
    public record Plan(int pieces, int examplesPerPiece, int retainedPieces, long fixedBytes, long bytesPerExample,
                       long budgetBytes) {
        /** Estimated bytes of the retained graphs (0 when not estimated). */
        public long retainedBytes() {
            return retainedPieces * (fixedBytes + (long) examplesPerPiece * bytesPerExample);
        }

        /** True when every piece keeps its graph (each product is one backward pass per piece). */
        public boolean allRetained() {
            return retainedPieces == pieces;
        }
    }

    /** A piece's ∇L with its graph: the gradients that depend on the weights, and their parameter indices. */
    private record Piece(TensorVector outputs, int[] index) {
        void free() {
            outputs.releaseReference();
        }
    }

    /** The Hessian with the default graph memory budget ({@link #defaultBudget()}). */
    public HessianOperator(TrainingObjective objective) {
        this(objective, defaultBudget());
    }

    /** The Hessian with a graph memory budget in bytes (0: never retain; {@link #UNLIMITED}: always). */
    public HessianOperator(TrainingObjective objective, long budgetBytes) {
        if (budgetBytes < 0) throw new IllegalArgumentException("memory budget must be >= 0, got " + budgetBytes);
        this.objective = objective;
        this.params = objective.paramVector();
        this.budget = budgetBytes;
    }

    /**
     * The graph memory budget: {@value #MEMORY_PROPERTY} (system property) or {@value #MEMORY_ENV}
     * (environment) when set, else a quarter of the machine's physical memory.
     */
    public static long defaultBudget() {
        String s = System.getProperty(MEMORY_PROPERTY);
        if (s == null || s.isBlank()) s = System.getenv(MEMORY_ENV);
        if (s != null && !s.isBlank()) return parseBytes(s);
        long total = org.bytedeco.javacpp.Pointer.totalPhysicalBytes();
        return total > 0 ? total / 4 : 2L << 30;
    }

    /** Parses {@code 123}, {@code 64k}, {@code 512m}, {@code 2g}, {@code 1t} (binary units) or {@code unlimited}. */
    public static long parseBytes(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("unlimited") || s.equals("inf")) return UNLIMITED;
        long unit = 1;
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        if (s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
            last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        }
        switch (last) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            case 't' -> unit = 1L << 40;
            default -> unit = 1;
        }
        if (unit != 1) s = s.substring(0, s.length() - 1);
        try {
            double v = Double.parseDouble(s.trim());
            if (!(v >= 0) || Double.isInfinite(v)) throw new NumberFormatException();
            return (long) Math.min(v * unit, (double) (UNLIMITED - 1));
        } catch (NumberFormatException e) {
            throw new UserInputException("cannot read the Hessian graph memory budget '" + text
                    + "' (" + MEMORY_PROPERTY + " / " + MEMORY_ENV + "): use e.g. 2g, 512m, 0 or unlimited");
        }
    }

    public TrainingObjective objective() {
        return objective;
    }

    @Override
    public int dimension() {
        return objective.dimension();
    }

    /** Products computed so far (a block of b counts b). */
    public long products() {
        return products;
    }

    /** Piece graphs built so far (retained or not): the forward + first-backward passes paid. */
    public long graphsBuilt() {
        return graphsBuilt;
    }

    /** The memory budget in bytes. */
    public long budget() {
        return budget;
    }

    /** How products are evaluated (decided on first use; estimating sizes the first time). */
    public Plan plan() {
        if (plan == null) decide();
        return plan;
    }

    /** Frees the retained graphs now; the next product rebuilds them. */
    public void release() {
        if (retained != null) {
            for (int i = 0; i < retained.length; i++) {
                if (retained[i] != null) {
                    retained[i].free();
                    retained[i] = null;
                }
            }
        }
        snapshotValid = false;
    }

    /** Frees the retained graphs and the copy of the weights; the operator stays usable. */
    @Override
    public void close() {
        release();
        if (snapshot != null) {
            for (Tensor t : snapshot) t.releaseReference();
            snapshot = null;
        }
    }

    /**
     * Builds now the graphs that are retained at the current weights (otherwise the next product
     * does), e.g. to time graph building and products apart.
     */
    public void prepare() {
        try (PointerScope scope = new PointerScope()) {
            if (plan == null) decide();
            dropIfWeightsChanged();
            for (int p = 0; p < plan.retainedPieces(); p++) {
                if (retained[p] == null) {
                    Piece piece = build(p);
                    piece.outputs().retainReference();
                    retained[p] = piece;
                    takeSnapshot();
                }
            }
        }
    }

    @Override
    public void apply(double[] x, double[] y) {
        applyBlock(new double[][] {x}, new double[][] {y});
    }

    @Override
    public void applyBlock(double[][] xs, double[][] ys) {
        int b = xs.length;
        if (b == 0) return;
        int n = dimension();
        try (PointerScope scope = new PointerScope()) {
            if (plan == null) decide();
            dropIfWeightsChanged();
            double[] packed = new double[b * n];
            for (int j = 0; j < b; j++) System.arraycopy(xs[j], 0, packed, j * n, n);
            Tensor v = HostTensors.fromDoubles(packed, new long[] {b, n}, objective.parameters().dtype());
            Tensor acc = torch.zeros_like(v);
            TensorVector[] vParts = new TensorVector[b];
            TensorVector[] accParts = new TensorVector[b];
            for (int j = 0; j < b; j++) {
                vParts[j] = objective.split(v.select(0, j));
                accParts[j] = objective.split(acc.select(0, j));
            }
            for (int p = 0; p < starts.length; p++) {
                Piece piece = retained[p];
                boolean keep = p < plan.retainedPieces();
                if (piece == null) {
                    piece = build(p);
                    if (keep) {
                        piece.outputs().retainReference();
                        retained[p] = piece;
                        takeSnapshot();
                    }
                }
                if (piece.index().length == 0) continue; // the gradient does not depend on the weights here
                for (int j = 0; j < b; j++) {
                    TensorVector gout = new TensorVector(piece.index().length);
                    for (int k = 0; k < piece.index().length; k++) gout.put(k, vParts[j].get(piece.index()[k]));
                    boolean retain = keep || j < b - 1;
                    TensorVector hv = torch.grad(piece.outputs(), params, gout, new BoolOptional(retain), false, true);
                    for (int i = 0; i < hv.size(); i++) {
                        Tensor t = hv.get(i);
                        if (t.defined()) accParts[j].get(i).add_(t);
                    }
                }
            }
            double[] out = HostTensors.toDoubles(acc);
            for (int j = 0; j < b; j++) System.arraycopy(out, j * n, ys[j], 0, n);
        }
        products += b;
    }

    /** ∇L of piece p with create_graph: the gradients that depend on the weights. */
    private Piece build(int p) {
        Tensor loss = objective.rangeLoss(starts[p], counts[p]);
        TensorVector g = torch.grad(new TensorVector(loss), params, new TensorVector(), new BoolOptional(true), true, true);
        graphsBuilt++;
        List<Tensor> outs = new ArrayList<>();
        int[] index = new int[(int) g.size()];
        int m = 0;
        for (int i = 0; i < g.size(); i++) {
            Tensor t = g.get(i);
            if (t.defined() && t.requires_grad()) {
                outs.add(t);
                index[m++] = i;
            }
        }
        return new Piece(new TensorVector(outs.toArray(new Tensor[0])), Arrays.copyOf(index, m));
    }

    /** Copies the current weights (the state the retained graphs belong to). */
    private void takeSnapshot() {
        if (snapshotValid) return;
        if (snapshot == null) {
            snapshot = new Tensor[(int) params.size()];
            for (int i = 0; i < snapshot.length; i++) {
                snapshot[i] = params.get(i).detach().clone();
                snapshot[i].retainReference();
            }
        } else {
            for (int i = 0; i < snapshot.length; i++) snapshot[i].copy_(params.get(i).detach());
        }
        snapshotValid = true;
    }

    /** Drops the retained graphs when the weights differ from those they were built at. */
    private void dropIfWeightsChanged() {
        if (!snapshotValid) return;
        for (int i = 0; i < snapshot.length; i++) {
            if (!torch.equal(params.get(i).detach(), snapshot[i])) {
                release();
                return;
            }
        }
    }

    /** Chooses the pieces and how many keep their graph (see the class comment). */
    private void decide() {
        int size = objective.size();
        int chunk = objective.chunkSize();
        long fixed = 0;
        long perExample = 0;
        int pieceSize = chunk;
        int keep;
        int pieces = (size + chunk - 1) / chunk;
        if (budget == 0) {
            keep = 0;
        } else if (budget == UNLIMITED) {
            keep = pieces;
        } else {
            long[] model = estimate();
            fixed = model[0];
            perExample = model[1];
            if (fixed + perExample * (long) chunk > budget && objective.rangesAreExact()) {
                long fit = perExample == 0 ? chunk : (budget - fixed) / perExample;
                pieceSize = (int) Math.max(Math.min(MIN_PIECE, chunk), Math.min(chunk, fit));
                pieces = (size + pieceSize - 1) / pieceSize;
            }
            long full = fixed + perExample * pieceSize;
            keep = 0;
            long used = 0;
            for (int p = 0; p < pieces; p++) {
                int count = Math.min(pieceSize, size - p * pieceSize);
                long cost = fixed + perExample * count;
                long reserve = p + 1 < pieces ? full : 0; // room for the graphs built per product
                if (used + cost + reserve > budget) break;
                used += cost;
                keep++;
            }
        }
        starts = new int[pieces];
        counts = new int[pieces];
        for (int p = 0; p < pieces; p++) {
            starts[p] = p * pieceSize;
            counts[p] = Math.min(pieceSize, size - starts[p]);
        }
        retained = new Piece[pieces];
        plan = new Plan(pieces, pieceSize, keep, fixed, perExample, budget);
    }

    /** {fixed bytes, bytes per example} of a piece's graph, from the graphs of two small batches. */
    private long[] estimate() {
        int size = objective.size();
        int m1 = Math.min(4, size);
        int m2 = Math.min(16, size);
        long b1 = measure(m1);
        if (m2 == m1) return new long[] {0, (b1 + m1 - 1) / m1};
        long b2 = measure(m2);
        long perExample = Math.max(0, (b2 - b1 + (m2 - m1) - 1) / (m2 - m1));
        long fixed = Math.max(0, b1 - perExample * m1);
        return new long[] {fixed, perExample};
    }

    private long measure(int examples) {
        try (PointerScope scope = new PointerScope()) {
            Tensor loss = objective.rangeLoss(0, examples);
            TensorVector g = torch.grad(new TensorVector(loss), params, new TensorVector(), new BoolOptional(true), true, true);
            return GraphMemory.bytes(g);
        }
    }
}
