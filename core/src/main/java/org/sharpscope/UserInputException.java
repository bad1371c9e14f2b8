package org.sharpscope;

/**
 * An error the user caused (bad flag, bad config value, missing or corrupt file). The program
 * prints its message as one line and exits with code 2; the message says what was wrong and how
 * to fix it.
 */
public final class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Throws when {@code value} is NaN or infinite; {@code name} is the flag or key. */
    public static double requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new UserInputException(name + " must be a finite number, got " + value);
        }
        return value;
    }

    /** Throws unless {@code value > 0} and finite. */
    public static double requirePositive(String name, double value) {
        requireFinite(name, value);
        if (value <= 0) {
            throw new UserInputException(name + " must be > 0, got " + value);
        }
        return value;
    }
}
