package org.sharpscope.nn.train;

import org.sharpscope.UserInputException;

/**
 * The update rule: plain gradient descent ({@code gd}, full batch), mini-batch stochastic
 * gradient descent ({@code sgd}) or heavy-ball momentum ({@code momentum}: v ← βv + g, θ ← θ − ηv,
 * the PyTorch form, whose stability threshold is 2(1+β)/η instead of 2/η).
 */
public enum Optimizer {
    GD, SGD, MOMENTUM;

    public String key() {
        return name().toLowerCase();
    }

    public static Optimizer parse(String text) {
        for (Optimizer o : values()) if (o.key().equalsIgnoreCase(text.trim())) return o;
        throw new UserInputException("unknown optimizer '" + text + "': use gd, sgd or momentum");
    }
}
