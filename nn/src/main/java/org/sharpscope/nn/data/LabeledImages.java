package org.sharpscope.nn.data;

/**
 * Raw examples as read from disk: unsigned bytes per example of shape {@code exampleShape}
 * (e.g. [1, 28, 28] or [3, 32, 32]), row-major, and integer labels in [0, classes).
 */
public record LabeledImages(long[] exampleShape, byte[] pixels, int[] labels, int classes) {
    public LabeledImages {
        long per = 1;
        for (long s : exampleShape) per *= s;
        if (per * labels.length != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + pixels.length + " pixel bytes");
        }
    }

    public int size() {
        return labels.length;
    }

    public int exampleSize() {
        return pixels.length / Math.max(labels.length, 1);
    }
}
