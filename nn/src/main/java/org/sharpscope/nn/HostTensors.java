package org.sharpscope.nn;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/** Copies between Java arrays and libtorch CPU tensors (always copies; never aliases Java memory). */
public final class HostTensors {
    private HostTensors() {}

    /** A new contiguous tensor of the given shape and dtype holding {@code values} (row-major). */
    public static Tensor fromDoubles(double[] values, long[] shape, Dtype dtype) {
        long n = 1;
        for (long s : shape) n *= s;
        if (n != values.length) {
            throw new IllegalArgumentException("shape holds " + n + " values, array has " + values.length);
        }
        Tensor t = torch.empty(shape, new TensorOptions(dtype.scalarType()), new MemoryFormatOptional());
        if (dtype == Dtype.FLOAT64) {
            t.data_ptr_double().put(values);
        } else {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
            t.data_ptr_float().put(f);
        }
        return t;
    }

    /** All values of a float or double tensor, row-major, as doubles. */
    public static double[] toDoubles(Tensor t) {
        Tensor c = t.contiguous();
        double[] out = new double[Math.toIntExact(c.numel())];
        int type = c.scalar_type().value; // enum identity does not hold for JavaCPP enums
        if (type == ScalarType.Double.value) {
            DoublePointer p = c.data_ptr_double();
            p.get(out);
        } else if (type == ScalarType.Float.value) {
            float[] f = new float[out.length];
            FloatPointer p = c.data_ptr_float();
            p.get(f);
            for (int i = 0; i < f.length; i++) out[i] = f[i];
        } else {
            return toDoubles(c.to(ScalarType.Double));
        }
        return out;
    }

    /** The tensor's shape. */
    public static long[] shape(Tensor t) {
        long[] s = new long[(int) t.dim()];
        for (int i = 0; i < s.length; i++) s[i] = t.size(i);
        return s;
    }
}
