package org.sharpscope;

import java.util.Locale;

/**
 * Checks that an allocation a user's sizes imply fits in this JVM's heap before it is made, so
 * that a huge width or matrix is a one-line error at once instead of an OutOfMemoryError after
 * seconds of work.
 */
public final class Memory {
    private Memory() {}

    /**
     * Throws a {@link UserInputException} when {@code bytes} exceed the heap this JVM may still
     * use; {@code what} names the allocation ("--width 2000000000: the weights U, v and their
     * gradients") and {@code fix} says what to change.
     */
    public static void require(double bytes, String what, String fix) {
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > available) {
            throw new UserInputException(String.format(Locale.ROOT, "%s needs %s of memory but this JVM has %s free "
                    + "(-Xmx %s); %s", what, size(bytes), size(available), size(rt.maxMemory()), fix));
        }
    }

    /** A byte count for people: 512 MB, 16.0 GB. */
    public static String size(double bytes) {
        if (bytes >= 1e9) return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        if (bytes >= 1e6) return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
        return String.format(Locale.ROOT, "%.0f kB", Math.max(1, bytes / 1e3));
    }
}
