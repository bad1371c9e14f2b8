package org.sharpscope.nn.model;

import java.util.Arrays;

/**
 * One trainable tensor: its state_dict name, shape and initial distribution. {@code initStd > 0}
 * draws N(0, initStd²); {@code initStd == 0} fills with {@code initConstant}.
 */
public record ParameterSpec(String name, long[] shape, double initStd, double initConstant) {
    public static ParameterSpec gaussian(String name, long[] shape, double std) {
        return new ParameterSpec(name, shape, std, 0);
    }

    public static ParameterSpec constant(String name, long[] shape, double value) {
        return new ParameterSpec(name, shape, 0, value);
    }

    public long numel() {
        long n = 1;
        for (long s : shape) n *= s;
        return n;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
