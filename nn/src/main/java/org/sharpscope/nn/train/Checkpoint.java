package org.sharpscope.nn.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.model.Network;
import org.sharpscope.nn.model.ParameterSpec;
import org.sharpscope.nn.model.Parameters;
import org.sharpscope.run.Json;
import org.sharpscope.run.Safetensors;

/**
 * Network weights as one safetensors file: one tensor per parameter under its PyTorch
 * state_dict name, in the run's dtype, then the network's {@link Network#stateDictExtras} (a
 * TorchScript module's buffers), so {@code load_state_dict} reads the file once any
 * {@code optimizer.*}, {@code tracker.*} and {@code lyapunov.*} entries are dropped. Two kinds:
 *
 * <ul>
 *   <li>weights alone ({@link #save}, metadata {@code format: pt} and {@code sharpscope_model},
 *       the network description with every multiplier, so the model can be rebuilt elsewhere);</li>
 *   <li>a training checkpoint ({@link #write}): everything needed to continue a run exactly from
 *       step {@code step} (after its probe, before its update) — the weights θ_t, the momentum
 *       buffer (null without momentum), the LOBPCG warm-start vectors of the Hessian and NTK
 *       trackers (null when none) under {@code optimizer.*} and {@code tracker.*} in F64, and the
 *       learning rate η, initial sharpness λ₀ and the SHA-256 of each file the run's network and
 *       examples were read from ({@code fingerprint}, by flag; empty for built-in ones) in the
 *       string metadata; with Lyapunov exponents, their run state ({@link TangentExponents.State})
 *       under {@code lyapunov.*} (tensors in F64, counters in the metadata).</li>
 * </ul>
 * {@link #load} reads the weights of either kind.
 */
