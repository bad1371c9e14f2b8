package org.sharpscope.nn.torchscript;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.NamedJitModule;
import org.bytedeco.pytorch.NamedTensor;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.bytedeco.pytorch.named_buffer_iterator;
import org.bytedeco.pytorch.named_buffer_list;
import org.bytedeco.pytorch.named_module_iterator;
import org.bytedeco.pytorch.named_module_list;
import org.bytedeco.pytorch.named_parameter_iterator;
import org.bytedeco.pytorch.named_parameter_list;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.HostTensors;
import org.sharpscope.nn.model.Network;
import org.sharpscope.nn.model.ParameterSpec;
import org.sharpscope.run.Safetensors;

/**
 * A researcher's own PyTorch model, saved with {@code torch.jit.script(model).save(FILE)} or
 * {@code torch.jit.trace(model, example).save(FILE)}, as a {@link Network}: its parameters are the
 * module's {@code named_parameters()} (names, shapes and order of PyTorch; initial values the
 * module's own, see {@link #initialValues()}), and {@link #forward} runs the module's own forward.
 *
 * <p><b>Binding.</b> A TorchScript module reads each parameter from a slot of its (sub)module
 * object at run time ({@code prim::GetAttr}). Before each call, {@link #body} points every
 * parameter slot at the tensor given for it (the leaf tensors of {@code Parameters}, or any
 * tensors with autograd history) and, after it, back at the file's tensor. The graph is run by the
 * interpreter with the graph executor's optimisations switched off ({@code setGraphExecutorOptimize},
 * a thread-local libtorch flag, set and restored around each call), so every op is an ordinary
 * autograd-recorded op (no fused or symbolically differentiated subgraphs): the
 * outputs are differentiable in the given tensors to any order, exactly as in eager PyTorch, and
 * double-backward Hessian-vector products are those of the eager module. Tied parameters (one
 * tensor in several slots) are one parameter, bound to all its slots. Forward calls are
 * serialised on this object (the slots are shared state).
 *
 * <p><b>Buffers.</b> Buffers (BatchNorm running statistics, …) are constants of the function: each
 * call binds fresh copies of the file's values (converted, when floating point, to the dtype of the
 * given parameters, as PyTorch's {@code module.double()} does), so a train-mode pass that updates
 * running statistics in place changes only its copy. The {@link ModuleMode} says whether the
 * module runs in eval mode (running statistics; the default) or train mode (batch statistics).
 * Checkpoints carry the buffers and tied names ({@link #stateDictExtras}) so that they are
 * complete state_dicts for {@code load_state_dict}.
 *
 * <p>The module is loaded on the CPU; its native objects live until {@link #close()}.
 */
public final class TorchScriptNetwork extends Network implements AutoCloseable {
    private record Slot(JitModule owner, String attribute) {}

    private record Buffer(String name, Slot slot, Tensor original) {}

    private final Path file;
    private final String sha256;
    private final ModuleMode mode;
    private final JitModule module;
    private final long[] inputShape;
    private final long[] outputShape;
    private final int outputs;
    /** Per parameter, the slots it is bound to (more than one when tied). */
    private final List<List<Slot>> slots = new ArrayList<>();
    /** Per parameter, the names of its further slots (tied parameters). */
    private final List<List<String>> aliases = new ArrayList<>();
    /** Per parameter, the module's own tensor (for recognising tied slots) and a detached alias of it. */
    private final List<Tensor> identities = new ArrayList<>();
    private final List<Tensor> originals = new ArrayList<>();
    private final List<Buffer> buffers = new ArrayList<>();
    /** The buffers converted to a dtype (by ScalarType value), made on first use. */
    private final Map<Integer, Tensor[]> converted = new HashMap<>();
    private final List<Pointer> owned = new ArrayList<>();
    private final Map<String, double[]> initial = new LinkedHashMap<>();
    private boolean closed;

