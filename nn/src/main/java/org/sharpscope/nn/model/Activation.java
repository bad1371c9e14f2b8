package org.sharpscope.nn.model;

import org.bytedeco.pytorch.Tensor;
import org.sharpscope.UserInputException;

/** Pointwise nonlinearity of hidden layers. */
public enum Activation {
    RELU, TANH, LINEAR;

    public Tensor apply(Tensor x) {
        return switch (this) {
            case RELU -> x.relu();
            case TANH -> x.tanh();
            case LINEAR -> x;
        };
    }

    public String key() {
        return name().toLowerCase();
    }

    public static Activation parse(String text) {
        for (Activation a : values()) if (a.key().equalsIgnoreCase(text.trim())) return a;
        throw new UserInputException("unknown activation '" + text + "': use relu, tanh or linear");
    }
}
