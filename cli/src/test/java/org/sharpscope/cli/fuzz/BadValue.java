package org.sharpscope.cli.fuzz;

import java.util.function.Function;

/**
 * One bad value for an option or parameter: a label (the literal value, or {@code <kind:what>}
 * for generated files), how to make it in a case's workspace, and what the program must do.
 *
 * @param label      how the value appears in case keys and reports
 * @param make       writes any files the value needs and returns the argument text
 * @param expect     what the program must do with it
 * @param notMissing true when the path exists: an error must not call it missing
 */
record BadValue(String label, Function<Workspace, String> make, Expect expect, boolean notMissing) {
    /** What the program must do with a value. */
    enum Expect {
        /** A value that can never be right: exit 2 with one error line. */
        REFUSE,
        /** A value that is legal for some options: exit 0, or exit 2 with one error line. */
        EITHER,
        /** A setting that would do nothing or is outside the documented range: exit 2, or exit 0 with a warning line. */
        REFUSE_OR_WARN
    }

    static BadValue literal(String value, Expect expect) {
        return new BadValue(value.isEmpty() ? "\"\"" : value, w -> value, expect, false);
    }

    static BadValue file(String label, Function<Workspace, Object> make, Expect expect) {
        return new BadValue(label, w -> String.valueOf(make.apply(w)), expect, true);
    }

    static BadValue missingPath(String label, Function<Workspace, Object> make, Expect expect) {
        return new BadValue(label, w -> String.valueOf(make.apply(w)), expect, false);
    }
}