    private TorchScriptNetwork(Path file, ModuleMode mode, long[] inputShape) {
        this.file = file;
        this.mode = mode;
        this.inputShape = inputShape.clone();
        this.sha256 = sha256(file);
        try (PointerScope scope = new PointerScope()) {
            JitModule m = null;
            try {
                m = torch.load(file.toString());
            } catch (RuntimeException e) {
                throw new UserInputException("--model-file " + file + " is not a TorchScript file (" + summary(e)
                        + "); save the model with torch.jit.script(model).save(FILE) or torch.jit.trace(model, example).save(FILE)", e);
            }
            this.module = keep(m);
            try {
                Map<String, JitModule> modules = modules(m);
                if (mode == ModuleMode.TRAIN) refuseDropout(modules);
                m.train(mode == ModuleMode.TRAIN);
                collectParameters(m, modules);
                collectBuffers(m, modules);
                this.outputShape = probe();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            long k = 1;
            for (long s : outputShape) k *= s;
            this.outputs = Math.toIntExact(k);
        }
    }

    /**
     * Loads the module in {@code file} for inputs of shape [batch, ...{@code inputShape}] and
     * runs it once on zeros [2, ...inputShape] to check that it accepts them and to learn its
     * output shape. Every problem (not TorchScript, no parameters, inputs of the wrong shape,
     * output not one tensor [batch, ...]) is a one-line {@link UserInputException}.
     */
    public static TorchScriptNetwork load(Path file, long[] inputShape, ModuleMode mode) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("--model-file " + file + " does not exist; give the file saved by torch.jit.save");
        }
        return new TorchScriptNetwork(file, mode, inputShape);
    }

    private <T extends Pointer> T keep(T p) {
        p.retainReference();
        owned.add(p);
        return p;
    }

    private static Map<String, JitModule> modules(JitModule m) {
        Map<String, JitModule> out = new HashMap<>();
        named_module_list list = m.named_modules();
        named_module_iterator end = list.end();
        for (named_module_iterator it = list.begin(); it.notEquals(end); it.increment()) {
            NamedJitModule nm = it.access();
            out.put(string(nm.name()), new JitModule(nm.value()));
        }
        out.putIfAbsent("", m);
        return out;
    }

    private void refuseDropout(Map<String, JitModule> modules) {
        for (Map.Entry<String, JitModule> e : modules.entrySet()) {
            String type = e.getValue().type().str().getString();
            if (type.toLowerCase().contains("dropout")) {
                throw new UserInputException("--model-file " + file + " has a dropout layer ('" + e.getKey() + "', " + type
                        + "): in train mode its outputs are random and the Hessian is undefined; use module mode eval");
            }
        }
    }

    private Slot slot(String name, Map<String, JitModule> modules) {
        int dot = name.lastIndexOf('.');
        JitModule owner = modules.get(dot < 0 ? "" : name.substring(0, dot));
        if (owner == null) throw new IllegalStateException("no submodule owns " + name);
        return new Slot(keep(owner), name.substring(dot + 1));
    }

    private void collectParameters(JitModule m, Map<String, JitModule> modules) {
        named_parameter_list list = m.named_parameters(true);
        named_parameter_iterator end = list.end();
        for (named_parameter_iterator it = list.begin(); it.notEquals(end); it.increment()) {
            NamedTensor nt = it.access();
            String name = string(nt.name());
            Tensor t = nt.value();
            int same = -1;
            for (int i = 0; i < identities.size(); i++) if (identities.get(i).is_same(t)) same = i;
            if (same >= 0) { // a tied parameter: one more slot of an earlier one
                slots.get(same).add(slot(name, modules));
                aliases.get(same).add(name);
                continue;
            }
            if (!t.is_floating_point()) {
                throw new UserInputException("--model-file " + file + ": parameter '" + name + "' is not floating point; "
                        + "only floating-point parameters can be trained");
            }
            identities.add(keep(t));
            Tensor detached = keep(t.detach());
            originals.add(detached);
            List<Slot> s = new ArrayList<>();
            s.add(slot(name, modules));
            slots.add(s);
            aliases.add(new ArrayList<>());
            add(ParameterSpec.constant(name, HostTensors.shape(detached), 0));
            initial.put(name, HostTensors.toDoubles(detached));
        }
        if (originals.isEmpty()) {
            throw new UserInputException("--model-file " + file + " has no parameters (a module frozen with torch.jit.freeze "
                    + "keeps its weights as constants); save the module before freezing it");
        }
    }

    private void collectBuffers(JitModule m, Map<String, JitModule> modules) {
        named_buffer_list list = m.named_buffers(true);
        named_buffer_iterator end = list.end();
        for (named_buffer_iterator it = list.begin(); it.notEquals(end); it.increment()) {
            NamedTensor nt = it.access();
            String name = string(nt.name());
            buffers.add(new Buffer(name, slot(name, modules), keep(nt.value().detach().clone())));
        }
    }

    /** Per-example output shape, from one no-grad pass on zeros [2, ...inputShape]. */
    private long[] probe() {
        long[] shape = new long[inputShape.length + 1];
        shape[0] = 2;
        System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
        ScalarType dtype = originals.get(0).scalar_type();
        try (NoGradGuard guard = new NoGradGuard()) {
            Tensor x = torch.zeros(shape, new TensorOptions(dtype));
            Tensor out = run(originals, x);
            long[] s = HostTensors.shape(out);
            return Arrays.copyOfRange(s, 1, s.length);
        }
    }

    public Path file() {
        return file;
    }

    /** SHA-256 of the module file (hex), recorded in the description. */
    public String sha256() {
        return sha256;
    }

    public ModuleMode mode() {
        return mode;
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    /** The module's output shape per example ([] for outputs [batch]); {@link #outputs()} is its size. */
    public long[] outputShape() {
        return outputShape.clone();
    }

    @Override
    public int outputs() {
        return outputs;
    }

    /** The module's own parameter values (as saved), by name; a fresh copy each call. */
    @Override
    public Map<String, double[]> initialValues() {
        Map<String, double[]> out = new LinkedHashMap<>();
        initial.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /** Outputs [batch, outputs] (the module's output with the per-example axes flattened). */
    @Override
    protected Tensor body(List<Tensor> params, Tensor input) {
        Tensor out = run(params, input);
        return out.reshape(out.size(0), outputs);
    }

    /** The module's output for {@code input} with its parameter slots bound to {@code params}. */
    private synchronized Tensor run(List<Tensor> params, Tensor input) {
        if (closed) throw new IllegalStateException("network is closed");
        if (params.size() != slots.size()) {
            throw new IllegalArgumentException("need " + slots.size() + " parameter tensors, got " + params.size());
        }
        Tensor[] bufs = buffersFor(params.get(0).scalar_type());
        boolean optimize = torch.getGraphExecutorOptimize();
        torch.setGraphExecutorOptimize(false);
        try {
            for (int i = 0; i < slots.size(); i++) {
                for (Slot s : slots.get(i)) s.owner().setattr(s.attribute(), new IValue(params.get(i)));
            }
            for (int j = 0; j < bufs.length; j++) {
                buffers.get(j).slot().owner().setattr(buffers.get(j).slot().attribute(), new IValue(bufs[j].clone()));
            }
            IValue out;
            try {
                out = module.forward(new IValueVector(new IValue(input)));
            } catch (RuntimeException e) {
                throw new UserInputException("--model-file " + file + " fails on inputs of shape "
                        + Arrays.toString(HostTensors.shape(input)) + " (" + summary(e) + "); the data's 'inputs' must be "
                        + "[examples, ...] with the input shape forward expects", e);
            }
            if (!out.isTensor()) {
                throw new UserInputException("--model-file " + file + ": forward returns " + out.tagKind().getString()
                        + ", not one tensor; make forward return the outputs [batch, ...] as a single tensor");
            }
            Tensor t = out.toTensor();
            if (t.dim() < 1 || t.size(0) != input.size(0) || !t.is_floating_point()) {
                throw new UserInputException("--model-file " + file + ": forward maps a batch of " + input.size(0)
                        + " inputs to a tensor of shape " + Arrays.toString(HostTensors.shape(t)) + " of " + t.scalar_type()
                        + "; it must return floating-point outputs [batch, ...] with the batch first");
            }
            return t;
        } finally {
            for (int i = 0; i < slots.size(); i++) {
                for (Slot s : slots.get(i)) s.owner().setattr(s.attribute(), new IValue(originals.get(i)));
            }
            for (Buffer b : buffers) b.slot().owner().setattr(b.slot().attribute(), new IValue(b.original()));
            torch.setGraphExecutorOptimize(optimize);
        }
    }

    /** The file's buffers in {@code dtype} (floating ones converted, others as they are), cached. */
    private Tensor[] buffersFor(ScalarType dtype) {
        return converted.computeIfAbsent((int) dtype.value, k -> {
            Tensor[] out = new Tensor[buffers.size()];
            for (int j = 0; j < out.length; j++) {
                Tensor b = buffers.get(j).original();
                out[j] = keep(b.is_floating_point() ? b.to(dtype) : b.clone());
            }
            return out;
        });
    }

    /** The buffers (in the run's dtype; integer ones as I64) and the second names of tied parameters. */
    @Override
    public Map<String, Safetensors.Tensor> stateDictExtras(Map<String, double[]> weights, String dtypeName) {
        Map<String, Safetensors.Tensor> out = new LinkedHashMap<>();
        for (Buffer b : buffers) {
            Tensor t = b.original();
            double[] v = HostTensors.toDoubles(t);
            long[] shape = HostTensors.shape(t);
            if (t.is_floating_point()) {
                out.put(b.name(), Safetensors.Tensor.ofDoubles(v, shape, dtypeName));
            } else {
                long[] l = new long[v.length];
                for (int i = 0; i < l.length; i++) l[i] = (long) v[i];
                out.put(b.name(), Safetensors.Tensor.ofLongs(l, shape));
            }
        }
        for (int i = 0; i < aliases.size(); i++) {
            ParameterSpec s = parameters().get(i);
            for (String alias : aliases.get(i)) {
                out.put(alias, Safetensors.Tensor.ofDoubles(weights.get(s.name()), s.shape(), dtypeName));
            }
        }
        return out;
    }

    /** The module file (path and SHA-256), mode, shapes, parameters, buffers and tied names. */
    @Override
    public Map<String, Object> description() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("model", "torchscript");
        d.put("model_file", file.toString());
        d.put("model_sha256", sha256);
        d.put("module_mode", mode.key());
        d.put("input_shape", inputShape);
        d.put("output_shape", outputShape);
        d.put("outputs", outputs);
        d.put("parameter_count", parameterCount());
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < parameters().size(); i++) {
            ParameterSpec s = parameters().get(i);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("shape", s.shape());
            p.put("init", "module file");
            if (!aliases.get(i).isEmpty()) p.put("tied_to", aliases.get(i));
            params.put(s.name(), p);
        }
        d.put("parameters", params);
        Map<String, Object> bufs = new LinkedHashMap<>();
        for (Buffer b : buffers) bufs.put(b.name(), HostTensors.shape(b.original()));
        d.put("buffers", bufs);
        d.put("output_multiplier", 1.0);
        return d;
    }

    /** Releases the module and the tensors kept for it. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        for (int i = owned.size() - 1; i >= 0; i--) owned.get(i).releaseReference();
        owned.clear();
    }

    /** A std::string result (JavaCPP gives null for the empty string, as the root module's name). */
    private static String string(org.bytedeco.javacpp.BytePointer p) {
        return p == null ? "" : p.getString();
    }

    /** The informative line of a libtorch error (TorchScript tracebacks end with the Python-style error). */
    static String summary(RuntimeException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        String best = null;
        for (String line : m.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("Exception raised from") || l.startsWith("frame #")) continue;
            if (l.matches("^[A-Za-z]*Error: .*")) best = l;
            else if (best == null) best = l;
        }
        if (best == null) best = m.strip();
        return best.length() > 300 ? best.substring(0, 300) + "..." : best;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
