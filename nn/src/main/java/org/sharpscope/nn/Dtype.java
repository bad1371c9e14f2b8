package org.sharpscope.nn;

import org.bytedeco.pytorch.global.torch.ScalarType;
import org.sharpscope.UserInputException;

/** Floating-point precision of a run's tensors: float32 (default) or float64. */
public enum Dtype {
    FLOAT32(ScalarType.Float, "F32", 4),
    FLOAT64(ScalarType.Double, "F64", 8);

    private final ScalarType scalarType;
    private final String safetensorsName;
    private final int bytes;

    Dtype(ScalarType scalarType, String safetensorsName, int bytes) {
        this.scalarType = scalarType;
        this.safetensorsName = safetensorsName;
        this.bytes = bytes;
    }

    public ScalarType scalarType() {
        return scalarType;
    }

    /** The dtype string of the safetensors format ("F32", "F64"). */
    public String safetensorsName() {
        return safetensorsName;
    }

    public int bytes() {
        return bytes;
    }

    /** The config/flag spelling: "float32" or "float64". */
    public String key() {
        return name().toLowerCase();
    }

    public static Dtype parse(String text) {
        for (Dtype d : values()) if (d.key().equalsIgnoreCase(text.trim())) return d;
        throw new UserInputException("unknown dtype '" + text + "': use float32 or float64");
    }
}
