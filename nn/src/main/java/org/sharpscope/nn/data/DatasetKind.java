package org.sharpscope.nn.data;

import com.fasterxml.jackson.annotation.JsonValue;
import org.sharpscope.UserInputException;

/**
 * Where examples come from: Fashion-MNIST, MNIST (IDX files), CIFAR-10 (binary version), a
 * synthetic teacher-network regression ({@code synthetic}) or a synthetic Gaussian mixture
 * classification ({@code synthetic-mixture}).
 */
public enum DatasetKind {
    FASHION_MNIST("fashion-mnist"), MNIST("mnist"), CIFAR10("cifar10"), SYNTHETIC("synthetic"),
    SYNTHETIC_MIXTURE("synthetic-mixture");

    private final String key;

    DatasetKind(String key) {
        this.key = key;
    }

    /** The flag and config spelling, e.g. "fashion-mnist". */
    @JsonValue
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return key;
    }

    public boolean synthetic() {
        return this == SYNTHETIC || this == SYNTHETIC_MIXTURE;
    }

    public static DatasetKind parse(String text) {
        for (DatasetKind k : values()) if (k.key.equalsIgnoreCase(text.trim())) return k;
        throw new UserInputException("unknown dataset '" + text
                + "': use fashion-mnist, mnist, cifar10, synthetic or synthetic-mixture");
    }
}
