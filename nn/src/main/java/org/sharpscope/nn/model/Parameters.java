package org.sharpscope.nn.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bytedeco.pytorch.Tensor;
import org.sharpscope.UserInputException;
import org.sharpscope.nn.Dtype;
import org.sharpscope.nn.HostTensors;

/**
 * The trainable tensors of a {@link Network} (libtorch leaves with requires_grad, owned here and
 * alive as long as this object), in one dtype. The flattened vector concatenates them in
 * {@link Network#parameters()} order, each row-major — the coordinates of the Hessian operator.
 */
public final class Parameters {
    private final Network network;
    private final Dtype dtype;
    private final List<Tensor> tensors;
    private final int dimension;

    private Parameters(Network network, Dtype dtype, List<Tensor> tensors) {
        this.network = network;
        this.dtype = dtype;
        this.tensors = tensors;
        long n = network.parameterCount();
        if (n > Integer.MAX_VALUE - 8) {
            throw new UserInputException("network has " + n + " parameters; at most 2^31 are supported");
        }
        this.dimension = (int) n;
    }

    /**
     * Draws initial values from each spec's distribution with a Java RNG seeded by {@code seed}
     * (the same seed gives the same weights on every machine), in parameter order; a network with
     * its own {@link Network#initialValues()} (a loaded module) starts from those, whatever the seed.
     */
    public static Parameters initialize(Network network, Dtype dtype, long seed) {
        Map<String, double[]> own = network.initialValues();
        if (own != null) return of(network, dtype, own);
        Random rng = new Random(seed);
        Map<String, double[]> values = new LinkedHashMap<>();
        for (ParameterSpec s : network.parameters()) {
            double[] v = new double[Math.toIntExact(s.numel())];
            if (s.initStd() > 0) {
                for (int i = 0; i < v.length; i++) v[i] = s.initStd() * rng.nextGaussian();
            } else if (s.initConstant() != 0) {
                java.util.Arrays.fill(v, s.initConstant());
            }
            values.put(s.name(), v);
        }
        return of(network, dtype, values);
    }

    /** Parameters with the given values by name (every parameter must be present with the right size). */
    public static Parameters of(Network network, Dtype dtype, Map<String, double[]> values) {
        List<Tensor> ts = new ArrayList<>();
        for (ParameterSpec s : network.parameters()) {
            double[] v = values.get(s.name());
            if (v == null) {
                throw new UserInputException("checkpoint has no tensor '" + s.name()
                        + "'; it was saved for a different model (check --model, --depth, --width, --bias)");
            }
            if (v.length != s.numel()) {
                throw new UserInputException("checkpoint tensor '" + s.name() + "' has " + v.length
                        + " values, the model expects " + s + "; check --model, --depth, --width");
            }
            Tensor t = HostTensors.fromDoubles(v, s.shape(), dtype);
            t.set_requires_grad(true);
            ts.add(t);
        }
        return new Parameters(network, dtype, Collections.unmodifiableList(ts));
    }

    /** Parameters from a flattened vector. */
    public static Parameters ofFlat(Network network, Dtype dtype, double[] flat) {
        return of(network, dtype, split(network, flat));
    }

    /** A flattened vector of {@code network}'s parameters as values by state_dict name (inverse of {@link #flatten()}). */
    public static Map<String, double[]> split(Network network, double[] flat) {
        Map<String, double[]> values = new LinkedHashMap<>();
        int off = 0;
        for (ParameterSpec s : network.parameters()) {
            int n = Math.toIntExact(s.numel());
            if (off + n > flat.length) throw new IllegalArgumentException("vector has " + flat.length + " entries, need more");
            values.put(s.name(), java.util.Arrays.copyOfRange(flat, off, off + n));
            off += n;
        }
        if (off != flat.length) throw new IllegalArgumentException("vector has " + flat.length + " entries, need " + off);
        return values;
    }

    public Network network() {
        return network;
    }

    public Dtype dtype() {
        return dtype;
    }

    /** The leaf tensors, in parameter order. */
    public List<Tensor> tensors() {
        return tensors;
    }

    public int dimension() {
        return dimension;
    }

    /** All parameters as one vector. */
    public double[] flatten() {
        double[] out = new double[dimension];
        int off = 0;
        for (Tensor t : tensors) {
            double[] v = HostTensors.toDoubles(t.detach());
            System.arraycopy(v, 0, out, off, v.length);
            off += v.length;
        }
        return out;
    }

    /** Values by state_dict name. */
    public Map<String, double[]> byName() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < tensors.size(); i++) {
            out.put(network.parameters().get(i).name(), HostTensors.toDoubles(tensors.get(i).detach()));
        }
        return out;
    }

    /** Overwrites the values in place from a flattened vector (no autograd history). */
    public void assign(double[] flat) {
        if (flat.length != dimension) throw new IllegalArgumentException("need " + dimension + " entries");
        int off = 0;
        for (Tensor t : tensors) {
            int n = Math.toIntExact(t.numel());
            if (dtype == Dtype.FLOAT64) {
                t.data_ptr_double().put(flat, off, n);
            } else {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) f[i] = (float) flat[off + i];
                t.data_ptr_float().put(f);
            }
            off += n;
        }
    }
}