public record Checkpoint(int step, Map<String, double[]> weights, double[] momentum, double[][] hessianVectors,
                         double[][] ntkVectors, double eta, double lambda0, Map<String, String> fingerprint,
                         TangentExponents.State tangent) {
    public static final String MOMENTUM = "optimizer.momentum_buffer";
    public static final String HESSIAN_VECTORS = "tracker.hessian_vectors";
    public static final String NTK_VECTORS = "tracker.ntk_vectors";
    /** Name prefix of the Lyapunov state's tensors and metadata. */
    public static final String LYAPUNOV = "lyapunov.";
    /** Metadata key of the network description in a weights-only file. */
    public static final String MODEL_KEY = "sharpscope_model";
    private static final String TRAINING_FORMAT = "sharpscope-train-checkpoint-1";
    /** Metadata key prefix of the fingerprint entries, followed by the flag ("sha256 --model-file"). */
    private static final String SHA256 = "sha256 ";

    /** File name of the checkpoint of step {@code step}: {@code step-00000123.safetensors}. */
    public static String fileName(int step) {
        return String.format("step-%08d.safetensors", step);
    }

    /** Writes this training checkpoint atomically; {@code network} names and shapes the weights. */
    public void write(Path file, Network network, String dtypeName) {
        Map<String, Safetensors.Tensor> t = weightTensors(network, weights, dtypeName);
        if (momentum != null) t.put(MOMENTUM, Safetensors.Tensor.ofDoubles(momentum, new long[] {momentum.length}, "F64"));
        if (hessianVectors != null) t.put(HESSIAN_VECTORS, block(hessianVectors));
        if (ntkVectors != null) t.put(NTK_VECTORS, block(ntkVectors));
        Map<String, String> meta = new LinkedHashMap<>();
        if (tangent != null) writeTangent(tangent, t, meta);
        meta.put("format", TRAINING_FORMAT);
        meta.put("step", Integer.toString(step));
        meta.put("eta", Double.toString(eta));
        meta.put("lambda0", Double.toString(lambda0));
        meta.put("architecture", Json.toJson(network.description()).replaceAll("\\s+", " "));
        fingerprint.forEach((flag, sha) -> meta.put(SHA256 + flag, sha));
        Safetensors.write(file, t, meta);
    }

    /** Reads a training checkpoint written by {@link #write}. */
    public static Checkpoint read(Path file, Network network) {
        Safetensors.Contents c = Safetensors.read(file);
        Map<String, String> meta = c.metadata();
        if (!TRAINING_FORMAT.equals(meta.get("format"))) {
            throw new UserInputException(file + " is not a sharpscope train checkpoint (no format marker)");
        }
        Map<String, double[]> w = new LinkedHashMap<>();
        for (ParameterSpec s : network.parameters()) {
            Safetensors.Tensor x = c.tensors().get(s.name());
            if (x == null) {
                throw new UserInputException(file + " has no tensor '" + s.name() + "'; it belongs to a different model");
            }
            w.put(s.name(), x.toDoubles());
        }
        Safetensors.Tensor m = c.tensors().get(MOMENTUM);
        return new Checkpoint(Integer.parseInt(meta.get("step")), w, m == null ? null : m.toDoubles(),
                unblock(c.tensors().get(HESSIAN_VECTORS)), unblock(c.tensors().get(NTK_VECTORS)),
                Double.parseDouble(meta.get("eta")), Double.parseDouble(meta.get("lambda0")), fingerprint(meta),
                readTangent(c.tensors(), meta));
    }

    private static void writeTangent(TangentExponents.State s, Map<String, Safetensors.Tensor> t, Map<String, String> meta) {
        t.put(LYAPUNOV + "weight_frame", block(s.weightFrame()));
        t.put(LYAPUNOV + "loss_frame", block(s.lossFrame()));
        if (s.pendingBasis() != null) {
            t.put(LYAPUNOV + "pending_basis", block(s.pendingBasis()));
            t.put(LYAPUNOV + "pending_products", block(s.pendingProducts()));
        }
        if (s.subspaceVectors() != null) t.put(LYAPUNOV + "subspace_vectors", block(s.subspaceVectors()));
        t.put(LYAPUNOV + "weight_sums", block(s.weightRows()));
        t.put(LYAPUNOV + "loss_sums", block(s.lossRows()));
        t.put(LYAPUNOV + "rotation_sums", block(s.rotationRows()));
        meta.put(LYAPUNOV + "weight_count", Long.toString(s.weightCount()));
        meta.put(LYAPUNOV + "loss_count", Long.toString(s.lossCount()));
        meta.put(LYAPUNOV + "rotation_count", Long.toString(s.rotationCount()));
        meta.put(LYAPUNOV + "batch_length", Integer.toString(s.batchLength()));
        meta.put(LYAPUNOV + "hessian_products", Long.toString(s.hessianProducts()));
        meta.put(LYAPUNOV + "gauss_newton_products", Long.toString(s.gaussNewtonProducts()));
    }

    /** The Lyapunov state of a checkpoint, or null when the run measured none. */
    private static TangentExponents.State readTangent(Map<String, Safetensors.Tensor> t, Map<String, String> meta) {
        if (!t.containsKey(LYAPUNOV + "weight_frame")) return null;
        return new TangentExponents.State(unblock(t.get(LYAPUNOV + "weight_frame")), unblock(t.get(LYAPUNOV + "loss_frame")),
                unblock(t.get(LYAPUNOV + "pending_basis")), unblock(t.get(LYAPUNOV + "pending_products")),
                unblock(t.get(LYAPUNOV + "subspace_vectors")), unblock(t.get(LYAPUNOV + "weight_sums")),
                unblock(t.get(LYAPUNOV + "loss_sums")), unblock(t.get(LYAPUNOV + "rotation_sums")),
                Long.parseLong(meta.get(LYAPUNOV + "weight_count")), Long.parseLong(meta.get(LYAPUNOV + "loss_count")),
                Long.parseLong(meta.get(LYAPUNOV + "rotation_count")), Integer.parseInt(meta.get(LYAPUNOV + "batch_length")),
                Long.parseLong(meta.get(LYAPUNOV + "hessian_products")),
                Long.parseLong(meta.get(LYAPUNOV + "gauss_newton_products")));
    }

    /**
     * The SHA-256 by flag of the files the run of a training checkpoint read (empty for a built-in
     * network), read before its weights so that a changed module is named as such.
     */
    public static Map<String, String> fingerprint(Path file) {
        return fingerprint(Safetensors.read(file).metadata());
    }

    private static Map<String, String> fingerprint(Map<String, String> meta) {
        Map<String, String> f = new LinkedHashMap<>();
        meta.forEach((k, v) -> {
            if (k.startsWith(SHA256)) f.put(k.substring(SHA256.length()), v);
        });
        return f;
    }

    /** Writes the weights alone, atomically; {@code metadata} adds string entries (source, ...). */
    public static void save(Path path, Parameters params, Map<String, String> metadata) {
        Map<String, Safetensors.Tensor> tensors = weightTensors(params.network(), params.byName(),
                params.dtype().safetensorsName());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put(MODEL_KEY, Json.JSON.valueToTree(params.network().description()).toString());
        if (metadata != null) meta.putAll(metadata);
        Safetensors.write(path, tensors, meta);
    }

    /** Loads the weights of either kind of file for {@code network} (names and shapes must match) in {@code dtype}. */
    public static Parameters load(Path path, Network network, Dtype dtype) {
        if (Files.isDirectory(path)) {
            throw new UserInputException("checkpoint " + path + " is a directory; give --checkpoint a .safetensors file (e.g. "
                    + path.resolve("checkpoints") + "/step-NNNNNNNN.safetensors of a train run)");
        }
        if (!Files.isRegularFile(path)) {
            throw new UserInputException("checkpoint " + path + " does not exist; check --checkpoint");
        }
        Safetensors.Contents c = Safetensors.read(path);
        Map<String, double[]> values = new LinkedHashMap<>();
        for (ParameterSpec s : network.parameters()) {
            Safetensors.Tensor t = c.tensors().get(s.name());
            if (t != null && !Arrays.equals(t.shape(), s.shape())) {
                throw new UserInputException("checkpoint " + path + " has " + s.name() + " of shape "
                        + Arrays.toString(t.shape()) + ", the model expects " + Arrays.toString(s.shape())
                        + "; use the flags the checkpoint was saved with");
            }
            if (t != null) values.put(s.name(), finite(path, s.name(), t.toDoubles()));
        }
        return Parameters.of(network, dtype, values);
    }

    /**
     * The weights of a tensor, refused when one is NaN or infinite (a diverged run's): every
     * eigenvalue computed from them would be NaN, printed as if it were a result.
     */
    private static double[] finite(Path path, String tensor, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new UserInputException("checkpoint " + path + ": tensor " + tensor + " has the non-finite weight "
                        + values[i] + " at index " + i + " (a diverged run?); give a checkpoint of finite weights");
            }
        }
        return values;
    }

    /** The checkpoint with the highest step in {@code dir}, or null when there is none. */
    public static Path latest(Path dir) {
        if (!Files.isDirectory(dir)) return null;
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().matches("step-\\d{8}\\.safetensors")).sorted().toList();
            return files.isEmpty() ? null : files.get(files.size() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Safetensors.Tensor> weightTensors(Network network, Map<String, double[]> values, String dtypeName) {
        Map<String, Safetensors.Tensor> t = new LinkedHashMap<>();
        for (ParameterSpec s : network.parameters()) {
            t.put(s.name(), Safetensors.Tensor.ofDoubles(values.get(s.name()), s.shape(), dtypeName));
        }
        t.putAll(network.stateDictExtras(values, dtypeName));
        return t;
    }

    private static Safetensors.Tensor block(double[][] rows) {
        int n = rows[0].length;
        double[] flat = new double[rows.length * n];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * n, n);
        return Safetensors.Tensor.ofDoubles(flat, new long[] {rows.length, n}, "F64");
    }

    private static double[][] unblock(Safetensors.Tensor t) {
        if (t == null) return null;
        double[] flat = t.toDoubles();
        int k = (int) t.shape()[0];
        int n = (int) t.shape()[1];
        double[][] rows = new double[k][];
        for (int i = 0; i < k; i++) rows[i] = Arrays.copyOfRange(flat, i * n, (i + 1) * n);
        return rows;
    }
}
