package org.sharpscope.nn.model;

import org.sharpscope.UserInputException;

/**
 * Normalisation layers of the ResNet: none, layer (GroupNorm with one group: per example over
 * channels and pixels, per-channel affine) or batch (BatchNorm in train mode over the batch
 * processed — the whole batch, or each chunk of a chunked Hessian product).
 */
public enum Normalization {
    NONE, LAYER, BATCH;

    public String key() {
        return name().toLowerCase();
    }

    public static Normalization parse(String text) {
        for (Normalization k : values()) if (k.key().equalsIgnoreCase(text.trim())) return k;
        throw new UserInputException("unknown normalization '" + text + "': use none, layer or batch");
    }
}
